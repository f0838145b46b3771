package io.mailsift.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.mailsift.system.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application process dies without warning (SIGKILL, as the OOM killer or a power cut does) in the middle of a
 * backfill, and is started again: the backfill resumes from the checkpoint and ends with every finding exactly once.
 * The application runs as a child JVM from the test class path, so that it can really be killed.
 */
class ProcessKillTest {

    private static final String ACCOUNT = "fault-killed";
    private static final int MESSAGES = 400;

    @RegisterExtension
    static final DovecotServer dovecot = new DovecotServer();

    private final TestPostgres.Connection database = TestPostgres.newDatabase();
    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(),
            database.username(), database.password());
    private final MailsiftDatabase mailsift = new MailsiftDatabase(JdbcClient.create(dataSource));

    @Test
    void shouldEndWithEveryFindingExactlyOnceWhenKilledDuringBackfillAndStartedAgain(@TempDir Path dir)
            throws Exception {
        dovecot.addUser(ACCOUNT);
        // The schema exists before the first start, so that the test can watch the checkpoint from the first moment.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        List<String> delivered = new ArrayList<>();
        List<byte[]> mails = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String code = "KILL-%04d".formatted(i);
            delivered.add(code);
            mails.add(FlightMails.confirmation(code));
        }
        dovecot.deliverToMaildir(ACCOUNT, mails);

        Process first = start(dir.resolve("first.log"));
        long checkpointAtKill;
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !first.isAlive() || mailsift.lastUid(ACCOUNT) >= 20);
            assertThat(first.isAlive()).as("first run alive; its log:\n%s", log(dir.resolve("first.log"))).isTrue();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop, no last commit
            first.waitFor(10, TimeUnit.SECONDS);
            checkpointAtKill = mailsift.lastUid(ACCOUNT);
        }
        assertThat(checkpointAtKill).as("killed midway through the backfill").isBetween(20L, MESSAGES - 1L);
        assertThat(mailsift.reservationNumbers(ACCOUNT)).hasSizeLessThan(MESSAGES);

        Process second = start(dir.resolve("second.log"));
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !second.isAlive() || mailsift.reservationNumbers(ACCOUNT).size() >= MESSAGES);
            assertThat(second.isAlive()).as("second run alive; its log:\n%s", log(dir.resolve("second.log")))
                    .isTrue();
            assertThat(mailsift.reservationNumbers(ACCOUNT)).containsExactlyElementsOf(delivered);
            assertThat(mailsift.lastUid(ACCOUNT)).isEqualTo(MESSAGES);
        } finally {
            second.destroy();
            if (!second.waitFor(15, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private Process start(Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.mailsift.MailsiftApplication",
                // As in production, web server included (it also keeps the JVM up: watchers run on virtual threads).
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--mailsift.plugins-dir=" + log.resolveSibling("no-plugins"),
                "--mailsift.data-dir=" + log.resolveSibling("data"),
                // Small batches: the backfill must last long enough to be killed in the middle.
                "--mailsift.ingest.batch-size=5",
                // The same node id for both runs, as a stable id per host in production: the second run takes the
                // killed run's lease back at once instead of waiting for it to expire.
                "--mailsift.node.id=process-kill-test",
                "--mailsift.accounts[0].name=" + ACCOUNT,
                "--mailsift.accounts[0].host=127.0.0.1",
                "--mailsift.accounts[0].port=" + dovecot.imapPort(),
                "--mailsift.accounts[0].security=none",
                "--mailsift.accounts[0].username=" + ACCOUNT,
                "--mailsift.accounts[0].password=" + DovecotServer.PASSWORD)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String log(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no log)";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
