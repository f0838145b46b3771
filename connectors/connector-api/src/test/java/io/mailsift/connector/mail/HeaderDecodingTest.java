package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import io.mailsift.connector.EmailHeaders;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** Headers come out decoded: RFC 2047 words, raw 8-bit, addresses, dates and ids. */
class HeaderDecodingTest {

    private final EmailParser parser = new EmailParser();

    private EmailHeaders headers(String head) throws MalformedEmailException {
        return parser.parse(TestMessages.crlf((head + "\nbody\n").getBytes(StandardCharsets.ISO_8859_1))).headers();
    }

    @Test
    void shouldDecodeEncodedWordsInSubjectAndDisplayName() throws Exception {
        EmailHeaders headers = headers("""
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.COM>
                To: a@example.org, "B" <b@example.org>
                Subject: =?ISO-8859-1?B?SWhyZSBCdWNodW5nIGb8cg==?= =?UTF-8?Q?_Z=C3=BCrich?=
                Date: Tue, 14 Sep 2021 17:00:00 +0200
                Message-ID: <abc.123@example.com>
                """);

        assertThat(headers.subject()).isEqualTo("Ihre Buchung für Zürich");
        assertThat(headers.fromName()).isEqualTo("Jürgen Müller");
        assertThat(headers.from()).isEqualTo("Juergen@example.com");
        assertThat(headers.fromDomain()).isEqualTo("example.com");
        assertThat(headers.to()).containsExactly("a@example.org", "b@example.org");
        assertThat(headers.date()).isEqualTo(Instant.parse("2021-09-14T15:00:00Z"));
        assertThat(headers.messageId()).isEqualTo("abc.123@example.com");
        assertThat(headers.first("subject")).contains("Ihre Buchung für Zürich");
    }

    @Test
    void shouldJoinAMultiByteCharacterSplitAcrossTwoEncodedWords() throws Exception {
        // "ü" is C3 BC in UTF-8; a careless mailer cut it in half between two words
        EmailHeaders headers = headers("Subject: =?UTF-8?B?WsOD?= =?UTF-8?B?vHJpY2g=?=\n"
                .replace("WsOD", "WsM=").replace("vHJpY2g=", "vHJpY2g="));

        assertThat(headers.subject()).isEqualTo("Zürich");
    }

    @Test
    void shouldDecodeAFoldedSubjectOfSeveralWords() throws Exception {
        EmailHeaders headers = headers("""
                Subject: =?utf-8?q?Ihre_Reise_nach?=
                 =?utf-8?q?_M=C3=BCnchen?= ist
                 best=C3=A4tigt
                """);

        assertThat(headers.subject()).isEqualTo("Ihre Reise nach München ist best=C3=A4tigt");
    }

    @Test
    void shouldReadRawUtf8AndRawLatin1Headers() throws Exception {
        String utf8 = new String("Subject: Grüße\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(headers(utf8).subject()).isEqualTo("Grüße");
        assertThat(headers("Subject: Grüße\n").subject()).isEqualTo("Grüße");
    }

    @Test
    void shouldNotThrowOnAnUnknownEncodedWordCharset() throws Exception {
        EmailHeaders headers = headers("Subject: =?x-made-up?Q?Z=C3=BCrich?=\nFrom: =?bogus?B?!!!?= <a@b.example>\n");

        assertThat(headers.subject()).isEqualTo("Zürich");
        assertThat(headers.from()).isEqualTo("a@b.example");
    }

    @Test
    void shouldGiveNullDateForAnUnparseableDate() throws Exception {
        assertThat(headers("Subject: x\nDate: sometime last week\n").date()).isNull();
    }

    @Test
    void shouldReadCommonNonStandardDates() throws Exception {
        assertThat(headers("Subject: x\nDate: 14 Sep 2021 17:00:00 GMT\n").date())
                .isEqualTo(Instant.parse("2021-09-14T17:00:00Z"));
    }

    @Test
    void shouldFindTheAddressInAnUnparseableFromHeader() throws Exception {
        EmailHeaders headers = headers("From: Booking <<noreply@booking.example>>>; garbage\"\nSubject: x\n");

        assertThat(headers.from()).isEqualTo("noreply@booking.example");
    }

    @Test
    void shouldGiveEmptySubjectAndNullFromWhenAbsent() throws Exception {
        EmailHeaders headers = headers("X-Mailer: test\n");

        assertThat(headers.subject()).isEmpty();
        assertThat(headers.from()).isNull();
        assertThat(headers.fromName()).isNull();
        assertThat(headers.to()).isEmpty();
        assertThat(headers.messageId()).isNull();
        assertThat(headers.fromDomain()).isEmpty();
    }

    @Test
    void shouldKeepEveryFieldInMessageOrder() throws Exception {
        EmailHeaders headers = headers("Received: one\nReceived: two\nSubject: x\n");

        assertThat(headers.all("RECEIVED")).containsExactly("one", "two");
    }

    @Test
    void shouldDecodeHeadersOfAMessageReadByJakartaMail() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                TestMessages.crlf("From: =?utf-8?q?Ren=C3=A9?= <r@example.com>\nSubject: hi\n\nbody\n"
                        .getBytes(StandardCharsets.US_ASCII))));

        EmailHeaders headers = parser.parseHeaders(message);

        assertThat(headers.fromName()).isEqualTo("René");
        assertThat(headers.subject()).isEqualTo("hi");
    }

    @Test
    void shouldDecodeFieldsAlreadyReadAsTheWholeBlockDecodes() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                TestMessages.crlf(("From: =?utf-8?q?Ren=C3=A9?= <R@Example.com>\nTo: a@example.org,\n b@example.org\n"
                        + "Subject: =?ISO-8859-1?Q?Z=FCrich?=\n  folded\nDate: Tue, 14 Sep 2021 17:00:00 +0200\n"
                        + "Message-ID: <id@example.com>\nReceived: one\nReceived: two\n\nbody\n")
                        .getBytes(StandardCharsets.US_ASCII))));

        EmailHeaders fromFields = parser.parseHeaders(Collections.list(message.getAllHeaders()));

        assertThat(fromFields).isEqualTo(parser.parseHeaders(message));
        assertThat(fromFields.to()).containsExactly("a@example.org", "b@example.org");
    }

    @Test
    void shouldRefuseAnEmptyListOfFields() {
        assertThatThrownBy(() -> parser.parseHeaders(List.of())).isInstanceOf(MalformedEmailException.class);
    }

    @Test
    void shouldRefuseInputWithoutAnyHeader() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedEmailException.class);
        assertThatThrownBy(() -> parser.parse(new byte[] {0, 1, 2, (byte) 0xFF, '\n', '\n', 'x'}))
                .isInstanceOf(MalformedEmailException.class);
    }
}
