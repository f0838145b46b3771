package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;

/** One parser serves every mailbox: parsing the corpus from many threads gives what one thread gives. */
class ConcurrentParsingTest {

    @Test
    void shouldGiveTheSameEmailsWhenSharedAcrossThreads() throws Exception {
        EmailParser parser = new EmailParser();
        List<byte[]> messages = new ArrayList<>();
        try (var files = Files.list(TestMessages.corpus("structureddata"))) {
            for (Path html : files.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
                messages.add(TestMessages.alternative(TestMessages.HEADERS, "text", TestMessages.text(html)));
            }
        }
        List<Email> sequential = new ArrayList<>();
        for (byte[] raw : messages) {
            sequential.add(parser.parse(raw));
        }

        List<Future<Email>> parallel = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 10; round++) {
                for (byte[] raw : messages) {
                    parallel.add(threads.submit(() -> parser.parse(raw)));
                }
            }
        }

        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i % messages.size()));
        }
    }
}
