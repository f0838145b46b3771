package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.mailsift.connector.Attachment;
import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;

/** The MIME tree is walked the way mail clients show it, and broken MIME degrades instead of failing. */
class MimeStructureTest {

    private final EmailParser parser = new EmailParser();

    private static byte[] mail(String raw) {
        return TestMessages.crlf(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldTakeTheLastTextAndHtmlOfAnAlternative() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/plain; charset=utf-8

                first text
                --b
                Content-Type: text/html; charset=utf-8

                <p>first html</p>
                --b
                Content-Type: text/html; charset=utf-8

                <p>best html</p>
                --b--
                """));

        assertThat(email.text()).isEqualTo("first text");
        assertThat(email.html()).contains("best html");
    }

    @Test
    void shouldFindTheBodiesOfAnAlternativeInsideMixedWithAttachments() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=outer

                preamble to ignore
                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain; charset=utf-8

                the text
                --inner
                Content-Type: multipart/related; boundary=rel

                --rel
                Content-Type: text/html; charset=utf-8

                <p>the html</p><img src="cid:logo">
                --rel
                Content-Type: image/gif
                Content-ID: <logo>
                Content-Transfer-Encoding: base64

                R0lGODlhAQABAAAAACw=
                --rel--
                --inner--
                --outer
                Content-Type: application/pdf; name="=?utf-8?q?R=C3=BCckflug.pdf?="
                Content-Disposition: attachment
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: attachment; filename*=utf-8''Bel%C3%A9g.txt

                not a body
                --outer--
                """));

        assertThat(email.text()).isEqualTo("the text");
        assertThat(email.html()).contains("the html");
        assertThat(email.attachments()).containsExactly(
                new Attachment(null, "image/gif", 14, false, "logo"),
                new Attachment("Rückflug.pdf", "application/pdf", 9, false, null),
                new Attachment("Belég.txt", "text/plain", 10, false, null));
    }

    @Test
    void shouldTakeTheFirstBodiesOfMixedAndListLaterOnesAsAttachments() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                main
                --b
                Content-Type: text/plain

                mailing list footer
                --b--
                """));

        assertThat(email.text()).isEqualTo("main");
        assertThat(email.attachments()).singleElement()
                .satisfies(part -> assertThat(part.contentType()).isEqualTo("text/plain"));
    }

    @Test
    void shouldReadPartsWhenTheEndBoundaryIsMissing() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain

                text survives
                --b
                Content-Type: text/html

                <p>html survives</p>
                """));

        assertThat(email.text()).isEqualTo("text survives");
        assertThat(email.html()).contains("html survives");
    }

    @Test
    void shouldReadPartsWhenTheBoundaryParameterIsMissing() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/mixed

                --xyz
                Content-Type: text/plain

                found anyway
                --xyz--
                """));

        assertThat(email.text()).isEqualTo("found anyway");
    }

    @Test
    void shouldFallBackToTheRawTextWhenTheBoundaryIsWrong() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary="declared"

                Just some text, no parts at all.
                """));

        assertThat(email.text()).contains("Just some text");
    }

    @Test
    void shouldDecodeWhatItCanOfBrokenBase64() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                SGVsbG8gV29ybGQ!!!=
                ***
                """));

        assertThat(email.text()).startsWith("Hello World");
    }

    @Test
    void shouldDecodeBrokenQuotedPrintable() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Z=C3=BCrich =ZZ broken=
                 end
                """));

        assertThat(email.text()).startsWith("Zürich").contains("broken");
    }

    @Test
    void shouldTreatAnUnknownTransferEncodingAsIdentity() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8-bit-ish

                plain bytes
                """));

        assertThat(email.text()).isEqualTo("plain bytes\n");
    }

    @Test
    void shouldReadAGarbageContentTypeAsText() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: ;;;===;"unterminated

                body text
                """));

        assertThat(email.text()).isEqualTo("body text\n");
    }

    @Test
    void shouldStopAtThePartLimit() throws Exception {
        StringBuilder raw = new StringBuilder("From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 50; i++) {
            raw.append("--b\nContent-Type: application/octet-stream\n\nx\n");
        }
        raw.append("--b--\n");

        Email email = new EmailParser(new EmailParser.Limits(1024, 5, 10)).parse(mail(raw.toString()));

        assertThat(email.attachments()).hasSize(9);
    }

    @Test
    void shouldListATextPartOverTheSizeLimitAsAttachmentInsteadOfDecodingIt() throws Exception {
        String big = "x".repeat(5000);
        Email email = new EmailParser(new EmailParser.Limits(1000, 5, 100)).parse(
                TestMessages.single(TestMessages.HEADERS, "text/plain; charset=utf-8", "base64",
                        big.getBytes(StandardCharsets.UTF_8)));

        assertThat(email.text()).isNull();
        assertThat(email.attachments()).singleElement()
                .isEqualTo(new Attachment(null, "text/plain", 5000, false, null));
    }

    @Test
    void shouldGiveTheVisibleTextOfAnHtmlOnlyMailLineByLine() throws Exception {
        Email email = parser.parse(TestMessages.single(TestMessages.HEADERS, "text/html; charset=utf-8", "8bit",
                """
                <html><head><title>t</title><style>p {color: red}</style><script>var x;</script></head>
                <body><h1>Booking
                confirmed</h1><table><tr><td>Booking reference:</td><td><b>XXX007</b></td></tr>
                <tr><td>Flight</td><td>LH&nbsp;123</td></tr></table>
                <p>Line one<br>Line two</p><pre>keep
                  this</pre></body></html>""".getBytes(StandardCharsets.UTF_8)));

        assertThat(email.text()).isEqualTo("""
                Booking confirmed
                Booking reference: XXX007
                Flight LH 123
                Line one
                Line two
                keep
                this""");
    }

    @Test
    void shouldParseFromAStreamAndFromAJakartaMailMessage() throws Exception {
        byte[] raw = TestMessages.alternative(TestMessages.HEADERS, "text", "<p>html</p>");

        Email fromStream = parser.parse(new ByteArrayInputStream(raw));
        Email fromMessage = parser.parse(new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw)));

        assertThat(fromStream).isEqualTo(parser.parse(raw));
        assertThat(fromMessage).isEqualTo(fromStream);
    }

    @Test
    void shouldGiveTheSameEmailOnEveryParse() throws Exception {
        byte[] raw = TestMessages.bytes(TestMessages.corpus("extractordata/synthetic/flight-booking.eml"));

        assertThat(parser.parse(raw)).isEqualTo(parser.parse(raw));
    }

    @Test
    void shouldJoinTheSoftLineBreaksOfFlowedText() throws Exception {
        Email email = parser.parse(mail("From: a@example.com\n"
                + "Content-Type: text/plain; charset=utf-8; format=flowed\n\n"
                + "Your flight LH 123 from Munich to Berlin departs at 10:15 and arrives \n"
                + "at 11:20.\n"
                + " >not a quote, stuffed\n"
                + "> quoted line that goes on \n"
                + "> and on\n"
                + "-- \n"
                + "signature\n"));

        assertThat(email.text()).isEqualTo(
                "Your flight LH 123 from Munich to Berlin departs at 10:15 and arrives at 11:20.\n"
                + ">not a quote, stuffed\n"
                + "> quoted line that goes on and on\n"
                + "-- \n"
                + "signature\n");
    }

    @Test
    void shouldReadHtmlLabelledAsPlainTextAsHtml() throws Exception {
        Email email = parser.parse(TestMessages.single(TestMessages.HEADERS, "text/plain; charset=utf-8", "8bit",
                """
                <!DOCTYPE html><html><body><p>Order 42</p>
                <script type="application/ld+json">{"@type": "Order", "orderNumber": "42"}</script>
                </body></html>""".getBytes(StandardCharsets.UTF_8)));

        assertThat(email.html()).contains("<p>Order 42</p>");
        assertThat(email.text()).isEqualTo("Order 42");
        assertThat(email.structuredData()).hasSize(1);
    }

    @Test
    void shouldUseTheHtmlTextWhenTheTextAlternativeIsEmpty() throws Exception {
        Email email = parser.parse(TestMessages.alternative(TestMessages.HEADERS, "  \n",
                "<p>Booking reference: XXX007</p>"));

        assertThat(email.text()).isEqualTo("Booking reference: XXX007");
    }

    @Test
    void shouldTakeABodyPartThatOnlyCarriesANameAsBody() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/html; charset=utf-8; name="confirmation.html"

                <p>the body</p>
                --b
                Content-Type: text/plain; charset=utf-8; name="notes.txt"
                Content-Disposition: inline; filename="notes.txt"

                an inline text file
                --b--
                """));

        assertThat(email.html()).contains("the body");
        assertThat(email.text()).isEqualTo("the body");
        assertThat(email.attachments()).singleElement()
                .isEqualTo(new Attachment("notes.txt", "text/plain", 19, true, null));
    }

    @Test
    void shouldSurviveHtmlNestedDeeperThanTheStack() throws Exception {
        String deep = "<div itemscope itemtype=\"http://schema.org/Order\">" + "<span>".repeat(20_000)
                + "<b itemprop=\"orderNumber\">42</b>" + "</span>".repeat(20_000) + "</div>";

        Email email = parser.parse(TestMessages.single(TestMessages.HEADERS, "text/html; charset=utf-8", "8bit",
                deep.getBytes(StandardCharsets.UTF_8)));

        assertThat(email.html()).isNotNull();
    }

    @Test
    void shouldExposeALegacyVcalendarPartAsCalendar() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: text/x-vcalendar; charset=utf-8

                BEGIN:VCALENDAR
                END:VCALENDAR
                """));

        assertThat(email.calendars()).singleElement()
                .satisfies(calendar -> assertThat(calendar).startsWith("BEGIN:VCALENDAR"));
        assertThat(email.text()).isNull();
    }

    @Test
    void shouldListAnInvitationSentAsAlternativeAndAsAttachmentOnce() throws Exception {
        Email email = parser.parse(mail("""
                From: organizer@example.com
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: multipart/alternative; boundary=a

                --a
                Content-Type: text/plain

                Meeting
                --a
                Content-Type: text/calendar; method=REQUEST

                BEGIN:VCALENDAR
                END:VCALENDAR
                --a--
                --m
                Content-Type: application/ics; name="invite.ics"
                Content-Disposition: attachment; filename="invite.ics"

                BEGIN:VCALENDAR
                END:VCALENDAR
                --m--
                """));

        assertThat(email.calendars()).hasSize(1);
        assertThat(email.attachments()).extracting(Attachment::filename).containsExactly("invite.ics");
    }

    @Test
    void shouldSurviveThousandsOfNestedMultiparts() throws Exception {
        StringBuilder raw = new StringBuilder("From: a@example.com\n");
        int levels = 3000;
        for (int i = 0; i < levels; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        raw.append("Content-Type: text/plain\n\ndeep\n");
        for (int i = levels - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\n");
        }

        Email email = parser.parse(mail(raw.toString()));

        assertThat(email.headers().from()).isEqualTo("a@example.com");
    }

    @Test
    void shouldIgnoreAmpAndWatchRenderingsOfAnAlternative() throws Exception {
        Email email = parser.parse(mail("""
                From: a@example.com
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/plain

                text
                --b
                Content-Type: text/watch-html

                <b>watch</b>
                --b
                Content-Type: text/x-amp-html

                <html amp4email>amp</html>
                --b
                Content-Type: text/html

                <p>html</p>
                --b--
                """));

        assertThat(email.text()).isEqualTo("text");
        assertThat(email.html()).contains("<p>html</p>");
        assertThat(email.attachments()).isEmpty();
    }
}
