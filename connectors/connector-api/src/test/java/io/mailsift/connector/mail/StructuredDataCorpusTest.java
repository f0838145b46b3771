package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KItinerary structured-data corpus (JSON-LD and microdata, much of it broken) sent as the HTML alternative of a
 * real message: what the parser finds must equal KItinerary's expectation, apart from {@code @context}.
 */
class StructuredDataCorpusTest {

    private final EmailParser parser = new EmailParser();

    static Stream<Path> cases() throws IOException {
        return Files.list(TestMessages.corpus("structureddata"))
                .filter(path -> path.toString().endsWith(".html"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldFindTheStructuredDataKItineraryFinds(Path html) throws Exception {
        Path expectedFile = Path.of(html.toString().replaceFirst("\\.html$", ".json"));
        byte[] raw = TestMessages.alternative(TestMessages.HEADERS, "see HTML", TestMessages.text(html));

        Email email = parser.parse(raw);

        assertThat(withoutContext(email.structuredData()))
                .isEqualTo(withoutContext(normalizedTypes(TestMessages.expectedJson(expectedFile))));
        assertThat(email.structuredData()).allSatisfy(object -> assertThat(object).containsKey("@context"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldFindTheSameDataWhenUtf8BytesAreDeclaredAsAscii(Path html) throws Exception {
        byte[] raw = TestMessages.single(TestMessages.HEADERS, "text/html; charset=us-ascii", "8bit",
                TestMessages.bytes(html));

        assertThat(withoutContext(parser.parse(raw).structuredData()))
                .isEqualTo(withoutContext(normalizedTypes(TestMessages.expectedJson(expected(html)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldFindTheSameDataInWindows1252BytesWithoutAnyCharset(Path html) throws Exception {
        String text = TestMessages.text(html);
        Charset windows1252 = Charset.forName("windows-1252");
        Assumptions.assumeTrue(windows1252.newEncoder().canEncode(text), "the page fits windows-1252");
        // a meta charset would be honoured, and rightly so; here the sender declared nothing at all
        String undeclared = text.replaceAll("(?i)<meta[^>]*charset[^>]*>", "");
        byte[] raw = TestMessages.single(TestMessages.HEADERS, "text/html", "quoted-printable",
                undeclared.getBytes(windows1252));

        assertThat(withoutContext(parser.parse(raw).structuredData()))
                .isEqualTo(withoutContext(normalizedTypes(TestMessages.expectedJson(expected(html)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldFindTheSameDataInARelatedHtmlBodyOfAForwardedMessage(Path html) throws Exception {
        byte[] raw = TestMessages.forwarding(TestMessages.related(TestMessages.HEADERS, TestMessages.text(html)));

        Email email = parser.parse(raw);

        assertThat(email.structuredData()).isEmpty();
        assertThat(withoutContext(email.allStructuredData()))
                .isEqualTo(withoutContext(normalizedTypes(TestMessages.expectedJson(expected(html)))));
    }

    private static Path expected(Path html) {
        return Path.of(html.toString().replaceFirst("\\.html$", ".json"));
    }

    static List<Map<String, Object>> withoutContext(List<Map<String, Object>> objects) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            Map<String, Object> copy = new LinkedHashMap<>(object);
            copy.remove("@context");
            result.add(copy);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static <T> T normalizedTypes(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, each) -> copy.put((String) key,
                    "@type".equals(key) && each instanceof String type ? JsonLd.localName(type) : normalizedTypes(each)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(StructuredDataCorpusTest::normalizedTypes).toList();
        }
        return value;
    }
}
