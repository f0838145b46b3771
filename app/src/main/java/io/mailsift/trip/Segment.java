package io.mailsift.trip;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One reservation as the trip grouping and the calendar see it: where and when it starts and ends.
 *
 * @param findingId the finding it was read from (of a leg booked for several passengers: the earliest)
 * @param uid       a stable identifier (the finding's key and id), the calendar event's UID; of a leg read from
 *                  several findings, the earliest finding's by id, so it stays while that finding exists
 * @param kind      what is reserved
 * @param summary   one line for a calendar: "Flight LH 400 FRA → JFK", "Hotel Le Marais"
 * @param from      where it starts
 * @param to        where it ends (the same place for a stay or an event)
 * @param start     when it starts
 * @param end       when it ends ({@code start} when the reservation does not say)
 * @param reference the booking reference, when given
 * @param cancelled whether the reservation was cancelled
 * @param updatedAt  when the finding was last written (of several: the latest)
 * @param passengers who travels, in finding order (each passenger's own finding of the same leg, {@link SharedLegs});
 *                   passengers whose reservation alone was cancelled are left out; empty when no finding names one
 * @param findingIds every finding the segment was read from, by id: one per passenger of a shared leg
 * @param legId     the travel connector's name of a transport leg ({@code reservationFor}'s {@code @id},
 *                  "urn:mailsift:leg:" and the leg's key without any passenger part); the findings of one leg are
 *                  grouped by it ({@link SharedLegs}); null when the finding has none
 */
public record Segment(long findingId, String uid, Kind kind, String summary, Place from, Place to, When start,
        When end, @Nullable String reference, boolean cancelled, Instant updatedAt, List<String> passengers,
        List<Long> findingIds, @Nullable String legId) {

    public Segment {
        passengers = List.copyOf(passengers);
        findingIds = List.copyOf(findingIds);
    }

    /** A segment read from one finding that names no passenger. */
    public Segment(long findingId, String uid, Kind kind, String summary, Place from, Place to, When start, When end,
            @Nullable String reference, boolean cancelled, Instant updatedAt) {
        this(findingId, uid, kind, summary, from, to, start, end, reference, cancelled, updatedAt, List.of(),
                List.of(findingId), null);
    }

    /** The schema.org reservation types, grouped by how they move the traveller. */
    public enum Kind {
        FLIGHT, TRAIN, BUS, RENTAL_CAR, LODGING, EVENT, RESTAURANT;

        /** Whether the traveller leaves one place for another (a rental car may come back where it started). */
        boolean transport() {
            return this == FLIGHT || this == TRAIN || this == BUS || this == RENTAL_CAR;
        }
    }

    Instant startInstant() {
        return start.approximateInstant();
    }

    Instant endInstant() {
        Instant endInstant = end.approximateInstant();
        Instant startInstant = startInstant();
        return endInstant.isBefore(startInstant) ? startInstant : endInstant;
    }
}
