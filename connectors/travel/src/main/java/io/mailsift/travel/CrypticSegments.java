package io.mailsift.travel;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GDS segment line as travel agencies paste it from the reservation system ("1  LH 400 Y 04MAR 4 FRAJFK
 * HK1  1015 1255", Sabre's "LH 400Y 04MAR Q FRAJFK HK1 1015A 1255P"): after the day and month, the city pair is
 * written as one word of two airport codes, followed by the segment's status and its departure and arrival times.
 */
final class CrypticSegments {

    /**
     * A segment's route, the 24-hour times printed after it (none when they carry a meridiem letter) and its status
     * code ("HK", "TK"; empty when the line prints none).
     */
    record Segment(String from, String to, List<LocalTime> times, String status) {

        /**
         * Whether the reservation system holds the seat: a confirmed, sold or schedule-changed segment, not one
         * waitlisted, requested, cancelled or refused. Such a line is a booking's own printout, which no offer,
         * newsletter or note about a trip prints.
         */
        boolean held() {
            return HELD.contains(status) && times.size() == 2;
        }
    }

    /** Statuses of a segment whose seat is held: confirmed, sold, reconfirmed, schedule change confirmed, passive. */
    private static final java.util.Set<String> HELD = java.util.Set.of("HK", "KK", "TK", "RR", "SS", "HS", "GK", "KL");

    private static final Pattern SEGMENT = Pattern.compile(
            "(?<![\\p{L}\\d])\\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\\d{2})?[ \\t]+"
                    + "(?:[1-7A-Z][ \\t]+)?([A-Z]{3})([A-Z]{3})(?![\\p{L}\\d])"
                    + "(?:[ \\t]+([A-Z]{2})\\d{1,2})?(?:[ \\t]+([01]\\d|2[0-3])([0-5]\\d)(?![\\d\\p{L}])"
                    // Galileo marks an arrival on the next day with "#" ("2200  #0605"), others with "+1" after it
                    + "(?:[ \\t]+#?([01]\\d|2[0-3])([0-5]\\d)(?![\\d\\p{L}]))?)?");

    /** A held status with its seat count as segments print it ("HK1", "TK2"), the cheap test before reading lines. */
    private static final Pattern HELD_STATUS = Pattern.compile("(?<![A-Z\\d])(?:HK|KK|TK|RR|SS|HS|GK|KL)\\d{1,2}(?![\\p{L}\\d])");

    /**
     * The airline's record locator a segment line ends with: Amadeus' "BA/6TQ8WX", Sabre's "/DCLO*ZK4Q7M" (the
     * airline's designator, then its six-character code).
     */
    private static final Pattern LOCATOR = Pattern.compile(
            "(?:(?<=/DC)|(?<![A-Z\\d]))([A-Z\\d]{2})[/*]([A-Z\\d]{6})(?![A-Z\\d/])");

    private CrypticSegments() {
    }

    /** The airline's record locator printed on a segment line after its route, when its airline is known. */
    static Optional<String> locator(String lineAfterRoute) {
        Matcher m = LOCATOR.matcher(lineAfterRoute);
        while (m.find()) {
            String code = m.group(2);
            if (Airports.airline(m.group(1)).isPresent() && code.chars().anyMatch(Character::isLetter)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the text may print a segment whose seat is held: some status code with its seat count. Asked of every
     * mail without a booking reference (most of them newsletters), so the pattern is only tried where a capital
     * letter is followed by another and a digit, not at each of the text's indexes.
     */
    static boolean mayHoldSeats(String text) {
        Matcher m = HELD_STATUS.matcher(text);
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'G' && c <= 'T' && isCapital(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
                    && m.region(i, text.length()).useTransparentBounds(true).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The segment a line prints, when both halves of its city pair are airports and differ. */
    static Optional<Segment> onLine(String line) {
        Matcher m = SEGMENT.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String from = m.group(1);
        String to = m.group(2);
        if (from.equals(to) || Airports.airport(from).isEmpty() || Airports.airport(to).isEmpty()) {
            return Optional.empty();
        }
        List<LocalTime> times = new ArrayList<>();
        if (m.group(4) != null) {
            times.add(LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
            if (m.group(6) != null) {
                times.add(LocalTime.of(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7))));
            }
        }
        return Optional.of(new Segment(from, to, List.copyOf(times), m.group(3) == null ? "" : m.group(3)));
    }
}
