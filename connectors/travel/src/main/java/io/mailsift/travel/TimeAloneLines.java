package io.mailsift.travel;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that print a time and nothing else but a next-day mark: "07 h 25 (+1 jour)", "6:25 AM +1", "10:15". In an
 * itinerary that prints each place above its time ("Paris (CDG)", then "07 h 25"), such a line ends the leg whose
 * place it follows: it is that arrival's time, not the start of the next leg.
 */
final class TimeAloneLines {

    /** What may stand beside the time: a day mark in brackets or not ("+1", "(+1 jour)", "+1 day", "(+1 Tag)"). */
    private static final Pattern DAY_MARK = Pattern.compile(
            "(?iu)[\\s()\\[\\]]*(?:\\+\\s?\\d\\s*(?:days?|jours?|tage?n?|días?|dias?|dag(?:en)?|giorn[oi])?)?[\\s()\\[\\]]*");

    private TimeAloneLines() {
    }

    /** Whether the line is one time, maybe with its next-day mark. */
    static boolean isTimeAlone(String line) {
        if (line.length() > 40) {
            return false;
        }
        List<DateTimes.Found<java.time.LocalTime>> times = DateTimes.times(line);
        if (times.size() != 1) {
            return false;
        }
        DateTimes.Found<java.time.LocalTime> time = times.getFirst();
        return line.substring(0, time.start()).isBlank() && DAY_MARK.matcher(line.substring(time.end())).matches();
    }
}
