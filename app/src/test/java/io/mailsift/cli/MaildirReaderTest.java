package io.mailsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirReaderTest {

    @TempDir
    Path maildir;

    @Test
    void shouldListCurThenNewAndNeverTmp() throws IOException {
        write("new/1700000003.c.host");
        write("cur/1700000002.b.host:2,S");
        write("cur/1700000001.a.host:2,RS");
        write("tmp/1700000004.d.host");
        write("cur/.hidden");

        assertThat(MaildirReader.isMaildir(maildir)).isTrue();
        assertThat(MaildirReader.messages(maildir)).extracting(p -> maildir.relativize(p).toString())
                .containsExactly("cur/1700000001.a.host:2,RS", "cur/1700000002.b.host:2,S", "new/1700000003.c.host");
    }

    @Test
    void shouldNotTakeADirectoryWithoutCurAndNewForAMaildir() throws IOException {
        Files.createDirectories(maildir.resolve("cur"));

        assertThat(MaildirReader.isMaildir(maildir)).isFalse();
    }

    @Test
    void shouldFindMessagesInMaildirPlusPlusSubfoldersToo() throws IOException {
        write("cur/1.host:2,S");
        write("new/2.host");
        Files.createDirectories(maildir.resolve("tmp"));
        write(".Travel/cur/3.host:2,S");
        write(".Travel/new/4.host");
        Files.createDirectories(maildir.resolve(".Travel/tmp"));
        List<String> sources = new ArrayList<>();

        MailSource.visit(maildir, new MailSource.Visitor() {
            @Override
            public void message(String source, byte[] raw) {
                sources.add(maildir.relativize(Path.of(source)).toString());
            }

            @Override
            public void unreadable(String source, String reason) {
                throw new AssertionError(source + ": " + reason);
            }
        });

        assertThat(sources).containsExactly("cur/1.host:2,S", "new/2.host", ".Travel/cur/3.host:2,S", ".Travel/new/4.host");
    }

    private void write(String relative) throws IOException {
        Path file = maildir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Subject: " + relative + "\n\nbody\n");
    }
}
