package io.mailsift.trip;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Writes trips as an iCalendar (RFC 5545) document: one all-day event per trip, one event per reservation with its
 * start in the zone of its departure and its end in the zone of its arrival, a VTIMEZONE for every zone used (its
 * yearly rules or transitions around the events, taken from the JDK's tz rules), and cancelled reservations as
 * STATUS:CANCELLED so that calendars drop them. Lines end in CRLF and are folded at 75 octets without splitting a
 * UTF-8 character.
 */
public final class TripCalendar {

    static final String PRODUCT = "-//Mailsift//Trips 1.0//EN";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_OCTETS = 75;

    private TripCalendar() {
    }

    /**
     * The calendar of these trips and cancelled reservations.
     *
     * @param trips     the user's trips, their reservations each an event
     * @param cancelled reservations that were cancelled, each an event with STATUS:CANCELLED
     */
    public static String write(List<Trip> trips, List<Segment> cancelled) {
        List<Segment> segments = new ArrayList<>();
        trips.forEach(trip -> segments.addAll(trip.segments()));
        segments.addAll(cancelled);

        Lines out = new Lines();
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:" + PRODUCT);
        out.add("CALSCALE:GREGORIAN");
        out.add("METHOD:PUBLISH");
        out.add("X-WR-CALNAME:" + text("Trips (Mailsift)"));
        zonesUsed(segments).forEach((zone, range) -> timezone(out, zone, range[0], range[1]));
        for (Trip trip : trips) {
            tripEvent(out, trip);
        }
        for (Segment segment : segments) {
            segmentEvent(out, segment);
        }
        out.add("END:VCALENDAR");
        return out.toString();
    }

    private static void tripEvent(Lines out, Trip trip) {
        Instant stamp = trip.segments().stream().map(Segment::updatedAt).max(Instant::compareTo).orElseThrow();
        out.add("BEGIN:VEVENT");
        out.add("UID:" + tripUid(trip));
        out.add("DTSTAMP:" + utc(stamp));
        out.add("DTSTART;VALUE=DATE:" + DATE.format(trip.startsOn()));
        out.add("DTEND;VALUE=DATE:" + DATE.format(trip.endsOn().plusDays(1)));
        out.add("SUMMARY:" + text(trip.title()));
        out.add("LOCATION:" + text(trip.destination()));
        out.add("TRANSP:TRANSPARENT");
        out.add("STATUS:CONFIRMED");
        out.add("END:VEVENT");
    }

    /** A trip's UID follows its first reservation, so it stays the same while the trip grows. */
    static String tripUid(Trip trip) {
        byte[] first = trip.segments().getFirst().uid().getBytes(StandardCharsets.UTF_8);
        return "trip-" + HexFormat.of().formatHex(first, 0, Math.min(first.length, 16)) + "-"
                + trip.segments().getFirst().findingId() + "@mailsift";
    }

    private static void segmentEvent(Lines out, Segment segment) {
        out.add("BEGIN:VEVENT");
        out.add("UID:" + text(segment.uid()));
        out.add("DTSTAMP:" + utc(segment.updatedAt()));
        out.add("DTSTART" + time(segment.start()));
        if (hasEnd(segment)) {
            out.add("DTEND" + time(segment.end()));
        }
        out.add("SUMMARY:" + text(segment.summary()));
        out.add("LOCATION:" + text(location(segment.from())));
        StringBuilder description = new StringBuilder();
        if (segment.reference() != null) {
            description.append("Booking reference: ").append(segment.reference()).append('\n');
        }
        if (!segment.from().equals(segment.to())) {
            description.append("From: ").append(location(segment.from())).append('\n');
            description.append("To: ").append(location(segment.to())).append('\n');
        }
        if (!segment.passengers().isEmpty()) {
            description.append(segment.passengers().size() == 1 ? "Passenger: " : "Passengers: ")
                    .append(String.join(", ", segment.passengers())).append('\n');
        }
        if (!description.isEmpty()) {
            out.add("DESCRIPTION:" + text(description.toString().strip()));
        }
        out.add("STATUS:" + (segment.cancelled() ? "CANCELLED" : "CONFIRMED"));
        out.add("END:VEVENT");
    }

    /** DTEND only when it is later than DTSTART and of the same value type (RFC 5545 3.6.1). */
    private static boolean hasEnd(Segment segment) {
        When start = segment.start();
        When end = segment.end();
        if (start.dateOnly() != end.dateOnly()) {
            return false;
        }
        if (start.dateOnly()) {
            return end.date().isAfter(start.date());
        }
        return end.approximateInstant().isAfter(start.approximateInstant());
    }

    private static String location(Place place) {
        String city = place.city();
        boolean cityInName = city == null || Place.normalized(place.name()).contains(Place.normalized(city));
        return cityInName ? place.name() : place.name() + ", " + city;
    }

    /** ";VALUE=DATE:20270304", ";TZID=Europe/Paris:20270304T101500", or floating ":20270304T101500". */
    private static String time(When when) {
        if (when.dateOnly()) {
            return ";VALUE=DATE:" + DATE.format(when.date());
        }
        ZoneId zone = when.zone();
        LocalDateTime local = when.local().truncatedTo(ChronoUnit.SECONDS);
        if (zone == null) {
            return ":" + LOCAL.format(local);
        }
        if (zone instanceof ZoneOffset) {
            return ":" + utc(local.atZone(zone).toInstant());
        }
        return ";TZID=" + zone.getId() + ":" + LOCAL.format(local);
    }

    private static String utc(Instant instant) {
        return LOCAL.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)) + "Z";
    }

    /** Every region zone used by a start or end, with the first and last instant it is used at. */
    private static Map<ZoneId, Instant[]> zonesUsed(List<Segment> segments) {
        Map<String, ZoneId> byId = new TreeMap<>();
        Map<ZoneId, Instant[]> ranges = new LinkedHashMap<>();
        for (Segment segment : segments) {
            for (When when : List.of(segment.start(), segment.end())) {
                ZoneId zone = when.zone();
                if (when.dateOnly() || zone == null || zone instanceof ZoneOffset) {
                    continue;
                }
                Instant at = when.local().atZone(zone).toInstant();
                byId.put(zone.getId(), zone);
                ranges.merge(zone, new Instant[] {at, at}, (a, b) -> new Instant[] {
                        a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
        }
        Map<ZoneId, Instant[]> sorted = new LinkedHashMap<>();
        byId.values().forEach(zone -> sorted.put(zone, ranges.get(zone)));
        return sorted;
    }

    /**
     * A VTIMEZONE for the zone around the given uses. Where the zone's current yearly rules already apply (most zones,
     * for any date after their last change of law), one STANDARD and one DAYLIGHT observance with a yearly RRULE, as
     * calendar programs expect; a zone without daylight saving, one observance; otherwise every transition from a
     * year before the first use until a year after the last, each an observance of its own.
     */
    static void timezone(Lines out, ZoneId zone, Instant firstUse, Instant lastUse) {
        ZoneRules rules = zone.getRules();
        Instant from = firstUse.minus(366, ChronoUnit.DAYS);
        Instant until = lastUse.plus(366, ChronoUnit.DAYS);
        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && !t.getInstant().isAfter(until);
                t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        boolean byRules = !yearly.isEmpty() && yearly.stream().allMatch(rule -> byDay(rule) != null)
                && transitions.stream().allMatch(t -> yearly.stream()
                        .anyMatch(rule -> rule.createTransition(t.getDateTimeBefore().getYear()).equals(t)));
        if (transitions.isEmpty() && yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(from);
            observance(out, false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null);
        } else if (byRules) {
            for (ZoneOffsetTransitionRule rule : yearly) {
                // Starting in 1970 as calendar programs' own zone files do (some read the offset before the first
                // onset as undefined); the feed holds no date the rules did not govern.
                ZoneOffsetTransition first = rule.createTransition(1970);
                observance(out, !rule.getOffsetAfter().equals(rule.getStandardOffset()), first.getDateTimeBefore(),
                        first.getOffsetBefore(), first.getOffsetAfter(),
                        "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + byDay(rule));
            }
        } else {
            ZoneOffset initial = rules.getOffset(from);
            observance(out, rules.isDaylightSavings(from), LocalDateTime.ofInstant(from, initial), initial, initial,
                    null);
            for (ZoneOffsetTransition transition : transitions) {
                observance(out, rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
                        transition.getOffsetBefore(), transition.getOffsetAfter(), null);
            }
        }
        out.add("END:VTIMEZONE");
    }

    /** The rule's day as an RRULE part ("BYDAY=-1SU", "BYDAY=2SU", "BYMONTHDAY=21"); null when RRULE cannot say it. */
    private static @Nullable String byDay(ZoneOffsetTransitionRule rule) {
        if (rule.isMidnightEndOfDay()) {
            return null;
        }
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        if (weekday == null) {
            return day > 0 ? "BYMONTHDAY=" + day : null;
        }
        String name = weekday.name().substring(0, 2);
        // The tz compiler writes "last Sunday" of a 31-day month as "Sunday on or after the 25th".
        boolean last = day == -1 || (rule.getMonth() != Month.FEBRUARY && day + 6 == rule.getMonth().maxLength());
        if (last) {
            return "BYDAY=-1" + name;
        }
        return day > 0 && (day - 1) % 7 == 0 && day <= 22 ? "BYDAY=" + ((day - 1) / 7 + 1) + name : null;
    }

    private static void observance(Lines out, boolean daylight, LocalDateTime start, ZoneOffset before,
            ZoneOffset after, @Nullable String rrule) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        out.add("BEGIN:" + kind);
        out.add("DTSTART:" + LOCAL.format(start.truncatedTo(ChronoUnit.SECONDS)));
        if (rrule != null) {
            out.add("RRULE:" + rrule);
        }
        out.add("TZOFFSETFROM:" + offset(before));
        out.add("TZOFFSETTO:" + offset(after));
        out.add("END:" + kind);
    }

    /** "+0100", "-0330", "+053000" when seconds are needed (RFC 5545 3.3.14). */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String value = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? value : value + String.format("%02d", abs % 60);
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
    static String text(@Nullable String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> escaped.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** Content lines: CRLF after each, folded so that no line is longer than 75 octets of UTF-8. */
    static final class Lines {

        private final StringBuilder text = new StringBuilder();

        void add(String line) {
            int octets = 0;
            int i = 0;
            while (i < line.length()) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    text.append("\r\n ");
                    octets = 1;
                }
                text.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            text.append("\r\n");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
