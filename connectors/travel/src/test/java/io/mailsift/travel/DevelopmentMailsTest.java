package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The development mails under {@code mails/dev/}: confirmations written in the styles of real airlines, hotels,
 * booking sites, rail and bus operators, car-rental firms, ticket sellers and restaurant booking sites (invented
 * senders and numbers), each next to the findings it must give ({@code X.expected}: one block per finding in order,
 * its type on the first line, then {@code path = value} lines; an empty file for a mail that must give nothing).
 * The rules of {@link TextReservations} and {@link CalendarReservations} are developed on these, never on the
 * held-out corpus in bench/travel-corpus.
 */
class DevelopmentMailsTest {

    private final TravelConnector connector = new TravelConnector();

    static Stream<String> mails() throws IOException, URISyntaxException {
        Path folder = Path.of(DevelopmentMailsTest.class.getResource("/mails/dev").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".eml")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void givesTheExpectedReservationsAndNoOtherFields(String mail) {
        List<Finding> findings = connector.extract(Mails.parsed("mails/dev/" + mail));
        List<Expected> expected = expected(Mails.resource("mails/dev/" + mail.replace(".eml", ".expected")));
        if (Boolean.getBoolean("travel.print")) {
            findings.forEach(f -> System.out.println(mail + " " + Mails.JSON.writeValueAsString(f.data())));
        }

        assertThat(findings).extracting(Finding::type)
                .containsExactlyElementsOf(expected.stream().map(Expected::type).toList());
        for (int i = 0; i < expected.size(); i++) {
            Finding finding = findings.get(i);
            expected.get(i).values().forEach((path, value) -> assertThat(
                    JsonLd.text(finding.data(), path.split("\\.")).orElse("(none)")).as(path).isEqualTo(value));
        }
    }

    /** A booking the prefilter declines is never fetched: each one must pass on the headers it was sent with. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void fetchesEveryBookingOnItsHeaders(String mail) {
        if (Mails.resource("mails/dev/" + mail.replace(".eml", ".expected")).isBlank()) {
            return;
        }
        assertThat(connector.interestedIn(Mails.parsed("mails/dev/" + mail).headers())).isTrue();
    }

    private record Expected(String type, Map<String, String> values) {
    }

    private static List<Expected> expected(String text) {
        List<Expected> blocks = new ArrayList<>();
        String type = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : (text + "\n\n").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                if (type != null && line.isBlank()) {
                    blocks.add(new Expected(type, values));
                    type = null;
                    values = new LinkedHashMap<>();
                }
            } else if (type == null) {
                type = line.strip();
            } else {
                int eq = line.indexOf(" = ");
                values.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
            }
        }
        return blocks;
    }
}
