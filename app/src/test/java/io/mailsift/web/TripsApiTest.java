package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;


import io.mailsift.finding.FindingsChanged;
import io.mailsift.testing.BearerClient;
import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trips and the calendar feed over real HTTP against the real database: rebuilt after new findings, scoped to their
 * owner, gone with the mailbox they came from, and a feed address that stops working when rotated or revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class TripsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    private TestUser alice;
    private TestUser bob;
    private long alicesMailbox;
    private String alicesToken;
    private String bobsToken;

    @BeforeEach
    void aliceFliesToNewYorkAndBobToLisbon() {
        alice = users.create("alice");
        bob = users.create("bob");
        alicesToken = users.issueToken(alice.id());
        bobsToken = users.issueToken(bob.id());
        alicesMailbox = mailbox(alice.id(), "alice-mail", true);
        store(alicesMailbox, "out", flight("LH400", "FRA", "Frankfurt", "Germany", 50.03, 8.57, "2027-03-04T10:35:00+01:00",
                "JFK", "New York", "United States", 40.64, -73.78, "2027-03-04T13:20:00-05:00", "ALICE1"));
        store(alicesMailbox, "back", flight("LH401", "JFK", "New York", "United States", 40.64, -73.78,
                "2027-03-08T18:00:00-05:00", "FRA", "Frankfurt", "Germany", 50.03, 8.57, "2027-03-09T08:05:00+01:00",
                "ALICE1"));
        long bobsMailbox = mailbox(bob.id(), "bob-mail", true);
        store(bobsMailbox, "lisbon", flight("TP571", "FRA", "Frankfurt", "Germany", 50.03, 8.57,
                "2027-05-02T07:00:00+02:00", "LIS", "Lisbon", "Portugal", 38.78, -9.14, "2027-05-02T09:00:00+01:00",
                "BOB1"));
        events.publishEvent(new FindingsChanged(alicesMailbox));
        events.publishEvent(new FindingsChanged(bobsMailbox));
    }

    @Test
    void shouldGroupTheOwnersReservationsIntoATripAfterTheirFindingsChanged() throws Exception {
        JsonNode trips = awaitTrips(alicesToken, 1);

        JsonNode trip = trips.get("upcoming").get(0);
        assertThat(trip.get("title").asString()).isEqualTo("New York, 4–9 March 2027");
        assertThat(trip.get("reservations")).hasSize(2);
        assertThat(trip.get("reservations").get(0).get("start").get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(trip.get("reservations").get(0).get("end").get("zone").asString()).isEqualTo("America/New_York");
        assertThat(trips.get("past")).isEmpty();
    }

    @Test
    void shouldShowALegBookedForTwoAsOneReservationListingBoth() throws Exception {
        long bobsMailbox = mailbox(bob.id(), "bob-family", true);
        String leg = flight("TP573", "FRA", "Frankfurt", "Germany", 50.03, 8.57, "2027-05-02T12:00:00+02:00", "LIS",
                "Lisbon", "Portugal", 38.78, -9.14, "2027-05-02T14:00:00+01:00", "BOB2");
        store(bobsMailbox, "family-bob", leg.replace("\"reservationNumber\"",
                "\"underName\":{\"@type\":\"Person\",\"name\":\"Bob Stone\"},\"reservationNumber\""));
        store(bobsMailbox, "family-eve", leg.replace("\"reservationNumber\"",
                "\"underName\":{\"@type\":\"Person\",\"name\":\"Eve Stone\"},\"reservationNumber\""));
        events.publishEvent(new FindingsChanged(bobsMailbox));

        JsonNode trips = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(bearer(bobsToken).get("/api/trips").body()),
                        view -> view.toString().contains("BOB2"));

        List<JsonNode> legs = new ArrayList<>();
        trips.get("upcoming").forEach(trip -> trip.get("reservations").forEach(legs::add));
        assertThat(legs).filteredOn(each -> each.get("reference").asString().equals("BOB2")).singleElement()
                .satisfies(family -> assertThat(family.get("passengers")).extracting(JsonNode::asString)
                        .containsExactly("Bob Stone", "Eve Stone"));
    }

    @Test
    void shouldShowNobodyElseTheTripsOrTheFeed() throws Exception {
        awaitTrips(alicesToken, 1);
        JsonNode bobs = awaitTrips(bobsToken, 1);

        assertThat(bobs.toString()).doesNotContain("ALICE1").doesNotContain("New York");
        String bobsFeed = anonymousGet(createFeed(bob)).body();
        assertThat(bobsFeed).contains("BOB1").doesNotContain("ALICE1").doesNotContain("LH400");
        assertThat(parse(bobsFeed).<VEvent>getComponents("VEVENT")).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("Lisbon, 2 May 2027", "Flight TP571 FRA → LIS");
    }

    @Test
    void shouldServeTheFeedWithoutSessionAsValidICalendarInEachSegmentsZone() throws Exception {
        awaitTrips(alicesToken, 1);
        String path = createFeed(alice);

        HttpResponse<String> feed = anonymousGet(path);

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(feed.body()).contains("\r\n").contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York");
        VEvent out = parse(feed.body()).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().startsWith("Flight LH400")).findFirst().orElseThrow();
        assertThat(out.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(Instant.from(out.getDateTimeEnd().getDate())).isEqualTo(
                LocalDateTime.parse("2027-03-04T13:20").atZone(ZoneId.of("America/New_York")).toInstant());
        assertThat(bearer(alicesToken).get("/api/trips/feed").body()).contains("\"active\":true")
                .doesNotContain(path.substring("/calendar/".length(), path.length() - 4));
    }

    @Test
    void shouldAnswer404OnceTheFeedIsRotatedOrRevokedAndForUnknownSecrets() throws Exception {
        String first = createFeed(alice);
        String second = createFeed(alice);

        assertThat(anonymousGet(first).statusCode()).isEqualTo(404);
        assertThat(anonymousGet(second).statusCode()).isEqualTo(200);
        assertThat(bearer(alicesToken).delete("/api/trips/feed").statusCode()).isEqualTo(204);
        assertThat(anonymousGet(second).statusCode()).isEqualTo(404);
        assertThat(anonymousGet("/calendar/msc_nothing.ics").statusCode()).isEqualTo(404);
        assertThat(bearer(alicesToken).delete("/api/trips/feed").statusCode()).isEqualTo(404);
        assertThat(anonymousGet("/api/trips").statusCode()).as("only the feed is open").isEqualTo(401);
    }

    @Test
    void shouldLeaveNoTripOfAnUnlinkedMailbox() throws Exception {
        awaitTrips(alicesToken, 1);
        String feed = createFeed(alice);

        assertThat(bearer(alicesToken).delete("/api/accounts/" + alicesMailbox).statusCode()).isEqualTo(204);

        JsonNode trips = JSON.readTree(bearer(alicesToken).get("/api/trips").body());
        assertThat(trips.get("upcoming")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM trips WHERE user_id = :id").param("id", alice.id())
                .query(Long.class).single()).isZero();
        assertThat(anonymousGet(feed).body()).doesNotContain("ALICE1").doesNotContain("VEVENT");
    }

    @Test
    void shouldLeaveOutMailboxesTheUserDidNotLetTheTravelConnectorRead() throws Exception {
        long unconsented = mailbox(alice.id(), "alice-other", false);
        store(unconsented, "rome", flight("AZ401", "FRA", "Frankfurt", "Germany", 50.03, 8.57,
                "2027-09-02T07:00:00+02:00", "FCO", "Rome", "Italy", 41.80, 12.25, "2027-09-02T09:00:00+02:00",
                "SECRET9"));
        events.publishEvent(new FindingsChanged(unconsented));

        JsonNode trips = awaitTrips(alicesToken, 1);
        Thread.sleep(1500);

        assertThat(JSON.readTree(bearer(alicesToken).get("/api/trips").body()).toString())
                .doesNotContain("SECRET9");
        assertThat(trips.toString()).doesNotContain("SECRET9");
    }

    @Test
    void shouldLetTheUserConfigureHomeAndRebuildAtOnce() throws Exception {
        awaitTrips(alicesToken, 1);

        HttpResponse<String> answer = put("/api/trips/home", alicesToken, "{\"home\":\"New York\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"configured\":\"New York\"");
        JsonNode trips = JSON.readTree(bearer(alicesToken).get("/api/trips").body());
        // Living in New York, the flight there ends a trip and the flight to Frankfurt starts the next.
        assertThat(trips.get("upcoming")).extracting(trip -> trip.get("title").asString())
                .containsExactly("New York, 4 March 2027", "Frankfurt, 8–9 March 2027");
        assertThat(JSON.readTree(put("/api/trips/home", alicesToken, "{\"home\":null}").body())
                .get("inferred").asString()).contains("Frankfurt");
    }

    @Test
    void shouldServeATripsPageLinkedFromTheFindingsPageThatInsertsTextOnly() throws Exception {
        assertThat(bearer(alicesToken).get("/index.html").body()).contains("href=\"/trips.html\"");
        HttpResponse<String> page = bearer(alicesToken).get("/trips.html");
        String script = bearer(alicesToken).get("/trips.js").body();
        HttpResponse<String> shared = bearer(alicesToken).get("/rest-client.js");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(shared.body()).contains("async function call(");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/trips.js\"></script>").doesNotContain("<script>")
                .doesNotContain("style=");
        assertThat(script).contains("textContent").doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("eval(");
    }

    // Dates in 2027: ical4j 4.1.1 turns a VTIMEZONE into java.time rules correctly only a few years ahead.
    private JsonNode awaitTrips(String token, int count) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> answer = bearer(token).get("/api/trips");
            return JSON.readTree(answer.body());
        }, trips -> trips.get("upcoming") != null && trips.get("upcoming").size() + trips.get("past").size() == count);
    }

    /** A feed address is minted in a signed-in session only (a token must not mint a credential that outlives it). */
    private String createFeed(TestUser user) throws Exception {
        try (SignedInSession session = SignedInSession.signIn("http://127.0.0.1:" + port, user)) {
            HttpResponse<String> created = session.post("/api/trips/feed", "{}");
            assertThat(created.statusCode()).isEqualTo(201);
            return JSON.readTree(created.body()).get("path").asString();
        }
    }

    @Test
    void shouldNotLetAPersonalAccessTokenMintAFeedAddress() throws Exception {
        assertThat(bearer(alicesToken).post("/api/trips/feed", "{}").statusCode()).isEqualTo(403);
        assertThat(bearer(alicesToken).get("/api/trips/feed").body()).contains("\"active\":false");
    }

    private long mailbox(long userId, String name, boolean travelConsent) {
        return travelConsent ? users.mailbox(userId, name, "travel") : users.mailbox(userId, name);
    }

    private void store(long accountId, String key, String payload) {
        jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload)
                VALUES (:accountId, 'travel', :key, 'FlightReservation', CAST(:payload AS jsonb))""")
                .param("accountId", accountId).param("key", key).param("payload", payload).update();
    }

    private static String flight(String number, String from, String fromCity, String fromCountry, double fromLat,
            double fromLon, String departure, String to, String toCity, String toCountry, double toLat, double toLon,
            String arrival, String reference) {
        return """
                {"@context":"https://schema.org","@type":"FlightReservation","reservationNumber":"%s",
                 "reservationFor":{"@type":"Flight","flightNumber":"%s",
                  "airline":{"@type":"Airline","iataCode":"%s"},
                  "departureAirport":{"@type":"Airport","iataCode":"%s","name":"%s airport",
                   "address":{"@type":"PostalAddress","addressLocality":"%s","addressCountry":"%s"},
                   "geo":{"@type":"GeoCoordinates","latitude":%s,"longitude":%s}},
                  "arrivalAirport":{"@type":"Airport","iataCode":"%s","name":"%s airport",
                   "address":{"@type":"PostalAddress","addressLocality":"%s","addressCountry":"%s"},
                   "geo":{"@type":"GeoCoordinates","latitude":%s,"longitude":%s}},
                  "departureTime":"%s","arrivalTime":"%s"}}""".formatted(reference, number.substring(2),
                number.substring(0, 2), from, fromCity, fromCity, fromCountry, fromLat, fromLon, to, toCity, toCity,
                toCountry, toLat, toLon, departure, arrival);
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> put(String path, String token, String json) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private BearerClient bearer(String token) {
        return new BearerClient(base(), token);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

}
