package io.mailsift.connector.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.mailsift.connector.Connector;
import io.mailsift.connector.EmailHeaders;

/**
 * For testing a connector's header prefilter ({@link Connector#interestedIn}) the way the platform calls it: on the
 * headers alone, before any body is fetched. Samples are written one mail per line, {@code sender | subject}, in a
 * text file on the test class path ({@code #} starts a comment).
 */
public final class HeaderSamples {

    private HeaderSamples() {
    }

    /** Parses a header block such as {@code "From: Anna <anna@mail.example>\r\nSubject: Hi"}. */
    public static EmailHeaders headers(String block) {
        return EmlFixtures.parse((block.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)).headers();
    }

    /** The {@code sender | subject} lines of a sample file on the test class path, without blanks and comments. */
    public static List<String> senderSubjectLines(String resource) {
        return new String(EmlFixtures.bytes(resource), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The sample lines whose headers the connector's prefilter accepts. */
    public static List<String> accepted(Connector connector, List<String> senderSubjectLines) {
        return senderSubjectLines.stream().filter(line -> {
            String[] fields = line.split("\\|", 2);
            return connector.interestedIn(headers("From: " + fields[0].strip() + "\r\nSubject: " + fields[1].strip()));
        }).toList();
    }
}
