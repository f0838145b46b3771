package io.mailsift.trip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailsift.connector.PersonNames;
import io.mailsift.trip.Segment.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One segment per leg: the travel connector gives one reservation per passenger and leg (schema.org's convention),
 * so a booking for two gives two findings of each flight. Findings of the same leg become one segment listing its
 * passengers in finding order. The same leg: the same {@code reservationFor} {@code @id} the connector gives every
 * transport reservation ("urn:mailsift:leg:" and the leg's key without the passenger), so a later mail naming nobody
 * or one passenger, with a changed time or only a date, is still that leg; a finding without it (stored before the
 * connector wrote it) is grouped by kind, booking reference or none, start and end places and start. A numbered
 * flight without a booking reference joins the one flight under a reference with its number, route and day.
 *
 * <p>For each passenger, the latest finding among those naming that passenger or naming nobody tells whether that
 * passenger still travels. The leg is cancelled only when every passenger is (or, when no finding names one, when the
 * latest finding is a cancellation); otherwise the cancelled passengers are left out of the list. Names are compared
 * as the connector normalizes them for its keys (case, accents, punctuation, title words and word order do not
 * count: the SPI's {@link PersonNames}), and are kept only for display. The segment shows the latest travelling finding's places and times (a
 * schedule change) but keeps the earliest finding's id and UID, so its calendar event stays the same while that
 * finding exists.
 */
final class SharedLegs {

    private static final Comparator<Segment> LATEST = Comparator.comparing(Segment::updatedAt)
            .thenComparingLong(Segment::findingId);

    private record Leg(Kind kind, @Nullable String reference, Place from, Place to, When start) {
    }

    private SharedLegs() {
    }

    /** The segments with the findings of each leg merged into one, in the order of each leg's first finding. */
    static List<Segment> merged(List<Segment> segments) {
        Map<Object, List<Segment>> byLeg = new LinkedHashMap<>();
        for (Segment segment : segments) {
            Object leg = segment.legId() != null ? segment.legId()
                    : new Leg(segment.kind(), segment.reference(), segment.from(), segment.to(), segment.start());
            byLeg.computeIfAbsent(leg, key -> new ArrayList<>()).add(segment);
        }
        withoutReferenceJoined(byLeg);
        List<Segment> merged = new ArrayList<>(byLeg.size());
        for (List<Segment> leg : byLeg.values()) {
            merged.add(leg.size() == 1 ? leg.getFirst() : merge(leg));
        }
        return merged;
    }

    /**
     * A flight read without a booking reference (an e-ticket's itinerary page, whose key carries the day) joins the
     * flight under a reference with its number and route (the summary) and its day: the same flight from the
     * booking's confirmation and from its ticket is one leg. Where several referenced legs match (two bookings of one
     * flight), the one that shares a passenger with it; else none. A flight without a number joins nothing.
     */
    private static void withoutReferenceJoined(Map<Object, List<Segment>> byLeg) {
        for (Object key : List.copyOf(byLeg.keySet())) {
            List<Segment> group = byLeg.get(key);
            Segment one = group.getFirst();
            if (!isNumberedFlight(one) || group.stream().anyMatch(segment -> segment.reference() != null)) {
                continue;
            }
            List<List<Segment>> referenced = byLeg.entrySet().stream()
                    .filter(other -> !other.getKey().equals(key) && other.getValue().stream()
                            .anyMatch(segment -> segment.reference() != null && sameLegAndDay(segment, one)))
                    .map(Map.Entry::getValue).toList();
            if (referenced.size() > 1) {
                Set<String> passengers = passengersOf(group);
                referenced = referenced.stream()
                        .filter(candidate -> !Collections.disjoint(passengersOf(candidate), passengers)).toList();
            }
            if (referenced.size() == 1) {
                referenced.getFirst().addAll(group);
                byLeg.remove(key);
            }
        }
    }

    /** A flight whose summary names its number: "Flight LH2070 MUC → HAM", not "Flight MUC → HAM". */
    private static boolean isNumberedFlight(Segment segment) {
        String[] words = segment.summary().split(" ", 4);
        return segment.kind() == Kind.FLIGHT && words.length >= 3 && !"→".equals(words[2])
                && words[1].chars().anyMatch(Character::isDigit);
    }

    private static Set<String> passengersOf(List<Segment> leg) {
        return leg.stream().flatMap(segment -> segment.passengers().stream()).map(PersonNames::normalized)
                .collect(Collectors.toSet());
    }

    private static boolean sameLegAndDay(Segment one, Segment other) {
        return one.kind() == other.kind() && one.summary().equals(other.summary())
                && one.start().local().toLocalDate().equals(other.start().local().toLocalDate());
    }

    private static Segment merge(List<Segment> leg) {
        List<Segment> byId = leg.stream().sorted(Comparator.comparingLong(Segment::findingId)).toList();
        // each passenger's latest finding naming them, in the order of their first; and the latest naming nobody
        Map<String, Segment> latestByPassenger = new LinkedHashMap<>();
        Map<String, String> shownName = new LinkedHashMap<>();
        Segment nobody = null;
        for (Segment segment : byId) {
            if (segment.passengers().isEmpty()) {
                nobody = later(nobody, segment);
            }
            for (String passenger : segment.passengers()) {
                String person = PersonNames.normalized(passenger);
                shownName.putIfAbsent(person, passenger);
                latestByPassenger.merge(person, segment, SharedLegs::later);
            }
        }
        List<String> travelling = new ArrayList<>();
        for (Map.Entry<String, Segment> each : latestByPassenger.entrySet()) {
            if (!later(nobody, each.getValue()).cancelled()) {
                travelling.add(shownName.get(each.getKey()));
            }
        }
        boolean cancelled = latestByPassenger.isEmpty() ? nobody.cancelled() : travelling.isEmpty();
        Segment first = byId.getFirst();
        Segment shown = byId.stream().filter(segment -> cancelled || !segment.cancelled()).max(LATEST)
                .orElse(first);
        Instant updatedAt = byId.stream().map(Segment::updatedAt).max(Instant::compareTo).orElseThrow();
        String reference = byId.stream().map(Segment::reference).filter(Objects::nonNull).findFirst().orElse(null);
        return new Segment(first.findingId(), first.uid(), first.kind(), shown.summary(), shown.from(), shown.to(),
                shown.start(), shown.end(), reference, cancelled, updatedAt,
                cancelled ? List.copyOf(shownName.values()) : travelling,
                byId.stream().map(Segment::findingId).toList(), first.legId());
    }

    private static Segment later(@Nullable Segment one, Segment other) {
        return one == null || LATEST.compare(other, one) > 0 ? other : one;
    }
}
