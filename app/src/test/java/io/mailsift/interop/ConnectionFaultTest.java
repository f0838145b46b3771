package io.mailsift.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.mailsift.testing.TcpProxy;
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

/**
 * The IMAP connection goes away under Mailsift's feet, and every message still becomes its findings exactly once:
 * cut again and again by the network while mail keeps arriving, or ended by the server during IDLE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mailsift.ingest.batch-size=2",
        "mailsift.ingest.backoff-initial=100ms",
        "mailsift.ingest.backoff-max=500ms",
        "mailsift.ingest.connect-timeout=5s",
        "mailsift.ingest.read-timeout=20s",
        "mailsift.ingest.idle-interval=10s"})
@DirtiesContext
class ConnectionFaultTest {

    private static final String CUT = "fault-cut";
    private static final String KICKED = "fault-kicked";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final DovecotServer dovecot = new DovecotServer();

    private static TcpProxy proxy;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void mailboxesAndProxy() throws Exception {
        dovecot.addUser(CUT);
        dovecot.addUser(KICKED);
        proxy = new TcpProxy(dovecot.imapPort()).start();
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        account(registry, 0, CUT, true);
        account(registry, 1, KICKED, false);
    }

    private static void account(DynamicPropertyRegistry registry, int index, String name, boolean throughProxy) {
        String prefix = "mailsift.accounts[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "host", () -> "127.0.0.1");
        registry.add(prefix + "port", () -> throughProxy ? proxy.port() : dovecot.imapPort());
        registry.add(prefix + "security", () -> "none");
        registry.add(prefix + "username", () -> name);
        registry.add(prefix + "password", () -> DovecotServer.PASSWORD);
    }

    @Test
    void shouldStoreEveryMessageExactlyOnceWhileTheConnectionIsCutEverySecond() throws Exception {
        awaitIdle(CUT);
        List<String> delivered = new ArrayList<>();
        int connectionsBefore = proxy.connections();

        ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("connection-cutter").factory());
        try {
            cutter.scheduleAtFixedRate(proxy::dropAll, 700, 1200, TimeUnit.MILLISECONDS);
            for (int i = 0; i < 30; i++) {
                String code = "CUT-%02d".formatted(i);
                dovecot.deliver(CUT, FlightMails.confirmation(code));
                delivered.add(code);
                Thread.sleep(250);
            }
        } finally {
            cutter.shutdownNow();
        }

        await().atMost(LIMIT).untilAsserted(() -> assertThat(database().reservationNumbers(CUT))
                .containsExactlyInAnyOrderElementsOf(delivered));
        assertThat(proxy.connections() - connectionsBefore).as("reconnections through the proxy")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldReconnectAndCatchUpWhenTheServerEndsTheSessionDuringIdle() {
        awaitIdle(KICKED);
        dovecot.deliver(KICKED, FlightMails.confirmation("KICK-BEFORE"));
        await().atMost(LIMIT).until(() -> database().reservationNumbers(KICKED).contains("KICK-BEFORE"));
        awaitIdle(KICKED);

        dovecot.kick(KICKED);
        dovecot.deliver(KICKED, FlightMails.confirmation("KICK-AFTER-1"));
        dovecot.deliver(KICKED, FlightMails.confirmation("KICK-AFTER-2"));
        dovecot.deliver(KICKED, FlightMails.confirmation("KICK-AFTER-3"));

        await().atMost(LIMIT).untilAsserted(() -> assertThat(database().reservationNumbers(KICKED))
                .containsExactlyInAnyOrder("KICK-BEFORE", "KICK-AFTER-1", "KICK-AFTER-2", "KICK-AFTER-3"));
        assertThat(dovecot.clientCommands(KICKED)).filteredOn("EXAMINE"::equals).as("sessions").hasSizeGreaterThan(1);
    }

    private void awaitIdle(String account) {
        await().atMost(LIMIT).until(() -> "idle".equals(database().state(account)));
    }

    private MailsiftDatabase database() {
        return new MailsiftDatabase(jdbc);
    }
}
