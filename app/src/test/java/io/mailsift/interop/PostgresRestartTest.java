package io.mailsift.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL goes down and comes back (same data, same port) while mail keeps arriving: nothing is lost, nothing is
 * stored twice. A PostgreSQL of its own, since the shared test server must not be restarted under other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mailsift.ingest.batch-size=2",
        "mailsift.ingest.backoff-initial=100ms",
        "mailsift.ingest.backoff-max=1s",
        "spring.datasource.hikari.connection-timeout=3000"})
@DirtiesContext
class PostgresRestartTest {

    private static final String ACCOUNT = "fault-postgres";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final DovecotServer dovecot = new DovecotServer();

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startPostgres() throws IOException {
        dovecot.addUser(ACCOUNT);
        dataDirectory = Files.createTempDirectory("mailsift-restarted-pg-");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        postgres = startOnTheSameDataAndPort();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (dataDirectory != null) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    @DynamicPropertySource
    static void databaseAndAccount(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("mailsift.accounts[0].name", () -> ACCOUNT);
        registry.add("mailsift.accounts[0].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[0].port", dovecot::imapPort);
        registry.add("mailsift.accounts[0].security", () -> "none");
        registry.add("mailsift.accounts[0].username", () -> ACCOUNT);
        registry.add("mailsift.accounts[0].password", () -> DovecotServer.PASSWORD);
    }

    @Test
    void shouldStoreEveryMessageExactlyOnceAcrossAPostgresRestart() throws Exception {
        await().atMost(LIMIT).until(() -> "idle".equals(database().state(ACCOUNT)));
        List<String> delivered = new ArrayList<>();
        CompletableFuture<Void> mailKeepsArriving = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 24; i++) {
                String code = "PG-%02d".formatted(i);
                dovecot.deliver(ACCOUNT, FlightMails.confirmation(code));
                synchronized (delivered) {
                    delivered.add(code);
                }
                sleep(Duration.ofMillis(250));
            }
        });

        sleep(Duration.ofMillis(1500));
        postgres.close();
        sleep(Duration.ofSeconds(2));
        postgres = startOnTheSameDataAndPort();
        mailKeepsArriving.get();

        await().atMost(LIMIT).untilAsserted(() -> assertThat(database().reservationNumbers(ACCOUNT))
                .containsExactlyInAnyOrderElementsOf(delivered));
    }

    private static EmbeddedPostgres startOnTheSameDataAndPort() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    private MailsiftDatabase database() {
        return new MailsiftDatabase(jdbc);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
