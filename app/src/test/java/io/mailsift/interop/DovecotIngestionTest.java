package io.mailsift.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mailsift against Dovecot over every transport: plain IMAP, STARTTLS and IMAPS with the server's self-signed
 * certificate trusted by file ({@code pem:}), IMAPS trusting anything ({@code insecure}), and IMAPS with the default
 * {@code system} trust, which must refuse that certificate. Each transport has its own Dovecot user and Mailsift
 * account, all watched by one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mailsift.ingest.batch-size=3",
        "mailsift.ingest.backoff-initial=200ms",
        "mailsift.ingest.backoff-max=1s"})
@DirtiesContext
class DovecotIngestionTest {

    /** A transport, and the Dovecot user and Mailsift account that use it. */
    enum Transport {
        PLAIN("none", "system"),
        STARTTLS_PEM("starttls", "pem"),
        IMAPS_PEM("tls", "pem"),
        IMAPS_INSECURE("tls", "insecure");

        final String security;
        final String trust;

        Transport(String security, String trust) {
            this.security = security;
            this.trust = trust;
        }

        String user() {
            return "ingest-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final String UNTRUSTED = "ingest-imaps-system";
    private static final String WRONG_HOST = "ingest-imaps-pem-wrong-host";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final DovecotServer dovecot = new DovecotServer();

    private static final Map<Transport, Map<Long, String>> flagsBeforeStart = new EnumMap<>(Transport.class);

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        // Suppliers: Dovecot's ports and certificate exist only once the extension started it.
        int i = 0;
        for (Transport transport : Transport.values()) {
            boolean pem = transport.trust.equals("pem");
            // The certificate names localhost only: host names are checked with pem trust.
            account(registry, i++, transport.user(), pem ? "localhost" : "127.0.0.1", transport.security,
                    () -> pem ? "pem:" + dovecot.certificate() : transport.trust);
        }
        account(registry, i++, UNTRUSTED, "localhost", "tls", () -> "system");
        account(registry, i, WRONG_HOST, "127.0.0.1", "tls", () -> "pem:" + dovecot.certificate());
    }

    private static void account(DynamicPropertyRegistry registry, int index, String name, String host,
            String security, java.util.function.Supplier<Object> trust) {
        String prefix = "mailsift.accounts[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "host", () -> host);
        registry.add(prefix + "port", () -> security.equals("tls") ? dovecot.imapsPort() : dovecot.imapPort());
        registry.add(prefix + "security", () -> security);
        registry.add(prefix + "tls-trust", trust);
        registry.add(prefix + "username", () -> name);
        registry.add(prefix + "password", () -> DovecotServer.PASSWORD);
    }

    @BeforeAll
    static void mailboxesWithMailAndFlags() {
        for (Transport transport : Transport.values()) {
            String user = dovecot.addUser(transport.user());
            dovecot.deliver(user, FlightMails.confirmation(code(transport, "OLD1")));
            dovecot.deliver(user, FlightMails.newsletter("weekly news " + transport));
            dovecot.deliver(user, FlightMails.confirmation(code(transport, "OLD2")));
            dovecot.deliver(user, FlightMails.confirmation(code(transport, "OLD3")));
            // What the user's other mail clients did: Mailsift must leave all of it as it is.
            dovecot.addFlags(user, 1, "\\Seen");
            dovecot.addFlags(user, 3, "\\Flagged $Important");
            flagsBeforeStart.put(transport, dovecot.flags(user));
        }
        for (String refused : List.of(UNTRUSTED, WRONG_HOST)) {
            dovecot.deliver(dovecot.addUser(refused), FlightMails.confirmation(refused.toUpperCase(Locale.ROOT)));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldBackfillMailThatWasThereBeforeStart(Transport transport) {
        await().atMost(LIMIT).untilAsserted(() -> assertThat(database().reservationNumbers(transport.user()))
                .contains(code(transport, "OLD1"), code(transport, "OLD2"), code(transport, "OLD3")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldTurnMailDeliveredDuringIdleIntoFindings(Transport transport) {
        awaitIdle(transport.user());

        dovecot.deliver(transport.user(), FlightMails.confirmation(code(transport, "LIVE")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                database().reservationNumbers(transport.user())).contains(code(transport, "LIVE")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldLeaveEveryFlagAsItWasAndSendNoCommandThatModifiesTheMailbox(Transport transport) {
        String user = transport.user();
        awaitIdle(user);
        dovecot.deliver(user, FlightMails.confirmation(code(transport, "FLAGS")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database().reservationNumbers(user))
                .contains(code(transport, "FLAGS")));

        Map<Long, String> after = dovecot.flags(user);
        Map<Long, String> before = flagsBeforeStart.get(transport);
        // \Recent too: only a SELECT takes it, an EXAMINE leaves it for the user's own client.
        assertThat(after).containsAllEntriesOf(before);
        assertThat(before.get(1L)).isEqualTo("\\Seen \\Recent");
        after.forEach((uid, flags) -> {
            if (!before.containsKey(uid)) {
                assertThat(flags).as("flags of UID %d, delivered while Mailsift watched", uid).isEqualTo("\\Recent");
            }
        });
        List<String> commands = dovecot.clientCommands(user);
        assertThat(commands).contains("EXAMINE", "UID FETCH", "IDLE")
                .doesNotContain("SELECT", "STORE", "UID STORE", "COPY", "UID COPY", "MOVE", "UID MOVE", "EXPUNGE",
                        "UID EXPUNGE", "APPEND", "CREATE", "DELETE", "RENAME", "SUBSCRIBE");
    }

    @Test
    void shouldRefuseTheSelfSignedCertificateWithSystemTrustAndSayWhy() {
        await().atMost(LIMIT).untilAsserted(() -> {
            assertThat(database().state(UNTRUSTED)).isIn("backoff", "connecting");
            assertThat(database().lastError(UNTRUSTED)).containsIgnoringCase("certification path");
        });
        assertThat(database().reservationNumbers(UNTRUSTED)).isEmpty();
        // Refused during the handshake: not even a login reached the server.
        assertThat(dovecot.clientCommands(UNTRUSTED)).isEmpty();
    }

    @Test
    void shouldRefuseATrustedCertificateIssuedToAnotherHostName() {
        await().atMost(LIMIT).untilAsserted(() -> {
            assertThat(database().state(WRONG_HOST)).isIn("backoff", "connecting");
            assertThat(database().lastError(WRONG_HOST)).contains("No subject alternative names matching IP address");
        });
        assertThat(database().reservationNumbers(WRONG_HOST)).isEmpty();
        assertThat(dovecot.clientCommands(WRONG_HOST)).isEmpty();
    }

    private void awaitIdle(String account) {
        await().atMost(LIMIT).until(() -> "idle".equals(database().state(account)));
    }

    private MailsiftDatabase database() {
        return new MailsiftDatabase(jdbc);
    }

    private static String code(Transport transport, String what) {
        return transport.name() + "-" + what;
    }
}
