package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies decode to the right text whatever charset the sender declared, or failed to declare. */
class CharsetDecodingTest {

    private static final String GERMAN = "Grüße aus Zürich – Ihre Buchung für 2 Personen: 120 €";
    private static final String LATIN = "Grüße aus Zürich, Ihre Buchung für 2 Personen";

    private final EmailParser parser = new EmailParser();

    private Email textMail(String contentType, byte[] body) throws MalformedEmailException {
        return parser.parse(TestMessages.single(TestMessages.HEADERS, contentType, "8bit", body));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "windows-1252", "UTF-16BE"})
    void shouldHonourADeclaredCharsetTheBytesFit(String charset) throws Exception {
        Email email = parser.parse(TestMessages.single(TestMessages.HEADERS,
                "text/plain; charset=\"" + charset + "\"", "base64", GERMAN.getBytes(Charset.forName(charset))));

        assertThat(email.text()).isEqualTo(GERMAN);
    }

    @Test
    void shouldHonourAnIso885915DeclarationWithItsEuroSign() throws Exception {
        String euro = "Preis: 120 € für Zürich";

        Email email = textMail("text/plain; charset=ISO-8859-15", euro.getBytes(Charset.forName("ISO-8859-15")));

        assertThat(email.text()).isEqualTo(euro);
    }

    @Test
    void shouldHonourALatin1DeclarationOfLatin1Bytes() throws Exception {
        Email email = textMail("text/plain; charset=iso-8859-1", LATIN.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(email.text()).isEqualTo(LATIN);
    }

    @Test
    void shouldHonourAnEastAsianDeclaration() throws Exception {
        String japanese = "ご予約ありがとうございます";

        Email email = textMail("text/plain; charset=Shift_JIS", japanese.getBytes(Charset.forName("Shift_JIS")));

        assertThat(email.text()).isEqualTo(japanese);
    }

    @Test
    void shouldReadGbkCharactersUnderAGb2312Declaration() throws Exception {
        // 镕 is in GBK but not in GB2312, a classic in Chinese mail
        String chinese = "朱镕基 您的预订已确认";

        Email email = textMail("text/plain; charset=gb2312", chinese.getBytes(Charset.forName("GBK")));

        assertThat(email.text()).isEqualTo(chinese);
    }

    @Test
    void shouldReadMicrosoftCharactersUnderAShiftJisDeclaration() throws Exception {
        String japanese = "①番ホーム ご予約ありがとうございます";

        Email email = textMail("text/plain; charset=Shift_JIS", japanese.getBytes(Charset.forName("windows-31j")));

        assertThat(email.text()).isEqualTo(japanese);
    }

    @Test
    void shouldKeepJapaneseTextWithAStrayByteJapanese() throws Exception {
        String japanese = "ご予約ありがとうございます";
        byte[] body = TestMessages.concat(japanese.getBytes(Charset.forName("EUC-JP")), new byte[] {(byte) 0xFF});

        assertThat(textMail("text/plain; charset=euc-jp", body).text()).startsWith(japanese);
    }

    @Test
    void shouldReadUtf8WhenNoCharsetIsDeclared() throws Exception {
        assertThat(textMail("text/plain", GERMAN.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(GERMAN);
    }

    @Test
    void shouldReadWindows1252WhenNoCharsetIsDeclaredAndTheBytesAreNotUtf8() throws Exception {
        assertThat(textMail("text/plain", GERMAN.getBytes(TestCharsets.WINDOWS_1252)).text()).isEqualTo(GERMAN);
    }

    @Test
    void shouldReadUtf8WhenTheMessageHasNoContentTypeAtAll() throws Exception {
        byte[] raw = TestMessages.crlf(TestMessages.concat(
                "From: a@example.com\nSubject: x\n\n".getBytes(StandardCharsets.US_ASCII),
                GERMAN.getBytes(StandardCharsets.UTF_8)));

        assertThat(parser.parse(raw).text()).isEqualTo(GERMAN);
    }

    @ParameterizedTest(name = "declared {0}")
    @CsvSource({"us-ascii", "iso-8859-1", "windows-1252"})
    void shouldReadUtf8BytesUnderAWrongLatinDeclaration(String declared) throws Exception {
        Email email = textMail("text/plain; charset=" + declared, GERMAN.getBytes(StandardCharsets.UTF_8));

        assertThat(email.text()).isEqualTo(GERMAN);
    }

    @Test
    void shouldReadLatinBytesUnderAWrongUtf8Declaration() throws Exception {
        Email email = textMail("text/plain; charset=utf-8", LATIN.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(email.text()).isEqualTo(LATIN);
    }

    @Test
    void shouldKeepUtf8WithOneStrayByteAsUtf8() throws Exception {
        byte[] body = TestMessages.concat(GERMAN.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});

        assertThat(textMail("text/plain; charset=utf-8", body).text()).startsWith(GERMAN);
    }

    @ParameterizedTest(name = "declared {0}")
    @CsvSource({"x-unknown-charset", "utf-8\u00a0", "\"\"", "ut f8", "../../etc/passwd", "unicode-1-1-utf-7x"})
    void shouldFallBackWhenTheCharsetNameIsUnknownOrIllegal(String declared) throws Exception {
        Email utf8 = textMail("text/plain; charset=" + declared, GERMAN.getBytes(StandardCharsets.UTF_8));
        Email latin = textMail("text/plain; charset=" + declared, LATIN.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(utf8.text()).isEqualTo(GERMAN);
        assertThat(latin.text()).isEqualTo(LATIN);
    }

    @Test
    void shouldTakeTheHtmlMetaCharsetWhenTheMimeHeaderHasNone() throws Exception {
        String html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + LATIN + "</p></body></html>";

        Email email = textMail("text/html", html.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(email.html()).contains(LATIN);
        assertThat(email.text()).isEqualTo(LATIN);
    }

    @Test
    void shouldTakeTheHtmlHttpEquivCharsetWhenTheMimeHeaderHasNone() throws Exception {
        String japanese = "ご予約ありがとうございます";
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                + "</head><body><div>" + japanese + "</div></body></html>";

        Email email = textMail("text/html", html.getBytes(Charset.forName("Shift_JIS")));

        assertThat(email.text()).isEqualTo(japanese);
    }

    @Test
    void shouldPreferTheMimeCharsetOverTheHtmlMetaCharset() throws Exception {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><p>" + LATIN + "</p></body></html>";

        Email email = textMail("text/html; charset=iso-8859-1", html.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(email.text()).isEqualTo(LATIN);
    }

    @Test
    void shouldDecodeQuotedPrintableBodiesInTheirCharset() throws Exception {
        Email email = parser.parse(TestMessages.single(TestMessages.HEADERS, "text/plain; charset=windows-1252",
                "quoted-printable", GERMAN.getBytes(TestCharsets.WINDOWS_1252)));

        assertThat(email.text()).isEqualTo(GERMAN);
    }

    @Test
    void shouldDropAUtf8ByteOrderMark() throws Exception {
        byte[] body = TestMessages.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                GERMAN.getBytes(StandardCharsets.UTF_8));

        assertThat(textMail("text/plain; charset=utf-8", body).text()).isEqualTo(GERMAN);
    }

    /** Charsets the tests need that {@link StandardCharsets} lacks. */
    static final class TestCharsets {
        static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

        private TestCharsets() {
        }
    }
}
