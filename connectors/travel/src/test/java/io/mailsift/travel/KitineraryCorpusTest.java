package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KDE Itinerary test corpus (CC0, kept once in connector-api's test resources and on this module's class path
 * through its test-jar, see {@code kitinerary/README.md} there): every reservation
 * kitinerary finds in a document's schema.org markup must come out as a finding with the same identifying fields,
 * and nothing else may.
 */
class KitineraryCorpusTest {

    private final TravelConnector connector = new TravelConnector();

    /** Structured-data cases: X.json holds the schema.org items of X.html, so it is both input and expectation. */
    static Stream<String> structuredDataCases() {
        return files("kitinerary/structureddata", ".json");
    }

    /** The HTML documents of the structured-data cases. */
    static Stream<String> structuredDataDocuments() {
        return files("kitinerary/structureddata", ".html");
    }

    /** Extractor cases whose expectation kitinerary derives from markup in the document. */
    static Stream<String> markupDocuments() {
        return Stream.concat(files("kitinerary/extractordata/web", ".html"),
                files("kitinerary/extractordata/synthetic", ".eml"));
    }

    @ParameterizedTest
    @MethodSource("structuredDataCases")
    void shouldFindEveryReservationOfTheStructuredDataCorpus(String json) {
        List<Map<String, Object>> items = Mails.items(Mails.resource(json));

        List<Finding> findings = connector.extract(Mails.withItems(items));

        assertThat(findings.stream().map(f -> summary(f.data())).toList())
                .containsExactlyInAnyOrderElementsOf(expectedReservations(items));
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("structuredDataDocuments")
    void shouldFindEveryReservationOfTheStructuredDataCorpusInItsParsedHtml(String html) {
        Email email = Mails.parsed(html);

        List<Finding> findings = connector.extract(email);

        List<Map<String, Object>> expected = Mails.items(Mails.resource(html.replaceAll("\\.html$", ".json")));
        assertThat(findings.stream().map(f -> summary(f.data())).toList())
                .containsExactlyInAnyOrderElementsOf(expectedReservations(expected));
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("markupDocuments")
    void shouldFindWhatKitineraryFindsInTheMarkupOfADocument(String document) {
        Email email = Mails.parsed(document);

        List<Finding> findings = connector.extract(email);

        List<Map<String, Object>> expected = Mails.items(Mails.resource(document + ".json"));
        assertThat(findings.stream().map(f -> summary(f.data())).toList())
                .containsExactlyInAnyOrderElementsOf(expectedReservations(expected));
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates()
                .containsExactlyElementsOf(connector.extract(email).stream().map(Finding::key).toList());
    }

    @Test
    void shouldFindTheGmailSampleFlightWithItsIdentifyingFields() {
        String document = "kitinerary/extractordata/synthetic/flight-booking.eml";

        List<Finding> findings = connector.extract(Mails.parsed(document));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo("FlightReservation");
            assertThat(summary(finding.data())).isEqualTo(
                    "FlightReservation|RXJ34P|UA|110|SFO|JFK|2027-03-05T04:15:00Z|||");
        });
    }

    @Test
    void shouldGiveTheSameKeysWhenAConfirmationIsSentAgain() {
        String document = "kitinerary/extractordata/synthetic/flight-booking.eml";
        String resent = Mails.resource(document)
                .replace("Message-ID: <2218054.ElGaqSPkdT@vlocalhost>", "Message-ID: <resent-1@vlocalhost>")
                .replace("Subject: Your Flight Booking", "Subject: Updated: Your Flight Booking")
                .replace("\"2027-03-14T13:05:00-05:00\"", "\"2027-03-15T08:00:00-05:00\"")
                .replace("\"departureTime\": \"2027-03-04T20:15:00-08:00\"",
                        "\"departureTime\": \"2027-03-04T21:45:00-08:00\"");

        List<String> original = connector.extract(Mails.parsed(document)).stream().map(Finding::key).toList();
        List<Finding> again = connector.extract(Mails.parsedBytes(resent.getBytes(StandardCharsets.UTF_8)));

        assertThat(again).extracting(Finding::key).hasSize(1).isEqualTo(original);
        assertThat(again.getFirst().data().get("modifiedTime")).isEqualTo("2027-03-15T08:00:00-05:00");
    }

    @Test
    void shouldGiveTheSameKeysToTheSameBookingInJsonLdAndInMicrodata() {
        assertThat(keysOf("google-flight-reservation-json-ld.json"))
                .hasSize(1).isEqualTo(keysOf("google-flight-reservation-microdata.json"));
        assertThat(keysOf("google-json-ld.json")).hasSize(1)
                .isEqualTo(keysOf("google-microdata.json"))
                .isEqualTo(keysOf("google-microdata-inline.json"));
    }

    @Test
    void shouldLeaveMailsWithoutMarkupToLaterHeuristics() {
        // kitinerary reads this Brussels Airlines mail with a provider-specific script; it carries no markup, so
        // whatever the connector finds in it comes from the text rules (TextReservations), not from markup.
        String document = "kitinerary/extractordata/brusselsairlines/brusselsairlines_1.html";

        assertThat(Mails.parsed(document).allStructuredData()).isEmpty();
    }

    private List<String> keysOf(String structuredData) {
        List<Map<String, Object>> items = Mails.items(Mails.resource("kitinerary/structureddata/" + structuredData));
        return connector.extract(Mails.withItems(items)).stream().map(Finding::key).toList();
    }

    /** The reservations among expected items, as summaries; kitinerary's places and events are not bookings. */
    private static List<String> expectedReservations(List<Map<String, Object>> items) {
        List<String> summaries = new ArrayList<>();
        for (Map<String, Object> item : items) {
            boolean reservation = JsonLd.types(item).stream().anyMatch(t -> t.endsWith("Reservation"));
            if (reservation && item.get("reservationFor") instanceof Map<?, ?>) {
                summaries.add(summary(item));
            }
        }
        return summaries;
    }

    /** The fields that identify a booking, in one comparable line; times compared as instants. */
    private static String summary(Map<String, Object> reservation) {
        return String.join("|",
                JsonLd.localName(JsonLd.types(reservation).getFirst()),
                text(reservation, "reservationNumber"),
                text(reservation, "reservationFor", "airline", "iataCode"),
                text(reservation, "reservationFor", "flightNumber"),
                text(reservation, "reservationFor", "departureAirport", "iataCode"),
                text(reservation, "reservationFor", "arrivalAirport", "iataCode"),
                instant(text(reservation, "reservationFor", "departureTime")),
                JsonLd.types(reservation).getFirst().endsWith("FlightReservation")
                        ? "" : text(reservation, "reservationFor", "name"),
                text(reservation, "checkinDate"),
                instant(text(reservation, "reservationFor", "startDate")));
    }

    private static String text(Map<String, Object> object, String... path) {
        return JsonLd.text(object, path).orElse("");
    }

    private static String instant(String dateTime) {
        try {
            return OffsetDateTime.parse(dateTime).toInstant().toString();
        } catch (DateTimeParseException e) {
            return dateTime;
        }
    }

    /** A corpus folder's files, read from a directory or from connector-api's test-jar, whichever is on the path. */
    private static Stream<String> files(String directory, String suffix) {
        URI folder;
        try {
            folder = KitineraryCorpusTest.class.getResource("/" + directory).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!"jar".equals(folder.getScheme())) {
            return list(Path.of(folder), directory, suffix);
        }
        try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
            return list(jar.getPath("/" + directory), directory, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> list(Path folder, String directory, String suffix) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .map(name -> directory + "/" + name)
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
