package io.mailsift.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.mailsift.trip.CalendarFeeds;
import io.mailsift.trip.Segment;
import io.mailsift.trip.TripCalendar;
import io.mailsift.trip.TripStore;
import io.mailsift.trip.TripStore.StoredTrip;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The iCalendar feed at its secret address: calendar apps subscribe without signing in, so the secret in the path is
 * the only credential, and it reveals nothing but its owner's trips. Unknown and revoked secrets answer 404.
 */
@RestController
class CalendarFeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;
    private final TripStore trips;

    CalendarFeedController(CalendarFeeds feeds, TripStore trips) {
        this.feeds = feeds;
        this.trips = trips;
    }

    @GetMapping("/calendar/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        long userId = feeds.owner(secret)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such calendar"));
        List<StoredTrip> stored = trips.trips(userId);
        List<Segment> cancelled = trips.reservations(userId).stream().filter(Segment::cancelled).toList();
        String calendar = TripCalendar.write(stored.stream().map(StoredTrip::trip).toList(), cancelled);
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(calendar);
    }
}
