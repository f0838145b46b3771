package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.JsonLd;
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
