package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;

/** Microdata as mailers write it, including invalid nesting. */
class MicrodataTest {

    private final EmailParser parser = new EmailParser();

    private List<Map<String, Object>> structuredData(String body) throws MalformedEmailException {
        return parser.parse(TestMessages.alternative(TestMessages.HEADERS, "text",
                "<html><body>" + body + "</body></html>")).structuredData();
    }

    @Test
    void shouldReadNestedItemsWithValuesFromTheRightAttributes() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div itemscope itemtype="https://schema.org/FlightReservation">
                  <meta itemprop="reservationNumber" content="RXJ34P">
                  <link itemprop="reservationStatus" href="http://schema.org/Confirmed">
                  <a itemprop="url" href="https://example.com/b">your booking</a>
                  <img itemprop="image" src="https://example.com/logo.png">
                  <time itemprop="bookingTime" datetime="2027-01-14T13:05:00-05:00">Jan 14</time>
                  <data itemprop="totalPrice" value="120.50">EUR 120.50</data>
                  <div itemprop="reservationFor" itemscope itemtype="http://schema.org/Flight">
                    Flight <span itemprop="flightNumber">110</span>
                  </div>
                </div>""");

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("@type", "FlightReservation")
                    .containsEntry("@context", "https://schema.org")
                    .containsEntry("reservationNumber", "RXJ34P")
                    .containsEntry("reservationStatus", "http://schema.org/Confirmed")
                    .containsEntry("url", "https://example.com/b")
                    .containsEntry("image", "https://example.com/logo.png")
                    .containsEntry("bookingTime", "2027-01-14T13:05:00-05:00")
                    .containsEntry("totalPrice", "120.50");
            assertThat(JsonLd.object(item, "reservationFor").orElseThrow())
                    .isEqualTo(Map.of("@type", "Flight", "flightNumber", "110"));
        });
    }

    @Test
    void shouldCollectRepeatedPropertiesIntoALists() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div itemscope itemtype="http://schema.org/Order">
                  <div itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer"><span itemprop="name">A</span></div>
                  <div itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer"><span itemprop="name">B</span></div>
                </div>""");

        assertThat(JsonLd.values(items.getFirst().get("acceptedOffer"))).hasSize(2);
    }

    @Test
    void shouldIgnorePropertiesOutsideAnyItem() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <span itemprop="name">stray</span>
                <div itemscope itemtype="http://schema.org/Person"><span itemprop="name">Eva</span></div>""");

        assertThat(items).singleElement().isEqualTo(
                Map.of("@context", "https://schema.org", "@type", "Person", "name", "Eva"));
    }

    @Test
    void shouldKeepAnItempropItemWithoutEnclosingItemAsTopLevel() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div itemprop="reservationFor" itemscope itemtype="http://schema.org/Event">
                  <span itemprop="name">Concert</span>
                </div>""");

        assertThat(items).singleElement().satisfies(item -> assertThat(item).containsEntry("@type", "Event")
                .containsEntry("name", "Concert"));
    }

    @Test
    void shouldKeepANestedItemWithoutTypeAndDropEmptyTopLevelItems() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div itemscope itemtype="http://schema.org/WebPage"></div>
                <div itemscope itemtype="http://schema.org/Person">
                  <span itemprop="name">Eva</span>
                  <div itemprop="address" itemscope><span itemprop="addressLocality">Berlin</span></div>
                </div>""");

        assertThat(items).singleElement().satisfies(item -> assertThat(JsonLd.text(item, "address",
                "addressLocality")).contains("Berlin"));
    }

    @Test
    void shouldNotReturnNestedItemsAsTopLevel() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div itemscope itemtype="http://schema.org/EventReservation">
                  <div itemprop="reservationFor" itemscope itemtype="http://schema.org/Event">
                    <span itemprop="name">Concert</span>
                  </div>
                </div>""");

        assertThat(items).extracting(item -> item.get("@type")).containsExactly("EventReservation");
    }

    @Test
    void shouldFollowItemref() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div itemscope itemtype="http://schema.org/Person" itemref="extra"><span itemprop="name">Eva</span></div>
                <p id="extra"><span itemprop="email">eva@example.com</span></p>""");

        assertThat(items.getFirst()).containsEntry("email", "eva@example.com");
    }

    @Test
    void shouldSurviveAnItemrefCycle() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <div id="a" itemscope itemtype="http://schema.org/Person" itemref="a">
                  <span itemprop="name">Eva</span></div>""");

        assertThat(items).hasSize(1);
    }

    @Test
    void shouldReadItemsWhoseParagraphHtmlWouldCloseEarly() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <p itemscope itemtype="http://schema.org/EventReservation">
                  <span itemprop="reservationNumber">IO12345</span>
                  <div itemprop="reservationFor" itemscope itemtype="http://schema.org/Event">
                    <span itemprop="name">Google I/O</span>
                  </div>
                </p>""");

        assertThat(items).singleElement()
                .satisfies(item -> assertThat(JsonLd.text(item, "reservationFor", "name")).contains("Google I/O"));
    }

    @Test
    void shouldCombineMicrodataAndJsonLdOfOneBody() throws Exception {
        List<Map<String, Object>> items = structuredData("""
                <script type="application/ld+json">{"@type": "Order", "orderNumber": "1"}</script>
                <div itemscope itemtype="http://schema.org/ParcelDelivery">
                  <span itemprop="trackingNumber">1Z999</span></div>""");

        assertThat(items).extracting(JsonLd::types).containsExactly(List.of("Order"), List.of("ParcelDelivery"));
    }

    @Test
    void shouldLookForItemscopeInAnyCaseBeforeParsing() {
        assertThat(MicrodataItems.containsItemscope("<div ItemScope itemtype=x>")).isTrue();
        assertThat(MicrodataItems.containsItemscope("<div ITEMSCOPE>")).isTrue();
        assertThat(MicrodataItems.containsItemscope("itemscope")).isTrue();
        assertThat(MicrodataItems.containsItemscope("<p>items cope, itemscop</p>")).isFalse();
        assertThat(MicrodataItems.containsItemscope("")).isFalse();
    }

    @Test
    void shouldFindItemscopeExactlyWhereACharByCharScanDoesOnRandomTexts() {
        // Texts of the word's letters in both cases, its look-alikes (long s, dotless and dotted i) and filler, with
        // the word planted at random places: the skipping search must answer as reading every position would.
        String alphabet = "itemscopeITEMSCOPE\u017F\u0131\u0130 <x>\"=";
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                String word = random.nextBoolean() ? "itemscope" : "Item\u017Fcope";
                text.insert(random.nextInt(text.length() + 1), word);
            }
            String html = text.toString();
            assertThat(MicrodataItems.containsItemscope(html)).as(html).isEqualTo(readingEveryPosition(html));
        }
    }

    private static boolean readingEveryPosition(String html) {
        String word = "itemscope";
        for (int at = 0; at <= html.length() - word.length(); at++) {
            char c = html.charAt(at);
            if ((c == 'i' || c == 'I') && html.regionMatches(true, at + 1, word, 1, word.length() - 1)) {
                return true;
            }
        }
        return false;
    }
}
