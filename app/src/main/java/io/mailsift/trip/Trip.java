package io.mailsift.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A trip as grouped: its reservations in order, the place where most nights are spent, and its local dates.
 *
 * @param title       "Paris, 4–8 March 2027"
 * @param destination the main destination's city (or the place's name when its city is unknown)
 * @param segments    the reservations, by start
 * @param startsOn    the local date of the first start
 * @param endsOn      the latest local date of an end
 * @param startsAt    the first start, as an instant
 * @param endsAt      the last end, as an instant
 */
public record Trip(String title, String destination, List<Segment> segments, LocalDate startsOn, LocalDate endsOn,
        Instant startsAt, Instant endsAt) {

    public Trip {
        segments = List.copyOf(segments);
    }
}
