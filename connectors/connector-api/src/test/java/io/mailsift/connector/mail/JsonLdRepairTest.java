package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mailsift.connector.Email;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON-LD as senders really write it: broken in many ways, read where it can be, skipped alone where not. */
class JsonLdRepairTest {

    private final EmailParser parser = new EmailParser();

    private List<Map<String, Object>> structuredData(String... scripts) throws MalformedEmailException {
        StringBuilder html = new StringBuilder("<html><head>");
        for (String script : scripts) {
            html.append("<script type=\"application/ld+json\">").append(script).append("</script>");
        }
        html.append("</head><body><p>Your booking</p></body></html>");
        Email email = parser.parse(TestMessages.alternative(TestMessages.HEADERS, "Your booking", html.toString()));
        return email.structuredData();
    }

    private static final String RESERVATION = """
            {"@context": "http://schema.org", "@type": "FlightReservation", "reservationNumber": "RXJ34P",
             "reservationFor": {"@type": "Flight", "flightNumber": "110"}}""";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // trailing commas
        "{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\",},}",
        // comments, single quotes and unquoted names
        "/* booking */ {'@type': 'FlightReservation', // the PNR\n reservationNumber: 'RXJ34P', "
                + "reservationFor: {'@type': 'Flight', flightNumber: '110'}}",
        // HTML comment and CDATA wrappers
        "<!-- {\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\"}} -->",
        "//<![CDATA[\n{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\"}}\n//]]>",
        // leading junk
        "var data = {\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\"}};",
        // trailing garbage
        "{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\"}} }]) garbage",
        // unescaped line break and tab inside a string
        "{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"description\": \"line one\n\tline"
                + " two\", \"reservationFor\": {\"@type\": \"Flight\", \"flightNumber\": \"110\"}}",
        // missing comma between properties on separate lines
        "{\"@type\": \"FlightReservation\"\n\"reservationNumber\": \"RXJ34P\"\n\"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\"}}",
        // HTML-escaped quotes
        "{&quot;@type&quot;: &quot;FlightReservation&quot;, &quot;reservationNumber&quot;: &quot;RXJ34P&quot;, "
                + "&quot;reservationFor&quot;: {&quot;@type&quot;: &quot;Flight&quot;, &quot;flightNumber&quot;: "
                + "&quot;110&quot;}}",
        // cut off before its end
        "{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"reservationFor\": "
                + "{\"@type\": \"Flight\", \"flightNumber\": \"110\"",
        // JavaScript's undefined where a value should be
        "{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"modifiedTime\": undefined, "
                + "\"reservationFor\": {\"@type\": \"Flight\", \"flightNumber\": \"110\"}}",
        // type as full IRI
        "{\"@type\": \"http://schema.org/FlightReservation\", \"reservationNumber\": \"RXJ34P\", "
                + "\"reservationFor\": {\"@type\": \"https://schema.org/Flight\", \"flightNumber\": \"110\"}}",
    })
    void shouldRepairBrokenJsonLd(String script) throws Exception {
        assertThat(structuredData(script)).singleElement().satisfies(JsonLdRepairTest::isTheReservation);
    }

    @Test
    void shouldReadAnArrayOfObjects() throws Exception {
        assertThat(structuredData("[" + RESERVATION + ", " + RESERVATION + "]")).hasSize(2)
                .allSatisfy(JsonLdRepairTest::isTheReservation);
    }

    @Test
    void shouldReadAnArrayMissingTheCommasBetweenItsObjects() throws Exception {
        assertThat(structuredData("[" + RESERVATION + RESERVATION + "]")).hasSize(2);
    }

    @Test
    void shouldReadObjectsWrittenOneAfterTheOther() throws Exception {
        assertThat(structuredData(RESERVATION + "\n" + RESERVATION)).hasSize(2);
    }

    @Test
    void shouldReadTheObjectsOfAGraphWithTheGraphsContext() throws Exception {
        List<Map<String, Object>> objects = structuredData("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "FlightReservation", "reservationNumber": "RXJ34P",
                   "reservationFor": {"@type": "Flight", "flightNumber": "110"}},
                  {"@type": "Organization", "name": "Cheap Air"}]}""");

        assertThat(objects).hasSize(2);
        isTheReservation(objects.getFirst());
        assertThat(objects).allSatisfy(object -> assertThat(object).containsEntry("@context", "https://schema.org"));
    }

    @Test
    void shouldAddTheSchemaOrgContextWhenAbsentAndKeepAnExistingOne() throws Exception {
        List<Map<String, Object>> objects = structuredData(
                "{\"@type\": \"Order\", \"orderNumber\": \"1\"}",
                "{\"@context\": \"http://schema.org/\", \"@type\": \"Order\", \"orderNumber\": \"2\"}");

        assertThat(objects).extracting(object -> object.get("@context"))
                .containsExactly("https://schema.org", "http://schema.org/");
    }

    @Test
    void shouldSkipOnlyTheUnreadableScript() throws Exception {
        List<Map<String, Object>> objects = structuredData("{{{ this is not json at all :::", "", "   ", "null",
                "42", RESERVATION);

        assertThat(objects).singleElement().satisfies(JsonLdRepairTest::isTheReservation);
    }

    @Test
    void shouldConvertValuesToPlainJavaTypes() throws Exception {
        Map<String, Object> object = structuredData("""
                {"@type": "Order", "price": 12.5, "count": 3, "paid": true, "note": null,
                 "items": [{"@type": "Offer", "price": "1"}]}""").getFirst();

        assertThat(object.get("price")).isInstanceOf(Number.class);
        assertThat(object.get("count")).isInstanceOf(Number.class);
        assertThat(object.get("paid")).isEqualTo(true);
        assertThat(object).doesNotContainKey("note");
        assertThat(object.get("items")).isInstanceOf(List.class);
    }

    @Test
    void shouldSkipObjectsWithoutType() throws Exception {
        assertThat(structuredData("{\"name\": \"no type\"}")).isEmpty();
    }

    private static void isTheReservation(Map<String, Object> object) {
        assertThat(JsonLd.types(object)).containsExactly("FlightReservation");
        assertThat(object.get("@type")).isEqualTo("FlightReservation");
        assertThat(JsonLd.text(object, "reservationNumber")).contains("RXJ34P");
        assertThat(JsonLd.object(object, "reservationFor").orElseThrow()).containsEntry("@type", "Flight");
        assertThat(JsonLd.text(object, "reservationFor", "flightNumber")).contains("110");
        assertThat(object).containsKey("@context");
    }
}
