package io.mailsift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxReaderTest {

    @Test
    void shouldSplitOnFromLinesThatFollowABlankLine() throws IOException {
        List<String> messages = read("""
                From a@example.com Mon Nov 30 00:00:00 2026
                Subject: one

                body one

                From b@example.com Mon Nov 30 00:01:00 2026
                Subject: two

                body two
                """);

        assertThat(messages).containsExactly("Subject: one\n\nbody one\n", "Subject: two\n\nbody two\n");
    }

    @Test
    void shouldKeepAFromLineThatDoesNotFollowABlankLineInsideTheMessage() throws IOException {
        List<String> messages = read("""
                From a@example.com Mon Nov 30 00:00:00 2026
                Subject: one

                wrapped text
                From here on it is still the body

                """);

        assertThat(messages).containsExactly("Subject: one\n\nwrapped text\nFrom here on it is still the body\n");
    }

    @Test
    void shouldUnescapeQuotedFromLinesTheMboxrdWay() throws IOException {
        List<String> messages = read("""
                From a@example.com Mon Nov 30 00:00:00 2026
                Subject: one

                >From the top
                >>From deeper
                > From is only a quote
                """);

        assertThat(messages).containsExactly(
                "Subject: one\n\nFrom the top\n>From deeper\n> From is only a quote\n");
    }

    @Test
    void shouldKeepCrlfLineEndings() throws IOException {
        List<String> messages = read("From a Mon Nov 30 00:00:00 2026\r\nSubject: one\r\n\r\nx\r\n\r\n"
                + "From b Mon Nov 30 00:00:00 2026\r\nSubject: two\r\n\r\ny\r\n");

        assertThat(messages).containsExactly("Subject: one\r\n\r\nx\r\n", "Subject: two\r\n\r\ny\r\n");
    }

    @Test
    void shouldKeepBlankLinesThatAreNotSeparators() throws IOException {
        List<String> messages = read("From a\nSubject: one\n\nx\n\n\ny\n\nFrom b\nSubject: two\n\nz");

        assertThat(messages).containsExactly("Subject: one\n\nx\n\n\ny\n", "Subject: two\n\nz");
    }

    @Test
    void shouldNumberMessagesFromOne() throws IOException {
        List<Integer> positions = new ArrayList<>();

        int count = MboxReader.read(stream("From a\n\nx\n\nFrom b\n\ny\n"), (position, raw) -> positions.add(position));

        assertThat(positions).containsExactly(1, 2);
        assertThat(count).isEqualTo(2);
    }

    @Test
    void shouldReadAnEmptyFileAsNoMessage() throws IOException {
        assertThat(read("")).isEmpty();
    }

    @Test
    void shouldRefuseAFileThatDoesNotStartWithAFromLine() {
        assertThatThrownBy(() -> read("Subject: hello\n\nbody\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("not an mbox");
    }

    @Test
    void shouldDetectAnMboxByItsFirstLine(@TempDir Path dir) throws IOException {
        Path mbox = Files.writeString(dir.resolve("Inbox"), "From a Mon Nov 30 00:00:00 2026\nSubject: x\n\ny\n");
        Path eml = Files.writeString(dir.resolve("a.eml"), "From: a@example.com\nSubject: x\n\ny\n");
        Path tiny = Files.writeString(dir.resolve("tiny"), "Fro");

        assertThat(MboxReader.looksLikeMbox(mbox)).isTrue();
        assertThat(MboxReader.looksLikeMbox(eml)).isFalse();
        assertThat(MboxReader.looksLikeMbox(tiny)).isFalse();
    }

    private static List<String> read(String mbox) throws IOException {
        List<String> messages = new ArrayList<>();
        MboxReader.read(stream(mbox), (position, raw) -> messages.add(new String(raw, StandardCharsets.UTF_8)));
        return messages;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
