package io.mailsift.travel;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * The offset of the clock a time is printed on, from the same moment on a calendar's clock: a journey planner's
 * event in UTC ("DTSTART:20270312T065500Z") whose description prints the stations' times ("Paris Est 07:55") starts at
 * 07:55 on a +01:00 clock. Offsets are whole hours or the few half- and quarter-hour ones zones use, within ±14 h.
 */
final class PrintedClock {

    /** The offsets off the whole hour that zones use, in minutes (India +05:30, Nepal +05:45, Newfoundland -03:30…). */
    private static final Set<Integer> PART_HOUR_OFFSETS = Set.of(-570, -210, -150, 210, 270, 330, 345, 390, 525,
            570, 630, 765, 825);
    private static final int DAY_MINUTES = 24 * 60;

    private PrintedClock() {
    }

    /**
     * The printed clock's offset when it differs from the calendar's at that moment, else empty (the same clock, or
     * no offset any zone uses: a time that is not the event's start).
     */
    static Optional<ZoneOffset> offset(LocalDateTime calendarTime, ZoneId calendarZone, LocalTime printed) {
        int difference = (int) Duration.between(calendarTime.toLocalTime(), printed).toMinutes();
        // the nearest way round the clock: 00:30 printed for 23:30 is an hour later, not 23 hours earlier
        difference = Math.floorMod(difference + DAY_MINUTES / 2, DAY_MINUTES) - DAY_MINUTES / 2;
        if (difference == 0) {
            return Optional.empty();
        }
        int calendarOffset = calendarZone.getRules().getOffset(calendarTime.atZone(calendarZone).toInstant())
                .getTotalSeconds() / 60;
        int offset = calendarOffset + difference;
        boolean used = Math.abs(offset) <= 14 * 60
                && (offset % 60 == 0 || PART_HOUR_OFFSETS.contains(offset));
        return used ? Optional.of(ZoneOffset.ofTotalSeconds(offset * 60)) : Optional.empty();
    }
}
