package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real confirmation mails from the KItinerary corpus, wrapped the ways mailers send them. */
class KItineraryMessagesTest {

    /** KItinerary normalizes some types to their parent; the parser reports what the sender wrote. */
    private static final Map<String, Set<String>> SUBTYPES = Map.of(
            "LodgingBusiness", Set.of("LodgingBusiness", "Hotel"),
            "FoodEstablishment", Set.of("FoodEstablishment", "Restaurant"));

    private final EmailParser parser = new EmailParser();

    static Stream<Path> webPages() throws IOException {
        return Files.list(TestMessages.corpus("extractordata/web"))
                .filter(path -> path.toString().endsWith(".html"))
                .sorted();
    }

    static Stream<Path> calendars() throws IOException {
        return Stream.of("ical", "lufthansa", "meetup", "nationalrail")
                .flatMap(folder -> {
                    try {
                        return Files.list(TestMessages.corpus("extractordata/" + folder));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .filter(path -> path.toString().endsWith(".ics"))
                .sorted();
    }

    static Stream<Path> textMails() throws IOException {
        return Stream.of("amadeus/amadeus_1.txt", "eurowings/eurowings_1.txt", "fcm/fcmtravel_1.txt",
                "fcm/fcmtravel_2.txt", "fcm/fcmtravel_3.txt", "iberia/iberia_1.txt",
                "swiss/swiss_one-leg-return.txt")
                .map(name -> TestMessages.corpus("extractordata/" + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webPages")
    void shouldFindTheMarkedUpObjectOfAWebPageSentAsHtmlAlternative(Path html) throws Exception {
        byte[] raw = TestMessages.alternative(TestMessages.HEADERS, "plain", TestMessages.text(html));

        assertMatchesExpectation(parser.parse(raw), html);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webPages")
    void shouldFindTheMarkedUpObjectOfAWebPageSentAsRelatedHtmlWithImages(Path html) throws Exception {
        byte[] raw = TestMessages.related(TestMessages.HEADERS, TestMessages.text(html));

        Email email = parser.parse(raw);

        assertMatchesExpectation(email, html);
        assertThat(email.attachments()).singleElement()
                .satisfies(image -> {
                    assertThat(image.contentType()).isEqualTo("image/png");
                    assertThat(image.contentId()).isEqualTo("logo@x");
                    assertThat(image.inline()).isTrue();
                    assertThat(image.size()).isEqualTo(8);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webPages")
    void shouldFindTheMarkedUpObjectOfAWebPageInsideAForwardedMessage(Path html) throws Exception {
        byte[] inner = TestMessages.alternative(TestMessages.HEADERS, "plain", TestMessages.text(html));

        Email email = parser.parse(TestMessages.forwarding(inner));

        assertThat(email.structuredData()).isEmpty();
        assertThat(email.text()).isEqualTo("See below.");
        assertThat(email.forwarded()).singleElement()
                .satisfies(forwarded -> assertMatchesExpectation(forwarded, html));
        assertThat(email.allStructuredData()).isEqualTo(email.forwarded().getFirst().structuredData());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webPages")
    void shouldFindTheMarkedUpObjectOfAWebPageWithoutMimeCharset(Path html) throws Exception {
        byte[] raw = TestMessages.single(TestMessages.HEADERS, "text/html", "8bit", TestMessages.bytes(html));

        Email email = parser.parse(raw);

        assertMatchesExpectation(email, html);
        assertThat(email.text()).as("text of an HTML-only mail").isNotNull().doesNotContain("<");
    }

    @Test
    void shouldReadTheSyntheticGmailMarkupMessageAsSent() throws Exception {
        Path eml = TestMessages.corpus("extractordata/synthetic/flight-booking.eml");

        Email email = parser.parse(TestMessages.bytes(eml));

        assertThat(email.headers().subject()).isEqualTo("Your Flight Booking");
        assertThat(email.headers().from()).isEqualTo("noreply@non-existing-airline.com");
        assertThat(email.headers().fromName()).isEqualTo("Some Airline");
        assertThat(email.headers().messageId()).isEqualTo("2218054.ElGaqSPkdT@vlocalhost");
        assertThat(email.text()).startsWith("Example data taken from");
        assertThat(email.html()).contains("application/ld+json");
        Map<String, Object> expected = TestMessages.expectedJson(Path.of(eml + ".json")).getFirst();
        assertThat(email.structuredData()).singleElement().satisfies(reservation -> {
            assertThat(JsonLd.types(reservation)).containsExactly("FlightReservation");
            assertThat(JsonLd.text(reservation, "reservationNumber"))
                    .isEqualTo(JsonLd.text(expected, "reservationNumber")).contains("RXJ34P");
            assertThat(JsonLd.text(reservation, "reservationFor", "flightNumber")).contains("110");
            assertThat(JsonLd.text(reservation, "reservationFor", "departureAirport", "iataCode"))
                    .isEqualTo(JsonLd.text(expected, "reservationFor", "departureAirport", "iataCode"));
            assertThat(JsonLd.values(reservation.get("potentialAction"))).hasSize(4);
        });
    }

    @Test
    void shouldGiveTheLinesOfAnHtmlOnlyConfirmationWithoutMarkupAsText() throws Exception {
        Path folder = TestMessages.corpus("extractordata/brusselsairlines");
        byte[] raw = TestMessages.single(TestMessages.headersOf(folder), "text/html; charset=\"utf-8\"",
                "quoted-printable", TestMessages.bytes(folder.resolve("brusselsairlines_1.html")));

        Email email = parser.parse(raw);

        assertThat(email.headers().from()).isEqualTo("no-reply@brusselsairlines.com");
        assertThat(email.headers().fromName()).isEqualTo("Brussels Airlines");
        assertThat(email.structuredData()).isEmpty();
        assertThat(email.text()).isNotNull();
        assertThat(email.text().lines()).contains("Booking reference: XXX007")
                .noneMatch(line -> line.contains("FONT-SIZE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void shouldExposeAnAttachedCalendarAsText(Path ics) throws Exception {
        String calendar = TestMessages.text(ics);
        byte[] raw = TestMessages.crlf(("""
                From: Calendar <calendar@example.com>
                Subject: Invitation
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mixed"

                --mixed
                Content-Type: text/plain; charset=utf-8

                Your event.
                --mixed
                Content-Type: application/octet-stream; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                --mixed--
                """.formatted(ics.getFileName(), ics.getFileName(),
                TestMessages.base64(calendar.getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.UTF_8));

        Email email = parser.parse(raw);

        assertThat(email.text()).isEqualTo("Your event.");
        assertThat(email.calendars()).containsExactly(calendar);
        assertThat(email.attachments()).singleElement()
                .satisfies(attachment -> assertThat(attachment.filename()).isEqualTo(ics.getFileName().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void shouldExposeAnInlineCalendarInvitationAlternativeAsText(Path ics) throws Exception {
        String calendar = TestMessages.text(ics);
        byte[] raw = TestMessages.crlf(("""
                From: Calendar <calendar@example.com>
                Subject: Invitation
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                Your event.
                --alt
                Content-Type: text/calendar; charset=utf-8; method=REQUEST
                Content-Transfer-Encoding: quoted-printable

                %s
                --alt--
                """.formatted(TestMessages.quotedPrintable(calendar.getBytes(StandardCharsets.UTF_8))))
                .getBytes(StandardCharsets.UTF_8));

        Email email = parser.parse(raw);

        assertThat(email.text()).isEqualTo("Your event.");
        assertThat(email.calendars()).singleElement()
                .satisfies(text -> assertThat(text.replace("\r\n", "\n").strip())
                        .isEqualTo(calendar.replace("\r\n", "\n").strip()));
        assertThat(email.attachments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textMails")
    void shouldGiveThePlainTextOfATextConfirmation(Path txt) throws Exception {
        String text = TestMessages.text(txt);
        byte[] raw = TestMessages.single(TestMessages.headersOf(txt.getParent()), "text/plain; charset=utf-8",
                "quoted-printable", text.getBytes(StandardCharsets.UTF_8));

        Email email = parser.parse(raw);

        assertThat(email.text()).isEqualTo(text.replace("\r\n", "\n"));
        assertThat(email.html()).isNull();
        assertThat(email.headers().from()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textMails")
    void shouldGiveThePlainTextOfATextConfirmationSentInLatin1WithoutCharset(Path txt) throws Exception {
        String text = TestMessages.text(txt);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            return;
        }
        byte[] raw = TestMessages.single(TestMessages.headersOf(txt.getParent()), "text/plain", "8bit",
                text.getBytes(StandardCharsets.ISO_8859_1));

        Email email = parser.parse(raw);

        assertThat(normalizedLines(email.text())).isEqualTo(normalizedLines(text));
    }

    private static String normalizedLines(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    @SuppressWarnings("unchecked")
    private static void assertMatchesExpectation(Email email, Path html) {
        List<Map<String, Object>> expected = TestMessages.expectedJson(Path.of(html + ".json"));
        for (Map<String, Object> wanted : expected) {
            String wantedType = JsonLd.types(wanted).getFirst();
            Set<String> acceptable = SUBTYPES.getOrDefault(wantedType, Set.of(wantedType));
            assertThat(email.structuredData())
                    .as("an object of type %s named %s", wantedType, JsonLd.text(wanted, "name").orElse("?"))
                    .anySatisfy(found -> {
                        assertThat(JsonLd.types(found)).containsAnyElementsOf(acceptable);
                        assertThat(found).containsKey("@context");
                        for (String field : List.of("name", "startDate")) {
                            // kitinerary gives dates it resolved as {"@type": "QDateTime", "@value": ...} with an
                            // offset the page does not state; only what it kept as the page's text is compared.
                            Optional<String> asWritten = wanted.get(field) instanceof String
                                    ? JsonLd.text(wanted, field) : Optional.empty();
                            asWritten.ifPresent(value -> assertThat(
                                    JsonLd.text(found, field).map(KItineraryMessagesTest::squashed))
                                    .as(field).contains(squashed(value)));
                        }
                        JsonLd.text(wanted, "address", "addressLocality")
                                .or(() -> JsonLd.text(wanted, "location", "address", "addressLocality"))
                                .ifPresent(locality -> assertThat(found.toString()).contains(locality));
                    });
        }
    }

    private static String squashed(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
