package io.mailsift.trip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.mailsift.trip.Segment.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One segment per leg: the travel connector gives one reservation per passenger and leg (schema.org's convention),
 * so a booking for two gives two findings of each flight. Findings of the same leg (same kind, same booking reference
 * or none, same start and end places, same start) become one segment listing its passengers in finding order.
 *
 * <p>Each passenger's latest finding tells whether that passenger still travels. The leg is cancelled only when every
 * passenger's is; otherwise the cancelled passengers are left out of the list. A cancellation that names nobody (a
 * mail that could not tell whose) cancels every passenger whose own finding is older than it. The merged segment keeps
 * the earliest finding's id and UID, so its calendar event stays the same while that finding exists.
 */
final class SharedLegs {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Comparator<Segment> LATEST = Comparator.comparing(Segment::updatedAt)
            .thenComparingLong(Segment::findingId);

    private record Leg(Kind kind, @Nullable String reference, Place from, Place to, When start) {
    }

    private SharedLegs() {
    }

    /** The segments with the findings of each leg merged into one, in the order of each leg's first finding. */
    static List<Segment> merged(List<Segment> segments) {
        Map<Leg, List<Segment>> byLeg = new LinkedHashMap<>();
        for (Segment segment : segments) {
            byLeg.computeIfAbsent(new Leg(segment.kind(), segment.reference(), segment.from(), segment.to(),
                    segment.start()), leg -> new ArrayList<>()).add(segment);
        }
        List<Segment> merged = new ArrayList<>(byLeg.size());
        for (List<Segment> leg : byLeg.values()) {
            merged.add(leg.size() == 1 ? leg.getFirst() : merge(leg));
        }
        return merged;
    }

    private static Segment merge(List<Segment> leg) {
        List<Segment> byId = leg.stream().sorted(Comparator.comparingLong(Segment::findingId)).toList();
        // each passenger's latest finding, in the order of their first; and the latest finding that names nobody
        Map<String, Segment> latestByPassenger = new LinkedHashMap<>();
        Map<String, String> shownName = new LinkedHashMap<>();
        Segment unnamed = null;
        for (Segment segment : byId) {
            if (segment.passengers().isEmpty()) {
                unnamed = later(unnamed, segment);
            }
            for (String passenger : segment.passengers()) {
                String person = SPACES.matcher(passenger.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
                shownName.putIfAbsent(person, passenger);
                latestByPassenger.merge(person, segment, SharedLegs::later);
            }
        }
        Segment nobody = unnamed;
        List<String> travelling = new ArrayList<>();
        latestByPassenger.forEach((person, latest) -> {
            boolean cancelledByNobody = nobody != null && nobody.cancelled() && LATEST.compare(nobody, latest) > 0;
            if (!latest.cancelled() && !cancelledByNobody) {
                travelling.add(shownName.get(person));
            }
        });
        boolean nobodyTravels = nobody == null || nobody.cancelled()
                || latestByPassenger.values().stream().allMatch(latest -> LATEST.compare(latest, nobody) > 0);
        boolean cancelled = travelling.isEmpty() && (latestByPassenger.isEmpty() ? nobody.cancelled() : nobodyTravels);
        Segment first = byId.getFirst();
        Instant updatedAt = byId.stream().map(Segment::updatedAt).max(Instant::compareTo).orElseThrow();
        String reference = byId.stream().map(Segment::reference).filter(Objects::nonNull).findFirst().orElse(null);
        return new Segment(first.findingId(), first.uid(), first.kind(), first.summary(), first.from(), first.to(),
                first.start(), first.end(), reference, cancelled, updatedAt,
                cancelled ? List.copyOf(shownName.values()) : travelling,
                byId.stream().map(Segment::findingId).toList());
    }

    private static Segment later(@Nullable Segment one, Segment other) {
        return one == null || LATEST.compare(other, one) > 0 ? other : one;
    }
}
