package io.mailsift.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.mailsift.trip.Segment.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Payloads as the travel connector stores them (copied from `mailsift scan bench/travel-corpus/written/*.eml`). */
class ReservationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String LUFTHANSA = """
            {"@context":"https://schema.org","@type":"FlightReservation","reservationFor":{"@type":"Flight",
            "flightNumber":"400","airline":{"@type":"Airline","iataCode":"LH","name":"Lufthansa"},
            "departureAirport":{"@type":"Airport","iataCode":"FRA","name":"Frankfurt am Main Airport",
            "address":{"@type":"PostalAddress","addressLocality":"Frankfurt","addressCountry":"Germany"},
            "geo":{"@type":"GeoCoordinates","latitude":50.0333,"longitude":8.5706}},
            "arrivalAirport":{"@type":"Airport","iataCode":"JFK","name":"John F Kennedy International Airport",
            "address":{"@type":"PostalAddress","addressLocality":"New York","addressCountry":"United States"},
            "geo":{"@type":"GeoCoordinates","latitude":40.6398,"longitude":-73.7789}},
            "departureTime":"2027-03-12T10:35:00+01:00","arrivalTime":"2027-03-12T13:20:00-05:00"},
            "reservationNumber":"K7TQ2M","underName":{"name":"Ms Anna Berg","@type":"Person"}}""";

    @Test
    void shouldReadAFlightWithBothEndsInTheirOwnZone() {
        Segment flight = read("FlightReservation", LUFTHANSA).orElseThrow();

        assertThat(flight.kind()).isEqualTo(Kind.FLIGHT);
        assertThat(flight.summary()).isEqualTo("Flight LH400 FRA → JFK");
        assertThat(flight.reference()).isEqualTo("K7TQ2M");
        assertThat(flight.from().city()).isEqualTo("Frankfurt");
        assertThat(flight.to().iataCode()).isEqualTo("JFK");
        assertThat(flight.start()).isEqualTo(When.at(LocalDateTime.parse("2027-03-12T10:35"),
                ZoneId.of("Europe/Berlin")));
        assertThat(flight.end()).isEqualTo(When.at(LocalDateTime.parse("2027-03-12T13:20"),
                ZoneId.of("America/New_York")));
        assertThat(flight.cancelled()).isFalse();
    }

    @Test
    void shouldReadUtcTimesAtTheAirportsLocalClock() {
        String britishAirways = LUFTHANSA.replace("2027-03-12T10:35:00+01:00", "2027-02-05T07:20:00Z")
                .replace("\"FRA\"", "\"LHR\"").replace("50.0333", "51.4706").replace("8.5706", "-0.4619");

        Segment flight = read("FlightReservation", britishAirways).orElseThrow();

        assertThat(flight.start()).isEqualTo(When.at(LocalDateTime.parse("2027-02-05T07:20"),
                ZoneId.of("Europe/London")));
    }

    @Test
    void shouldLeaveOutATimeWhoseYearNoCalendarOrDatabaseHolds() {
        String crafted = LUFTHANSA.replace("2027-03-12T10:35:00+01:00", "+300000-01-01T10:00:00Z");

        assertThat(read("FlightReservation", crafted)).isEmpty();
    }

    @Test
    void shouldTakeTheZoneTheAirportNamesOverOneGuessedFromItsOffset() {
        // Floating times would stay floating, and an offset alone fits several zones: the named zone decides.
        String named = LUFTHANSA.replace("\"geo\":{\"@type\":\"GeoCoordinates\",\"latitude\":50.0333,"
                + "\"longitude\":8.5706}", "\"additionalProperty\":{\"@type\":\"PropertyValue\","
                + "\"propertyID\":\"timeZone\",\"value\":\"Europe/Paris\"}")
                .replace("2027-03-12T10:35:00+01:00", "2027-03-12T10:35:00");
        String wrongOffset = LUFTHANSA.replace("\"geo\":{\"@type\":\"GeoCoordinates\",\"latitude\":50.0333,"
                + "\"longitude\":8.5706}", "\"additionalProperty\":[{\"@type\":\"PropertyValue\","
                + "\"propertyID\":\"timeZone\",\"value\":\"Asia/Tokyo\"}]");

        assertThat(read("FlightReservation", named).orElseThrow().start()).isEqualTo(
                When.at(LocalDateTime.parse("2027-03-12T10:35"), ZoneId.of("Europe/Paris")));
        assertThat(read("FlightReservation", wrongOffset).orElseThrow().start().zone())
                .as("a named zone that does not keep the printed offset gives way to it").isNotEqualTo(
                        ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void shouldReadAHotelByItsDatesAndAnEventsCityFromItsAddressLine() {
        Segment hotel = read("LodgingReservation", """
                {"@type":"LodgingReservation","reservationFor":{"@type":"LodgingBusiness",
                "name":"Hôtel Le Marais Saint-Paul ***"},"checkinTime":"2027-03-12","checkoutTime":"2027-03-15",
                "reservationNumber":"MSP-20931"}""").orElseThrow();
        Segment opera = read("EventReservation", """
                {"@type":"EventReservation","reservationFor":{"@type":"Event","name":"Der Nussknacker",
                "startDate":"2027-12-18T19:30:00","location":{"@type":"Place",
                "name":"Deutsche Oper Berlin, Bismarckstraße 35, 10627 Berlin"}},"reservationNumber":"4410228719"}""").orElseThrow();

        assertThat(hotel.start()).isEqualTo(When.on(LocalDate.of(2027, 3, 12)));
        assertThat(hotel.end()).isEqualTo(When.on(LocalDate.of(2027, 3, 15)));
        assertThat(opera.to().city()).isEqualTo("Berlin");
        assertThat(opera.start().zone()).as("no offset, no coordinates: floating").isNull();
        assertThat(opera.summary()).isEqualTo("Der Nussknacker");
    }

    @Test
    void shouldTakeAStationsCityFromItsNameAndAnExplicitZone() {
        Segment train = read("TrainReservation", """
                {"@type":"TrainReservation","reservationFor":{"@type":"TrainTrip","trainNumber":"ICE 599",
                "departureStation":{"@type":"TrainStation","name":"München Hbf"},
                "arrivalStation":{"@type":"TrainStation","name":"Berlin Hbf"},
                "departureTime":{"@type":"QDateTime","@value":"2027-04-01T08:00:00+02:00","timezone":"Europe/Berlin"},
                "arrivalTime":"2027-04-01T12:00:00+02:00"}}""").orElseThrow();

        assertThat(train.from().city()).isEqualTo("München");
        assertThat(train.start()).isEqualTo(When.at(LocalDateTime.parse("2027-04-01T08:00"),
                ZoneId.of("Europe/Berlin")));
        assertThat(train.end().zone()).as("an offset without coordinates: the fixed zone of the tz database")
                .isEqualTo(ZoneId.of("Etc/GMT-2"));
    }

    @Test
    void shouldNameTheZoneOfAnAddressWithACountryButNoCoordinates() {
        Segment lisbon = read("LodgingReservation", """
                {"@type":"LodgingReservation","reservationFor":{"@type":"LodgingBusiness","name":"Casa do Rio",
                "address":{"@type":"PostalAddress","addressLocality":"Lisboa","addressCountry":"PT"}},
                "checkinTime":"2027-03-04T15:00:00+00:00","checkoutTime":"2027-03-08T11:00:00+00:00"}""").orElseThrow();
        Segment chicago = read("LodgingReservation", """
                {"@type":"LodgingReservation","reservationFor":{"@type":"LodgingBusiness","name":"The Loop Inn",
                "address":{"@type":"PostalAddress","addressLocality":"Chicago","addressCountry":"US"}},
                "checkinTime":"2027-03-04T15:00:00-06:00","checkoutTime":"2027-03-08T11:00:00-06:00"}""").orElseThrow();
        Segment australia = read("LodgingReservation", """
                {"@type":"LodgingReservation","reservationFor":{"@type":"LodgingBusiness","name":"Harbour Rooms",
                "address":{"@type":"PostalAddress","addressCountry":"Australia"}},
                "checkinTime":"2027-07-04T15:00:00+10:00","checkoutTime":"2027-07-08T11:00:00+10:00"}""").orElseThrow();

        assertThat(lisbon.start().zone()).as("Portugal at +00:00 in March: Lisbon and Madeira keep one clock")
                .isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(chicago.start().zone()).as("the United States at -06:00 before daylight time: the central zones")
                .isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(australia.start().zone()).as("Australia at +10:00 in July: Sydney (daylight time from October) "
                + "and Brisbane (none) share the offset but not the clock, so the offset is all that is known")
                .isEqualTo(ZoneId.of("Etc/GMT-10"));
    }

    @Test
    void shouldMarkCancellationsAndLeaveOutWhatCannotBePlacedInTime() {
        assertThat(read("BusReservation", """
                {"@type":"BusReservation","reservationStatus":"https://schema.org/ReservationCancelled",
                "reservationFor":{"@type":"BusTrip","departureBusStop":{"name":"Paris Bercy"},
                "departureTime":"2027-04-21T23:30:00"}}""")).get().extracting(Segment::cancelled).isEqualTo(true);
        assertThat(read("LodgingReservation", """
                {"@type":"LodgingReservation","reservationFor":{"name":"Hotel"}}""")).isEmpty();
        assertThat(read("Order", "{\"@type\":\"Order\"}")).isEmpty();
    }

    private static Optional<Segment> read(String type, String json) {
        Map<String, Object> payload = JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
        return Reservations.segment(1, "key", type, payload, Instant.parse("2027-01-01T00:00:00Z"));
    }
}
