package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The parser's fast paths give exactly what the code they stand in for gave. */
class ParsingSpeedPathsTest {

    private static final List<String> PIECES = List.of("41", "7a", "20", "0a", "0d0a", "c3a9", "e282ac", "f09f9880",
            "efbbbf", "efbfbd", "80", "bf", "c0", "c080", "c1bf", "c3", "e282", "f09f98", "eda080", "edbfbf", "f4908080",
            "f8888080", "fe", "ff", "e0808f", "f0808080", "c328", "e228a1", "d7aa", "ceb1", "00", "7f");

    @Test
    void shouldReadUtf8StrictlyAsTheReportingDecoderDoes() {
        SplittableRandom random = new SplittableRandom(5);
        HexFormat hex = HexFormat.of();
        for (int run = 0; run < 100_000; run++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int pieces = random.nextInt(0, 12);
            for (int i = 0; i < pieces; i++) {
                bytes.writeBytes(hex.parseHex(PIECES.get(random.nextInt(PIECES.size()))));
            }
            byte[] sample = bytes.toByteArray();

            assertThat(BodyCharset.strict(sample, StandardCharsets.UTF_8)).as(hex.formatHex(sample))
                    .isEqualTo(BodyCharset.strictlyDecoded(sample, StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldUnwrapScriptsAsTheReplacementsOfEachPatternDid() {
        List<String> pieces = List.of("<!--", "-->", "//", "/*", "*/", "<![CDATA[", "]]>", " ", "\n", "\t", "{",
                "}", "[", "]", ";", "\"a\":1", "-", "--", ">", "<!", "CDATA", "x");
        SplittableRandom random = new SplittableRandom(17);
        for (int run = 0; run < 100_000; run++) {
            StringBuilder script = new StringBuilder();
            int count = random.nextInt(0, 14);
            for (int i = 0; i < count; i++) {
                script.append(pieces.get(random.nextInt(pieces.size())));
            }
            String sample = script.toString();

            assertThat(JsonLdScripts.unwrap(sample)).as(sample).isEqualTo(unwrappedByStringReplacements(sample));
        }
    }

    /** JsonLdScripts.unwrap as it was: String.replaceFirst with each pattern. */
    private static String unwrappedByStringReplacements(String script) {
        String text = script.strip();
        text = text.replaceFirst("^(//\\s*)?<!--", "").replaceFirst("(//\\s*)?-->\\s*$", "").strip();
        text = text.replaceFirst("^(//\\s*|/\\*\\s*)?<!\\[CDATA\\[(\\s*\\*/)?", "")
                .replaceFirst("(//\\s*|/\\*\\s*)?]]>(\\s*\\*/)?\\s*$", "").strip();
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        int start = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
        if (start < 0) {
            return "";
        }
        text = text.substring(start).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    @Test
    void shouldUnquoteParametersAsTheStringReplacementDid() {
        List<String> pieces = List.of("\"", "\\", "a", " ", "\n", "\r", ";", "=", "x\\\"y");
        SplittableRandom random = new SplittableRandom(19);
        for (int run = 0; run < 50_000; run++) {
            StringBuilder value = new StringBuilder();
            int count = random.nextInt(0, 10);
            for (int i = 0; i < count; i++) {
                value.append(pieces.get(random.nextInt(pieces.size())));
            }
            String sample = value.toString();
            String expected = sample.length() >= 2 && sample.startsWith("\"") && sample.endsWith("\"")
                    ? sample.substring(1, sample.length() - 1).replaceAll("\\\\(.)", "$1")
                    : sample.startsWith("\"") ? sample.substring(1) : sample;

            assertThat(HeaderValue.unquote(sample)).as(sample).isEqualTo(expected);
        }
    }

    @Test
    void shouldReadWholeSharedPartsAsTheStreamGivesThem() {
        SplittableRandom random = new SplittableRandom(3);
        for (int run = 0; run < 2_000; run++) {
            byte[] array = new byte[random.nextInt(0, 300)];
            random.nextBytes(array);
            int from = random.nextInt(0, array.length + 1);
            int to = random.nextInt(from, array.length + 1);
            long limit = random.nextInt(0, 300);
            SharedBytes whole = new SharedBytes(array);

            byte[] fast = PartContent.readUpTo(whole.slice(from, to), limit);
            byte[] streamed = PartContent.readUpTo(new java.io.ByteArrayInputStream(array, from, to - from), limit);

            assertThat(fast).isEqualTo(streamed);
            assertThat(PartContent.count(whole.slice(from, to))).isEqualTo(to - from);
        }
    }
}
