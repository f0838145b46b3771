package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mailsift.testing.TcpProxy;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The IMAP server goes away and comes back on the same port (a proxy in front of GreenMail, which forgets its
 * mailboxes when stopped): the watcher backs off, reconnects and catches up.
 */
@SpringBootTest(properties = {
        // GreenMail reports mail landing just before an IDLE only when it ends: re-issue often.
        "mailsift.ingest.idle-interval=1s",
        "mailsift.ingest.backoff-initial=100ms",
        "mailsift.ingest.backoff-max=500ms"})
@Import(TestConnectors.class)
@DirtiesContext
class MailboxReconnectTest {

    static final String ACCOUNT = "reconnect-outage";

        private static final GreenMail greenMail = startedGreenMail();

    private static TcpProxy server;
    private static GreenMailUser dave;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        registry.add("mailsift.accounts[0].name", () -> ACCOUNT);
        registry.add("mailsift.accounts[0].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[0].port", () -> proxy().port());
        registry.add("mailsift.accounts[0].security", () -> "none");
        registry.add("mailsift.accounts[0].username", () -> "dave");
        registry.add("mailsift.accounts[0].password", () -> "secret");
    }

    @BeforeAll
    static void user() {
        // Before the context starts: its watcher logs in at once.
        dave = greenMail.setUser("dave@example.org", "dave", "secret");
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        greenMail.stop();
    }

    @Test
    void shouldCatchUpWithoutLossOrDuplicateAfterTheServerCameBack() throws Exception {
        dave.deliver(TestMails.mail("reconnect before outage"));
        patiently().atMost(Duration.ofSeconds(20)).until(() -> "idle".equals(state())
                && subjects().contains("reconnect before outage"));

        server.stop();
        patiently().atMost(Duration.ofSeconds(10)).until(() -> "backoff".equals(state()));
        // Mail keeps arriving while the server is unreachable for us.
        dave.deliver(TestMails.mail("reconnect during outage 1"));
        dave.deliver(TestMails.mail("reconnect during outage 2"));
        patiently().atMost(Duration.ofSeconds(5)).until(() -> failedLogins() >= 1);

        server.start();

        patiently().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(subjects())
                .containsExactlyInAnyOrder("reconnect before outage", "reconnect during outage 1",
                        "reconnect during outage 2"));
        patiently().atMost(Duration.ofSeconds(5)).until(() -> "idle".equals(state()));
        assertThat(SubjectConnector.calls("reconnect before outage")).isEqualTo(1);
        assertThat(SubjectConnector.calls("reconnect during outage 1")).isEqualTo(1);
        assertThat(SubjectConnector.calls("reconnect during outage 2")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_error FROM mail_accounts WHERE name = :account")
                .param("account", ACCOUNT).query(String.class).single()).isNotBlank();

        // And live mail flows again over the new connection.
        dave.deliver(TestMails.mail("reconnect after outage"));
        patiently().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subjects())
                .contains("reconnect after outage"));
    }

    /**
     * Awaitility fails on any uncaught exception in any thread by default; GreenMail's connection threads throw one
     * for every connection the proxy cuts, which is the point of this test.
     */
    private static ConditionFactory patiently() {
        return await().dontCatchUncaughtExceptions();
    }

    private String state() {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE name = :account").param("account", ACCOUNT)
                .query(String.class).optional().orElse(null);
    }

    private double failedLogins() {
        Counter counter = meters.find(IngestMetrics.LOGINS).tag("account", ACCOUNT).tag("outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> subjects() {
        return jdbc.sql("""
                SELECT f.payload->>'name' FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name = :account AND f.connector_id = :connector""")
                .param("account", ACCOUNT).param("connector", SubjectConnector.ID).query(String.class).list();
    }

    private static GreenMail startedGreenMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        return mail;
    }

    /** Started on first use: the property source asks for its port before any test runs. */
    private static synchronized TcpProxy proxy() {
        if (server == null) {
            try {
                server = new TcpProxy(greenMail.getImap().getPort()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}
