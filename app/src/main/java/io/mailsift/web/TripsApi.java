package io.mailsift.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.mailsift.trip.CalendarFeeds;
import io.mailsift.trip.CalendarFeeds.FeedSummary;
import io.mailsift.trip.Place;
import io.mailsift.trip.Segment;
import io.mailsift.trip.TripStore;
import io.mailsift.trip.TripStore.StoredTrip;
import io.mailsift.trip.When;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The current user's trips (upcoming and past, each with its reservations), the home they travel from, and the
 * secret address of their iCalendar feed (create or rotate, look up, revoke).
 */
@RestController
@RequestMapping("/api/trips")
class TripsApi {

    private final TripStore trips;
    private final CalendarFeeds feeds;
    private final CurrentUser currentUser;

    TripsApi(TripStore trips, CalendarFeeds feeds, CurrentUser currentUser) {
        this.trips = trips;
        this.feeds = feeds;
        this.currentUser = currentUser;
    }

    /** A time as the traveller reads it: local, with its IANA zone (absent: unknown), or a date only. */
    record TimeView(String local, @Nullable String zone, boolean dateOnly) {

        static TimeView of(When when) {
            LocalDateTime local = when.local();
            return new TimeView(when.dateOnly() ? local.toLocalDate().toString() : local.toString(),
                    when.zone() == null ? null : when.zone().getId(), when.dateOnly());
        }
    }

    record PlaceView(String name, @Nullable String city, @Nullable String iataCode) {

        static PlaceView of(Place place) {
            return new PlaceView(place.name(), place.city(), place.iataCode());
        }
    }

    record ReservationView(long findingId, String kind, String summary, PlaceView from, PlaceView to, TimeView start,
            TimeView end, @Nullable String reference, List<String> passengers) {

        static ReservationView of(Segment segment) {
            return new ReservationView(segment.findingId(), segment.kind().name().toLowerCase(java.util.Locale.ROOT),
                    segment.summary(),
                    PlaceView.of(segment.from()), PlaceView.of(segment.to()), TimeView.of(segment.start()),
                    TimeView.of(segment.end()), segment.reference(), segment.passengers());
        }
    }

    record TripView(long id, String title, String destination, LocalDate startsOn, LocalDate endsOn,
            List<ReservationView> reservations) {

        static TripView of(StoredTrip stored) {
            var trip = stored.trip();
            return new TripView(stored.id(), trip.title(), trip.destination(), trip.startsOn(), trip.endsOn(),
                    trip.segments().stream().map(ReservationView::of).toList());
        }
    }

    /** The user's trips: those not over yet first (soonest first), then past ones (latest first). */
    record TripsView(List<TripView> upcoming, List<TripView> past) {
    }

    record HomeView(@Nullable String configured, @Nullable String inferred) {
    }

    record NewHome(@Nullable String home) {
    }

    record FeedView(boolean active, @Nullable String prefix, @Nullable Instant createdAt,
            @Nullable Instant lastUsedAt) {
    }

    /** A new feed address, shown this once. */
    record IssuedFeedView(String path, String prefix, Instant createdAt) {
    }

    @GetMapping
    TripsView trips() {
        Instant now = Instant.now();
        List<StoredTrip> all = trips.trips(currentUser.id());
        List<TripView> upcoming = all.stream().filter(t -> !t.trip().endsAt().isBefore(now)).map(TripView::of)
                .toList();
        List<TripView> past = all.stream().filter(t -> t.trip().endsAt().isBefore(now)).map(TripView::of)
                .toList().reversed();
        return new TripsView(upcoming, past);
    }

    @GetMapping("/home")
    HomeView home() {
        long userId = currentUser.id();
        Optional<String> configured = trips.configuredHome(userId);
        String inferred = configured.isPresent() ? null
                : trips.home(userId).map(Place::shownCity).orElse(null);
        return new HomeView(configured.orElse(null), inferred);
    }

    /** Sets the home (a city or an airport code); an empty or missing one lets Mailsift infer it again. */
    @PutMapping("/home")
    HomeView configureHome(@RequestBody NewHome request) {
        String home = request.home();
        if (home != null && home.strip().length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a home of at most 200 characters, please");
        }
        trips.configureHome(currentUser.id(), home);
        return home();
    }

    @GetMapping("/feed")
    FeedView feed() {
        return feeds.live(currentUser.id())
                .map((FeedSummary f) -> new FeedView(true, f.prefix(), f.createdAt(), f.lastUsedAt()))
                .orElse(new FeedView(false, null, null, null));
    }

    /** Creates the feed's secret address, or replaces it (the old one answers 404 from now on). */
    @PostMapping("/feed")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedFeedView rotateFeed() {
        var issued = feeds.rotate(currentUser.id());
        return new IssuedFeedView(issued.path(), issued.prefix(), issued.createdAt());
    }

    @DeleteMapping("/feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeFeed() {
        if (!feeds.revoke(currentUser.id())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no calendar feed to revoke");
        }
    }
}
