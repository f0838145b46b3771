package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;

/** Forwarded messages ({@code message/rfc822}) are parsed into {@link Email#forwarded()}, up to a depth. */
class ForwardedMessageTest {

    private static final byte[] BOOKING = TestMessages.bytes(
            TestMessages.corpus("extractordata/synthetic/flight-booking.eml"));

    @Test
    void shouldParseAForwardedBookingWithItsOwnHeaders() throws Exception {
        Email email = new EmailParser().parse(TestMessages.forwarding(BOOKING));

        assertThat(email.headers().subject()).isEqualTo("Fwd: Your booking");
        assertThat(email.forwarded()).singleElement().satisfies(inner -> {
            assertThat(inner.headers().subject()).isEqualTo("Your Flight Booking");
            assertThat(inner.headers().fromDomain()).isEqualTo("non-existing-airline.com");
            assertThat(inner.structuredData()).hasSize(1);
        });
        assertThat(email.allStructuredData()).hasSize(1);
    }

    @Test
    void shouldParseForwardsOfForwardsUpToTheDepthLimit() throws Exception {
        byte[] raw = BOOKING;
        for (int i = 0; i < 4; i++) {
            raw = TestMessages.forwarding(raw);
        }

        Email deep = new EmailParser().parse(raw);
        Email shallow = new EmailParser(new EmailParser.Limits(1024 * 1024, 2, 100)).parse(raw);

        assertThat(deep.allStructuredData()).hasSize(1);
        assertThat(deep.forwarded().getFirst().forwarded().getFirst().forwarded().getFirst().forwarded())
                .hasSize(1);
        assertThat(shallow.allStructuredData()).isEmpty();
        assertThat(shallow.forwarded().getFirst().forwarded().getFirst().attachments())
                .anySatisfy(part -> assertThat(part.contentType()).isEqualTo("message/rfc822"));
    }

    @Test
    void shouldParseABase64EncodedForward() throws Exception {
        byte[] raw = TestMessages.crlf(("""
                From: a@example.com
                Subject: Fwd
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: message/rfc822
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(TestMessages.base64(BOOKING))).getBytes(StandardCharsets.US_ASCII));

        Email email = new EmailParser().parse(raw);

        assertThat(email.allStructuredData()).hasSize(1);
    }

    @Test
    void shouldListAnUnreadableForwardAsAttachment() throws Exception {
        byte[] raw = TestMessages.crlf("""
                From: a@example.com
                Subject: Fwd
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: message/rfc822

                --b--
                """.getBytes(StandardCharsets.US_ASCII));

        Email email = new EmailParser().parse(raw);

        assertThat(email.forwarded()).isEmpty();
        assertThat(email.attachments()).singleElement()
                .satisfies(part -> assertThat(part.contentType()).isEqualTo("message/rfc822"));
    }
}
