package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.mailsift.connector.Finding;
import io.mailsift.finding.FindingStore;
import io.mailsift.finding.Provenance;
import io.mailsift.profile.ProfileUpdates;
import io.mailsift.testing.BearerClient;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trips and profile pages in a real browser after a real sign-in: a trip on the timeline with its flight, the
 * home form saving the user's home, a calendar feed address created from the page that serves iCalendar to anyone holding it,
 * and the shopper profile's spend; names from mail shown as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class TripsAndProfilePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindingStore findings;

    @Autowired
    ProfileUpdates profiles;

    @Test
    void shouldShowTheTripRegroupItAtHomeCreateAFeedAndShowTheProfile() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing().isEmpty(),
                () -> HeadlessChromium.missing().orElse("") + ": the browser check is skipped");
        TestUser alice = users.create("alice");
        long mailbox = users.mailbox(alice.id(), "alice-mail", "travel", "purchases");
        Provenance provenance = new Provenance(null, null, null, "INBOX", null);
        findings.upsert(mailbox, "travel", new Finding("FlightReservation", "ba117", Map.of(
                "reservationNumber", "PAGE42",
                "reservationFor", Map.of("@type", "Flight", "flightNumber", "117",
                        "airline", Map.of("@type", "Airline", "iataCode", "BA"),
                        "departureAirport", airport("LHR", "London", 51.47, -0.45),
                        "arrivalAirport", airport("JFK", "New York", 40.64, -73.78),
                        "departureTime", "2027-06-10T08:25:00+01:00",
                        "arrivalTime", "2027-06-10T11:05:00-04:00"))), provenance);
        findings.upsert(mailbox, "purchases", new Finding("Order", "kettle:KB-7", Map.of(
                "merchant", Map.of("@type", "Organization", "name", "Kettle <i>&</i> Bean"),
                "orderNumber", "KB-7",
                "orderDate", "2026-11-03",
                "price", "36.40",
                "priceCurrency", "EUR",
                "acceptedOffer", Map.of("@type", "Offer", "itemOffered", Map.of("name", "coffee beans"),
                        "price", "36.40", "priceCurrency", "EUR"))), provenance);
        try (BearerClient api = new BearerClient(base(), users.issueToken(alice.id()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/trips").body().contains("PAGE42"));
        }
        await().atMost(Duration.ofSeconds(20)).until(profiles::idle);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base() + "/");
            browser.signIn(alice.username(), alice.password(), Duration.ofSeconds(30));

            browser.open(base() + "/trips.html");
            browser.awaitText(Duration.ofSeconds(20), "New York", "Flight BA117 LHR → JFK", "PAGE42");

            browser.evaluate("document.getElementById('home-input').value = 'New York';"
                    + "document.querySelector('#home-form button').click(); return '';");
            browser.awaitText(Duration.ofSeconds(10), "You set it to New York.");
            assertThat(jdbc.sql("SELECT home FROM trip_homes WHERE user_id = :id").param("id", alice.id()).query(String.class)
                    .single()).isEqualTo("New York");

            browser.evaluate("document.getElementById('feed-create').click(); return '';");
            browser.awaitText(Duration.ofSeconds(10), "/calendar/msc_");
            String address = browser.evaluate("return document.getElementById('feed-url').textContent;");
            assertThat(address).startsWith(base() + "/calendar/msc_").endsWith(".ics");
            HttpResponse<String> feed = anonymousGet(address);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("PAGE42", "TZID:Europe/London");

            browser.open(base() + "/profile.html");
            browser.awaitText(Duration.ofSeconds(20), "1 orders.", "Kettle <i>&</i> Bean", "36.40 EUR");
            assertThat(browser.evaluate("return String(document.querySelectorAll('#merchants i').length);"))
                    .isEqualTo("0");
        }
    }

    private static Map<String, Object> airport(String code, String city, double latitude, double longitude) {
        return Map.of("@type", "Airport", "iataCode", code, "name", city + " airport",
                "address", Map.of("@type", "PostalAddress", "addressLocality", city),
                "geo", Map.of("@type", "GeoCoordinates", "latitude", latitude, "longitude", longitude));
    }

    private static HttpResponse<String> anonymousGet(String address) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(address)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
