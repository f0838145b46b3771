package io.mailsift.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Attachment;
import io.mailsift.connector.Email;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;

class FakeEmailTest {

    @Test
    void shouldCarryTheHeadersItWasGiven() {
        Email email = FakeEmail.builder()
                .from("Jürgen Müller", "juergen@Example.COM")
                .to("a@example.org", "b@example.org")
                .subject("Ihre Buchung für Zürich")
                .date(Instant.parse("2027-03-04T10:15:00Z"))
                .messageId("abc@example.com")
                .header("X-Campaign", "spring")
                .text("hello")
                .build();

        assertThat(email.headers().from()).isEqualTo("juergen@example.com");
        assertThat(email.headers().fromName()).isEqualTo("Jürgen Müller");
        assertThat(email.headers().to()).containsExactly("a@example.org", "b@example.org");
        assertThat(email.headers().subject()).isEqualTo("Ihre Buchung für Zürich");
        assertThat(email.headers().date()).isEqualTo(Instant.parse("2027-03-04T10:15:00Z"));
        assertThat(email.headers().messageId()).isEqualTo("abc@example.com");
        assertThat(email.headers().first("x-campaign")).contains("spring");
        assertThat(email.text()).isEqualTo("hello");
        assertThat(email.html()).isNull();
    }

    @Test
    void shouldTurnJsonLdIntoStructuredDataAsTheParserDoes() {
        Email email = FakeEmail.builder()
                .from("noreply@airline.example")
                .jsonLd(Map.of("@type", "http://schema.org/FlightReservation", "reservationNumber", "ABC123"))
                .jsonLd("{\"@type\": \"Order\", \"orderNumber\": \"1\",}")
                .build();

        assertThat(email.structuredData()).extracting(JsonLd::types)
                .containsExactly(List.of("FlightReservation"), List.of("Order"));
        assertThat(email.structuredData().getFirst()).containsEntry("@context", "https://schema.org");
    }

    @Test
    void shouldReadMicrodataAndTextOfAnHtmlBody() {
        Email email = FakeEmail.builder()
                .html("""
                        <html><body><p>Your order</p>
                        <div itemscope itemtype="http://schema.org/Order"><span itemprop="orderNumber">42</span></div>
                        </body></html>""")
                .build();

        assertThat(email.text()).isEqualTo("Your order\n42");
        assertThat(JsonLd.text(email.structuredData().getFirst(), "orderNumber")).contains("42");
    }

    @Test
    void shouldHoldTextAndHtmlAsAlternatives() {
        Email email = FakeEmail.builder().text("plain").html("<p>rich</p>").build();

        assertThat(email.text()).isEqualTo("plain");
        assertThat(email.html()).contains("rich");
    }

    @Test
    void shouldCarryCalendarsAttachmentsAndForwards() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        Email email = FakeEmail.builder()
                .text("see attached")
                .calendar(ics)
                .attachment("ticket.pdf", "application/pdf", 12345)
                .forwarded(FakeEmail.builder().subject("Original").jsonLd(Map.of("@type", "Order")))
                .build();

        assertThat(email.text()).isEqualTo("see attached");
        assertThat(email.calendars()).singleElement()
                .satisfies(calendar -> assertThat(calendar).contains("BEGIN:VCALENDAR"));
        assertThat(email.attachments()).contains(new Attachment("ticket.pdf", "application/pdf", 12345, false, null));
        assertThat(email.forwarded()).singleElement()
                .satisfies(inner -> assertThat(inner.headers().subject()).isEqualTo("Original"));
        assertThat(email.allStructuredData()).hasSize(1);
    }

    @Test
    void shouldParseAForwardOfAForwardBuiltTheSameWay() {
        FakeEmail.Builder original = FakeEmail.builder().subject("Original").text("t")
                .jsonLd(Map.of("@type", "Order", "orderNumber", "7"));
        FakeEmail.Builder once = FakeEmail.builder().subject("Fwd").text("t").forwarded(original);

        Email twice = FakeEmail.builder().subject("Fwd: Fwd").text("t").forwarded(once).build();

        assertThat(twice.forwarded().getFirst().forwarded().getFirst().headers().subject()).isEqualTo("Original");
        assertThat(twice.allStructuredData()).hasSize(1);
    }

    @Test
    void shouldBuildTheSameEmailTwice() {
        FakeEmail.Builder builder = FakeEmail.builder().from("a@example.com").subject("x").text("y")
                .html("<p>z</p>");

        assertThat(builder.build()).isEqualTo(builder.build());
        assertThat(builder.toRfc822()).isEqualTo(builder.toRfc822());
    }
}
