package io.mailsift.trip;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Groups one user's reservations into trips. The rule (docs/trips.md says the same for users):
 * <ol>
 * <li>Cancelled reservations and those without a start time take no part; the rest are sorted by start.</li>
 * <li>A reservation joins the trip before it when it starts before that trip ends (overlap: a hotel covers its
 * nights, an event within them), or within {@link #CONNECTION} of its end (a connection, the next day's train), or —
 * once the trip has taken the traveller away by plane, train, bus or car — where the trip last left them, within
 * {@link #STAY} (a week in New York without a hotel mail).</li>
 * <li>It does not join, and a new trip starts, when the trip has brought the traveller back home, or when it leaves
 * home by plane, train, bus or car after the trip has moved (an airport hotel the night before still joins).</li>
 * <li>Home is configured by the user, else inferred: the place where chains of journeys by plane, train or bus
 * most often start or end, ties going to where the earliest chain started.</li>
 * </ol>
 * The destination is where most nights are spent (hotel nights, else the nights between arriving somewhere and
 * leaving it), else the first place reached that is not home.
 */
public final class TripGrouping {

    /** A gap this short keeps reservations in one trip wherever they are. */
    static final Duration CONNECTION = Duration.ofHours(36);
    /** How long a traveller may stay where a trip left them, without any reservation, before it counts as over. */
    static final Duration STAY = Duration.ofDays(21);

    private static final Comparator<Segment> BY_START = Comparator.comparing(Segment::startInstant)
            .thenComparing(Segment::endInstant).thenComparingLong(Segment::findingId);

    private TripGrouping() {
    }

    /** The trips, in order, of these reservations (any order; cancelled ones are left out). */
    public static List<Trip> group(List<Segment> reservations, Optional<Place> configuredHome) {
        List<Segment> active = reservations.stream().filter(s -> !s.cancelled()).sorted(BY_START).toList();
        Place home = configuredHome.or(() -> inferHome(active)).orElse(null);
        List<Trip> trips = new ArrayList<>();
        Building current = null;
        for (Segment segment : active) {
            if (current != null && current.continuesWith(segment, home)) {
                current.add(segment, home);
            } else {
                if (current != null) {
                    trips.add(current.trip(home));
                }
                current = new Building();
                current.add(segment, home);
            }
        }
        if (current != null) {
            trips.add(current.trip(home));
        }
        return trips;
    }

    /**
     * Where the user lives, going by their journeys (planes, trains, buses; not rental cars, which come back where
     * they started): journeys less than {@link #CONNECTION} apart form a chain, and the place a chain starts from or
     * ends at scores a point; the place with most points wins, ties going to where the earliest chain started. A
     * stop in the middle of a chain (Paris, between a flight in and a train on) scores nothing.
     */
    static Optional<Place> inferHome(List<Segment> reservations) {
        List<Segment> journeys = reservations.stream().filter(s -> !s.cancelled())
                .filter(s -> s.kind().transport() && s.kind() != Segment.Kind.RENTAL_CAR).sorted(BY_START).toList();
        List<HomeScore> scores = new ArrayList<>();
        for (int i = 0; i < journeys.size(); i++) {
            Segment journey = journeys.get(i);
            boolean startsChain = i == 0 || Duration.between(journeys.get(i - 1).endInstant(),
                    journey.startInstant()).compareTo(CONNECTION) > 0;
            boolean endsChain = i == journeys.size() - 1 || Duration.between(journey.endInstant(),
                    journeys.get(i + 1).startInstant()).compareTo(CONNECTION) > 0;
            if (startsChain) {
                score(scores, journey.from(), journey.startInstant());
            }
            if (endsChain) {
                score(scores, journey.to(), Instant.MAX);
            }
        }
        return scores.stream()
                .filter(score -> !score.place().cityKey().isEmpty() || score.place().iataCode() != null
                        || score.place().hasCoordinates())
                .min(Comparator.comparingInt((HomeScore score) -> -score.points())
                        .thenComparing(HomeScore::firstDeparture))
                .map(HomeScore::place);
    }

    private record HomeScore(Place place, int points, Instant firstDeparture) {
    }

    private static void score(List<HomeScore> scores, Place place, Instant departure) {
        int index = indexOfArea(scores.stream().map(HomeScore::place).toList(), place);
        if (index < 0) {
            scores.add(new HomeScore(place, 1, departure));
        } else {
            HomeScore score = scores.get(index);
            Instant first = departure.isBefore(score.firstDeparture()) ? departure : score.firstDeparture();
            scores.set(index, new HomeScore(score.place(), score.points() + 1, first));
        }
    }

    private static int indexOfArea(List<Place> places, Place place) {
        for (int i = 0; i < places.size(); i++) {
            if (places.get(i).sameAreaAs(place)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean at(@Nullable Place place, @Nullable Place home) {
        return place != null && home != null && place.sameAreaAs(home);
    }

    /** A trip while it grows. */
    private static final class Building {

        private final List<Segment> segments = new ArrayList<>();
        private @Nullable Instant end;
        private @Nullable Place where;
        private boolean moved;
        private boolean backHome;

        boolean continuesWith(Segment next, @Nullable Place home) {
            Duration gap = Duration.between(end, next.startInstant());
            if (gap.isNegative()) {
                return true;
            }
            if (backHome) {
                return false;
            }
            if (next.kind().transport() && at(next.from(), home)) {
                return !moved && gap.compareTo(CONNECTION) <= 0;
            }
            if (gap.compareTo(CONNECTION) <= 0) {
                return true;
            }
            return moved && where != null && next.from().sameAreaAs(where) && gap.compareTo(STAY) <= 0;
        }

        void add(Segment segment, @Nullable Place home) {
            segments.add(segment);
            Instant segmentEnd = segment.endInstant();
            if (end == null || !segmentEnd.isBefore(end)) {
                end = segmentEnd;
                where = segment.to();
            } else if (segment.kind().transport()) {
                // A journey moves the traveller even while a hotel booked before it has not ended yet.
                where = segment.to();
            }
            if (segment.kind().transport() && !segment.from().sameAreaAs(segment.to())) {
                moved = true;
                backHome = at(segment.to(), home) && !at(segment.from(), home);
            }
        }

        Trip trip(@Nullable Place home) {
            LocalDate startsOn = segments.stream().map(s -> s.start().date()).min(LocalDate::compareTo).orElseThrow();
            LocalDate endsOn = segments.stream().map(s -> s.end().date()).max(LocalDate::compareTo).orElseThrow();
            if (endsOn.isBefore(startsOn)) {
                endsOn = startsOn;
            }
            Instant startsAt = segments.stream().map(Segment::startInstant).min(Instant::compareTo).orElseThrow();
            Instant endsAt = segments.stream().map(Segment::endInstant).max(Instant::compareTo).orElseThrow();
            String destination = destination(home).shownCity();
            return new Trip(TripTitles.title(destination, startsOn, endsOn), destination, segments, startsOn,
                    endsOn, startsAt, endsAt);
        }

        /** Where most nights are spent (the earliest of equals); else the first place reached that is not home. */
        private Place destination(@Nullable Place home) {
            List<Nights> nights = new ArrayList<>();
            boolean anyLodging = segments.stream().anyMatch(s -> s.kind() == Segment.Kind.LODGING);
            Place location = null;
            Segment arrival = null;
            for (Segment segment : segments) {
                if (segment.kind() == Segment.Kind.LODGING) {
                    Place place = segment.to();
                    if (place.cityKey().isEmpty() && !place.hasCoordinates() && location != null) {
                        // A hotel known only by its name is in the city the traveller last travelled to.
                        place = location;
                    }
                    addNights(nights, place, ChronoUnit.DAYS.between(segment.start().date(), segment.end().date()));
                } else if (segment.kind().transport()) {
                    if (!anyLodging && arrival != null) {
                        addNights(nights, arrival.to(),
                                ChronoUnit.DAYS.between(arrival.end().date(), segment.start().date()));
                    }
                    arrival = segment;
                    location = segment.to();
                }
            }
            Nights most = null;
            for (Nights candidate : nights) {
                if (candidate.nights() > 0 && !at(candidate.place(), home)
                        && (most == null || candidate.nights() > most.nights())) {
                    most = candidate;
                }
            }
            if (most != null) {
                return most.place();
            }
            return segments.stream().map(Segment::to).filter(p -> !at(p, home)).findFirst()
                    .orElse(segments.getFirst().to());
        }

        private static void addNights(List<Nights> nights, Place place, long count) {
            for (int i = 0; i < nights.size(); i++) {
                if (nights.get(i).place().sameAreaAs(place)) {
                    nights.set(i, new Nights(nights.get(i).place(), nights.get(i).nights() + count));
                    return;
                }
            }
            nights.add(new Nights(place, count));
        }
    }

    private record Nights(Place place, long nights) {
    }
}
