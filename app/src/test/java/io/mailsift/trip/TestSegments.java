package io.mailsift.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import io.mailsift.trip.Segment.Kind;

/** Reservations for grouping and calendar tests, written as a traveller reads them: "2027-03-04 10:35 Europe/Berlin". */
final class TestSegments {

    private static final AtomicLong ids = new AtomicLong();

    static final Place FRA = airport("FRA", "Frankfurt", 50.0333, 8.5706);
    static final Place JFK = airport("JFK", "New York", 40.6398, -73.7789);
    static final Place BOS = airport("BOS", "Boston", 42.3656, -71.0096);
    static final Place CDG = airport("CDG", "Paris", 49.0097, 2.5479);
    static final Place LYS = airport("LYS", "Lyon", 45.7256, 5.0811);
    static final Place SFO = airport("SFO", "San Francisco", 37.6190, -122.3749);
    static final Place HKG = airport("HKG", "Hong Kong", 22.3080, 113.9185);
    static final Place LIS = airport("LIS", "Lisbon", 38.7813, -9.1359);

    private TestSegments() {
    }

    static Place airport(String code, String city, double latitude, double longitude) {
        return new Place(code + " airport", city, code, latitude, longitude, null);
    }

    static Place station(String name, String city) {
        return new Place(name, city, null, null, null, null);
    }

    /** "2027-03-04 10:35 Europe/Berlin" */
    static When at(String text) {
        String[] parts = text.split(" ");
        return When.at(LocalDateTime.parse(parts[0] + "T" + parts[1]), ZoneId.of(parts[2]));
    }

    static Segment flight(Place from, Place to, String departure, String arrival) {
        return segment(Kind.FLIGHT, "Flight " + from.iataCode() + " → " + to.iataCode(), from, to, at(departure),
                at(arrival));
    }

    static Segment train(Place from, Place to, String departure, String arrival) {
        return segment(Kind.TRAIN, "Train " + from.name() + " → " + to.name(), from, to, at(departure), at(arrival));
    }

    static Segment car(Place pickup, Place dropoff, String from, String until) {
        return segment(Kind.RENTAL_CAR, "Rental car", pickup, dropoff, at(from), at(until));
    }

    static Segment hotel(String name, String city, String checkin, String checkout) {
        Place hotel = new Place(name, city, null, null, null, null);
        return segment(Kind.LODGING, name, hotel, hotel, When.on(LocalDate.parse(checkin)),
                When.on(LocalDate.parse(checkout)));
    }

    static Segment event(String name, Place venue, String start) {
        return segment(Kind.EVENT, name, venue, venue, at(start), at(start));
    }

    static Segment cancelled(Segment segment) {
        return new Segment(segment.findingId(), segment.uid(), segment.kind(), segment.summary(), segment.from(),
                segment.to(), segment.start(), segment.end(), segment.reference(), true, segment.updatedAt());
    }

    static Segment segment(Kind kind, String summary, Place from, Place to, When start, When end) {
        long id = ids.incrementAndGet();
        return new Segment(id, "test-" + id + "@mailsift", kind, summary, from, to, start, end, "REF" + id, false,
                Instant.parse("2027-01-01T00:00:00Z"));
    }
}
