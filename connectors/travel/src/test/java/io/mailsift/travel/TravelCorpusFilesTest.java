package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.testkit.EmlFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus of the travel quality bench ({@code bench/travel-corpus}, see its README) stays readable: every
 * mail parses as MIME, every label file parses and says only what the scorer knows, and the markup each label claims
 * is what the mail carries, so the "with / without markup" split of the figures is honest. It checks the corpus, not
 * the connector: no extraction runs here.
 */
class TravelCorpusFilesTest {

    private static final Path CORPUS = Path.of(System.getProperty("basedir", "."))
            .resolve("../../bench/travel-corpus").normalize();

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Flight", Set.of("flightNumber", "departure", "arrival", "departureTime"),
            "Train", Set.of("trainNumber", "departure", "arrival", "departureTime"),
            "Bus", Set.of("busNumber", "departure", "arrival", "departureTime"),
            "Lodging", Set.of("name", "checkinDate", "checkoutDate"),
            "RentalCar", Set.of("pickupLocation", "pickupTime", "dropoffLocation", "dropoffTime"),
            "Event", Set.of("name", "startTime"),
            "FoodEstablishment", Set.of("name", "startTime"));

    private static final Set<String> EVERY_TYPE_FIELDS = Set.of("type", "reservationNumber", "reservationStatus");

    static Stream<Path> mails() {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldHoldAtLeastEightyMailsOfWhichFifteenNegatives() {
        List<Path> mails = mails().toList();

        assertThat(mails).hasSizeGreaterThanOrEqualTo(80);
        assertThat(mails.stream().filter(mail -> labels(mail).get("negative") == Boolean.TRUE))
                .hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest
    @MethodSource("mails")
    void shouldParseEveryMailAndItsLabelsAndCarryTheMarkupTheyClaim(Path mail) throws IOException {
        Email email = EmlFixtures.parse(Files.readAllBytes(mail));
        Map<String, Object> labels = labels(mail);

        assertThat(email.headers().subject()).as("Subject of %s", mail).isNotBlank();
        assertThat(labels.get("language")).isIn("en", "fr", "de", "es");
        assertThat(labels.get("markup")).isIn("schema.org", "ics", "none");
        List<?> reservations = (List<?>) labels.get("reservations");
        if (labels.get("negative") == Boolean.TRUE) {
            assertThat(reservations).isEmpty();
        } else {
            assertThat(reservations).isNotEmpty();
        }
        for (Object reservation : reservations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) reservation;
            Set<String> known = FIELDS.get(String.valueOf(fields.get("type")));
            assertThat(known).as("type of a reservation in %s", mail).isNotNull();
            assertThat(fields.keySet()).as("fields of a reservation in %s", mail)
                    .allMatch(field -> known.contains(field) || EVERY_TYPE_FIELDS.contains(field));
        }
        assertCarriesTheClaimedMarkup(mail, email, String.valueOf(labels.get("markup")));
    }

    /** The split of the figures by markup relies on it: a mail labelled "none" must really have none. */
    private static void assertCarriesTheClaimedMarkup(Path mail, Email email, String markup) {
        switch (markup) {
            case "none" -> {
                assertThat(email.allStructuredData()).as("schema.org items in %s", mail).isEmpty();
                assertThat(email.allCalendars()).as("calendars in %s", mail).isEmpty();
            }
            case "ics" -> {
                assertThat(email.allStructuredData()).as("schema.org items in %s", mail).isEmpty();
                assertThat(email.allCalendars()).as("calendars in %s", mail).isNotEmpty();
            }
            default -> assertThat(email.allStructuredData()).as("schema.org items in %s", mail).isNotEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Path mail) {
        String name = mail.getFileName().toString();
        Path labels = mail.resolveSibling(name.substring(0, name.length() - ".eml".length()) + ".labels.json");
        try {
            return Mails.JSON.readValue(Files.readString(labels), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
