package io.mailsift.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import io.mailsift.testing.TestUsers;
import io.mailsift.trip.TripStore.StoredTrip;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A booking for two travellers gives the travel connector's one finding per passenger and leg; trips and the calendar
 * show one segment per leg with its passengers, against the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class PassengerLegsTest {

    private static final String CANCELLED = "https://schema.org/ReservationCancelled";

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TripStore store;

    private long userId;
    private long mailbox;

    @BeforeEach
    void annaAndBenFlyToLisbonAndBack() {
        userId = users.create("anna").id();
        mailbox = users.mailbox(userId, "anna-mail-" + userId, "travel");
        store("out-anna", flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Anna Meyer", null));
        store("out-ben", flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Ben Meyer", null));
        store("back-anna", flight("TP572", "LIS", "FRA", "2027-05-09T10:00:00+01:00", "Anna Meyer", null));
        store("back-ben", flight("TP572", "LIS", "FRA", "2027-05-09T10:00:00+01:00", "Ben Meyer", null));
    }

    @Test
    void shouldShowOneSegmentPerLegListingItsPassengersAndOneCalendarEventEach() throws Exception {
        store.rebuild(userId);

        List<StoredTrip> trips = store.trips(userId);
        assertThat(trips).hasSize(1);
        List<Segment> legs = trips.getFirst().trip().segments();
        assertThat(legs).extracting(Segment::summary)
                .containsExactly("Flight TP571 FRA → LIS", "Flight TP572 LIS → FRA");
        assertThat(legs).extracting(Segment::passengers).containsOnly(List.of("Anna Meyer", "Ben Meyer"));
        assertThat(legs.getFirst().uid()).isEqualTo("out-anna." + findingId("out-anna") + "@mailsift");

        List<VEvent> events = events(trips);
        assertThat(events).hasSize(3).extracting(event -> event.getSummary().getValue())
                .contains("Flight TP571 FRA → LIS", "Flight TP572 LIS → FRA");
        assertThat(events).filteredOn(event -> event.getSummary().getValue().startsWith("Flight"))
                .allSatisfy(event -> assertThat(event.getDescription().getValue())
                        .contains("Passengers: Anna Meyer, Ben Meyer"));
    }

    @Test
    void shouldLeaveOutAPassengerWhoseReservationAloneWasCancelled() {
        update("out-ben", flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Ben Meyer", CANCELLED));

        store.rebuild(userId);

        List<Segment> legs = store.trips(userId).getFirst().trip().segments();
        assertThat(legs).hasSize(2);
        assertThat(legs.getFirst().cancelled()).isFalse();
        assertThat(legs.getFirst().passengers()).containsExactly("Anna Meyer");
        assertThat(legs.getLast().passengers()).containsExactly("Anna Meyer", "Ben Meyer");
    }

    @Test
    void shouldCancelTheLegOnlyWhenEveryPassengersReservationIsCancelled() throws Exception {
        update("out-anna", flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Anna Meyer", CANCELLED));
        update("out-ben", flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Ben Meyer", CANCELLED));

        store.rebuild(userId);

        List<StoredTrip> trips = store.trips(userId);
        assertThat(trips.getFirst().trip().segments()).extracting(Segment::summary)
                .containsExactly("Flight TP572 LIS → FRA");
        List<Segment> cancelled = store.reservations(userId).stream().filter(Segment::cancelled).toList();
        assertThat(cancelled).singleElement().satisfies(leg -> {
            assertThat(leg.summary()).isEqualTo("Flight TP571 FRA → LIS");
            assertThat(leg.passengers()).containsExactly("Anna Meyer", "Ben Meyer");
        });
        assertThat(events(trips, cancelled)).filteredOn(event -> event.getSummary().getValue().contains("TP571"))
                .singleElement().satisfies(event -> assertThat(event.getStatus().getValue())
                        .isEqualTo("CANCELLED"));
    }

    @ParameterizedTest(name = "departure {0}")
    @ValueSource(strings = {"2027-05-02T07:00:00+02:00", "2027-05-02T09:30:00+02:00", "2027-05-02"})
    void shouldCancelEveryPassengerOfTheLegWhenALaterCancellationNamesNobodyWhateverTimeItGives(String departure) {
        store("out-nobody", flight("TP571", "FRA", "LIS", departure, null, CANCELLED));

        store.rebuild(userId);

        assertThat(store.trips(userId).getFirst().trip().segments()).extracting(Segment::summary)
                .containsExactly("Flight TP572 LIS → FRA");
    }

    @Test
    void shouldShowALegOnceAtItsNewTimeWhenALaterScheduleChangeNamesNobody() {
        store("out-moved", flight("TP571", "FRA", "LIS", "2027-05-02T09:30:00+02:00", null, null));

        store.rebuild(userId);

        List<Segment> legs = store.trips(userId).getFirst().trip().segments();
        assertThat(legs).extracting(Segment::summary)
                .containsExactly("Flight TP571 FRA → LIS", "Flight TP572 LIS → FRA");
        assertThat(legs.getFirst().start().toString()).contains("09:30");
        assertThat(legs.getFirst().passengers()).containsExactly("Anna Meyer", "Ben Meyer");
    }

    @Test
    void shouldShowALegReadWithoutItsReferenceOnceWithTheBookedLegOfItsNumberRouteAndDay() {
        // an e-ticket's itinerary page printing no booking reference: the connector keys it by the day
        store("ticket-anna", withoutReference(flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Anna Meyer",
                null), "2027-05-02"));
        store("ticket-other-day", withoutReference(flight("TP571", "FRA", "LIS", "2027-06-02T07:00:00+02:00",
                "Anna Meyer", null), "2027-06-02"));

        store.rebuild(userId);

        List<Segment> legs = store.trips(userId).stream().flatMap(trip -> trip.trip().segments().stream()).toList();
        assertThat(legs).extracting(Segment::summary)
                .containsExactly("Flight TP571 FRA → LIS", "Flight TP572 LIS → FRA", "Flight TP571 FRA → LIS");
        assertThat(legs.getFirst().passengers()).containsExactly("Anna Meyer", "Ben Meyer");
        assertThat(legs.getFirst().findingIds()).contains(findingId("ticket-anna"));
        assertThat(legs.getFirst().reference()).isEqualTo("LX7Q2M");
        assertThat(legs.getLast().findingIds()).containsExactly(findingId("ticket-other-day"));
    }

    @Test
    void shouldJoinALegWithoutReferenceToTheBookingOfItsPassengerWhenTwoBookingsHaveTheFlight() {
        // Carl booked the same flight on his own: his booking is another leg, and Anna's ticket joins hers
        store("out-carl", flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Carl Weber", null)
                .replace("LX7Q2M", "QZ4K8W").replace("urn:mailsift:leg:", "urn:mailsift:leg:QZ4K8W-"));
        store("ticket-anna", withoutReference(flight("TP571", "FRA", "LIS", "2027-05-02T07:00:00+02:00", "Anna Meyer",
                null), "2027-05-02"));

        store.rebuild(userId);

        List<Segment> outbound = store.trips(userId).stream().flatMap(trip -> trip.trip().segments().stream())
                .filter(segment -> segment.summary().equals("Flight TP571 FRA → LIS")).toList();
        assertThat(outbound).hasSize(2);
        assertThat(outbound).filteredOn(segment -> segment.findingIds().contains(findingId("out-anna")))
                .singleElement().satisfies(leg -> assertThat(leg.findingIds()).contains(findingId("ticket-anna")));
        assertThat(outbound).filteredOn(segment -> segment.findingIds().contains(findingId("out-carl")))
                .singleElement().satisfies(leg -> assertThat(leg.findingIds()).containsExactly(findingId("out-carl")));
    }

    private static String withoutReference(String payload, String day) {
        return payload.replace("\"reservationNumber\":\"LX7Q2M\",", "")
                .replace("urn:mailsift:leg:", "urn:mailsift:leg:" + day + "-");
    }

    private List<VEvent> events(List<StoredTrip> trips) throws Exception {
        return events(trips, List.of());
    }

    private static List<VEvent> events(List<StoredTrip> trips, List<Segment> cancelled) throws Exception {
        String calendar = TripCalendar.write(trips.stream().map(StoredTrip::trip).toList(), cancelled);
        return new CalendarBuilder().build(new StringReader(calendar)).getComponents("VEVENT");
    }

    private void store(String key, String payload) {
        jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload)
                VALUES (:accountId, 'travel', :key, 'FlightReservation', CAST(:payload AS jsonb))""")
                .param("accountId", mailbox).param("key", key).param("payload", payload).update();
    }

    private void update(String key, String payload) {
        jdbc.sql("""
                UPDATE findings SET payload = CAST(:payload AS jsonb), updated_at = now() + interval '1 minute'
                WHERE account_id = :accountId AND finding_key = :key""")
                .param("accountId", mailbox).param("key", key).param("payload", payload).update();
    }

    private long findingId(String key) {
        return jdbc.sql("SELECT id FROM findings WHERE account_id = :accountId AND finding_key = :key")
                .param("accountId", mailbox).param("key", key).query(Long.class).single();
    }

    private static String flight(String number, String from, String to, String departure, String passenger,
            String status) {
        return """
                {"@context":"https://schema.org","@type":"FlightReservation","reservationNumber":"LX7Q2M",%s%s
                 "reservationFor":{"@id":"urn:mailsift:leg:%s","@type":"Flight","flightNumber":"%s","airline":{"@type":"Airline","iataCode":"%s"},
                  "departureAirport":{"@type":"Airport","iataCode":"%s","name":"%s airport"},
                  "arrivalAirport":{"@type":"Airport","iataCode":"%s","name":"%s airport"},
                  "departureTime":"%s"}}""".formatted(
                passenger == null ? "" : "\"underName\":{\"@type\":\"Person\",\"name\":\"" + passenger + "\"},",
                status == null ? "" : "\"reservationStatus\":\"" + status + "\",", number, number.substring(2),
                number.substring(0, 2), from, from, to, to, departure);
    }
}
