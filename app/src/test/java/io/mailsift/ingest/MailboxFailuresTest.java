package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Accounts that cannot be watched, each told apart: a refused login (retried slowly), a server that accepts TCP and
 * never answers (socket timeouts, then backoff), and an account disabled in configuration.
 */
@SpringBootTest(properties = {
        "mailsift.ingest.connect-timeout=1s",
        "mailsift.ingest.read-timeout=2s",
        "mailsift.ingest.idle-interval=1s",
        "mailsift.ingest.write-timeout=1s",
        "mailsift.ingest.backoff-initial=100ms",
        "mailsift.ingest.backoff-max=500ms",
        "mailsift.ingest.auth-retry-interval=1h"})
@Import(TestConnectors.class)
@DirtiesContext
class MailboxFailuresTest {

    static final String WRONG_PASSWORD = "failures-wrong-password";
    static final String SILENT = "failures-silent-server";
    static final String DISABLED = "failures-disabled";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    /** Accepts connections and never says a word, like a server whose IMAP process hangs. */
    private static final ServerSocket silentServer = silentServer();
    private static final List<Socket> silentConnections = new CopyOnWriteArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("mailsift.accounts[0].name", () -> WRONG_PASSWORD);
        registry.add("mailsift.accounts[0].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[0].port", () -> greenMail.getImap().getPort());
        registry.add("mailsift.accounts[0].security", () -> "none");
        registry.add("mailsift.accounts[0].username", () -> "carol");
        registry.add("mailsift.accounts[0].password", () -> "not-her-password");
        registry.add("mailsift.accounts[1].name", () -> SILENT);
        registry.add("mailsift.accounts[1].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[1].port", silentServer::getLocalPort);
        registry.add("mailsift.accounts[1].security", () -> "none");
        registry.add("mailsift.accounts[1].username", () -> "nobody");
        registry.add("mailsift.accounts[1].password", () -> "secret");
        registry.add("mailsift.accounts[2].name", () -> DISABLED);
        registry.add("mailsift.accounts[2].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[2].port", () -> greenMail.getImap().getPort());
        registry.add("mailsift.accounts[2].security", () -> "none");
        registry.add("mailsift.accounts[2].username", () -> "carol");
        registry.add("mailsift.accounts[2].password", () -> "secret");
        registry.add("mailsift.accounts[2].enabled", () -> "false");
    }

    @BeforeAll
    static void users() {
        greenMail.setUser("carol@example.org", "carol", "secret");
    }

    @AfterAll
    static void closeSilentServer() throws IOException {
        silentServer.close();
        for (Socket socket : silentConnections) {
            socket.close();
        }
    }

    @Test
    void shouldReportARefusedLoginWithTheServersTextAndNotRetryItAtOnce() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> "auth_failed".equals(state(WRONG_PASSWORD)));
        // Long enough for several reconnects at the network backoff (100-500 ms): none may happen.
        Thread.sleep(1500);

        assertThat(state(WRONG_PASSWORD)).isEqualTo("auth_failed");
        assertThat(lastError(WRONG_PASSWORD)).containsIgnoringCase("login");
        assertThat(logins(WRONG_PASSWORD, "auth_failed")).isEqualTo(1);
        assertThat(logins(WRONG_PASSWORD, "failed") + logins(WRONG_PASSWORD, "success")).isZero();
    }

    @Test
    void shouldBackOffWithinTheReadTimeoutWhenTheServerAcceptsButNeverAnswers() {
        // Read timeout 2 s: the greeting never comes, so the first attempt fails after about that long.
        await().atMost(Duration.ofSeconds(8)).until(() -> "backoff".equals(state(SILENT)));

        assertThat(lastError(SILENT)).containsIgnoringCase("timed out");
        assertThat(silentConnections).isNotEmpty();
    }

    @Test
    void shouldRegisterADisabledAccountWithoutWatchingIt() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> "disabled".equals(state(DISABLED)));
        Thread.sleep(500);

        assertThat(state(DISABLED)).isEqualTo("disabled");
        assertThat(meters.find(IngestMetrics.LOGINS).tag("account", DISABLED).counters()).isEmpty();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account""").param("account", DISABLED).query(Long.class).single()).isZero();
    }

    @Test
    void shouldWatchMailboxesOnVirtualThreadsOnly() {
        await().atMost(Duration.ofSeconds(10)).until(() -> state(SILENT) != null);

        // getAllStackTraces lists platform threads only: no watcher may be among them, nor a write-timeout timer
        // per connection (Jakarta Mail's default, an unnamed pool thread each).
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("mailbox-"))
                .noneMatch(name -> name.matches("pool-\\d+-thread-\\d+"))
                .containsOnlyOnce("imap-write-timeout");
    }

    private String state(String account) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE name = :account").param("account", account)
                .query(String.class).optional().orElse(null);
    }

    private String lastError(String account) {
        return jdbc.sql("SELECT last_error FROM mail_accounts WHERE name = :account").param("account", account)
                .query(String.class).single();
    }

    private double logins(String account, String outcome) {
        Counter counter = meters.find(IngestMetrics.LOGINS).tag("account", account).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("silent-imap-server").start(() -> {
                while (!server.isClosed()) {
                    try {
                        silentConnections.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
