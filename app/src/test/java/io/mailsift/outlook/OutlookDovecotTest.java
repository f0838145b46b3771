package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.mailsift.account.AccountConsent;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.ingest.MailboxWatchers;
import io.mailsift.interop.DovecotServer;
import io.mailsift.interop.FlightMails;
import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import io.mailsift.testing.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Linked Outlook mailboxes watched over SASL XOAUTH2, with real peers: mock-oauth2-server issues and refreshes the
 * tokens, Dovecot's oauth2 passdb checks every login against the mock's introspection endpoint. Dovecot stands in for
 * outlook.office365.com (plain IMAP on loopback, allowed for these tests), and its {@code kick} for Exchange ending a
 * session whose token expired ({@code BYE ... AccessTokenExpired}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mailsift.ingest.backoff-initial=200ms",
        "mailsift.ingest.backoff-max=1s",
        "mailsift.ingest.stable-after=1s",
        "mailsift.link.allowed-private-networks=127.0.0.0/8",
        "mailsift.outlook.refresh-skew=1s"})
// Its watchers' IMAP sessions must not outlive the class (other tests count the IMAP threads of the JVM).
@DirtiesContext
class OutlookDovecotTest {

    private static final URI CALLBACK = URI.create("http://localhost:8080/link/outlook/callback");
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final MockIdentityPlatform microsoft = new MockIdentityPlatform(Duration.ofHours(1));

    @RegisterExtension
    static final DovecotServer dovecot = new DovecotServer().withOAuth2Introspection(microsoft::introspectionUri);
    // Between Mailsift and Dovecot, to say what Exchange says when a session's token expires.
    private static @Nullable TcpProxy proxy;

    @Autowired
    OutlookLinking linking;
    @Autowired
    MailboxWatchers watchers;
    @Autowired
    AccountConsent consent;
    @Autowired
    AccountSecrets secrets;
    @Autowired
    ConfiguredAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final List<Long> watched = new ArrayList<>();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        microsoft.register(registry);
        registry.add("mailsift.outlook.imap-host", () -> "127.0.0.1");
        registry.add("mailsift.outlook.imap-port", () -> proxy().port());
        registry.add("mailsift.outlook.imap-security", () -> "none");
    }

    @AfterEach
    void stopWatching() {
        // Without a connector the mailbox is no longer to be watched: no lease round claims it again.
        watched.forEach(accountId -> {
            consent.disable(users.localUserId(), accountId, "travel");
            watchers.unwatch(accountId);
        });
    }

    @AfterAll
    static void stop() {
        microsoft.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    private static synchronized TcpProxy proxy() {
        if (proxy == null) {
            try {
                proxy = new TcpProxy(dovecot.imapPort()).start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return proxy;
    }

    @Test
    void shouldTurnMailDeliveredToALinkedOutlookMailboxIntoAFinding() throws Exception {
        String address = dovecot.addUser("linked@outlook.test");
        long accountId = linkAndWatch(address, Duration.ofHours(1));

        dovecot.deliver(address, FlightMails.confirmation("XOAUTH1"));

        awaitFinding(accountId, "XOAUTH1");
        assertThat(state(accountId)).isEqualTo("idle");
    }

    @Test
    void shouldRefreshAnAccessTokenThatExpiredDuringIdleAndKeepWatching() throws Exception {
        String address = dovecot.addUser("expiring@outlook.test");
        long accountId = linkAndWatch(address, Duration.ofSeconds(4));
        String firstToken = secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow().value();
        await().atMost(LIMIT).until(() -> secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow().expiresAt()
                .isBefore(Instant.now()));
        microsoft.requests();

        // What Exchange does when the token of an open session expires.
        dovecot.kick(address);
        dovecot.deliver(address, FlightMails.confirmation("EXPIRY1"));

        awaitFinding(accountId, "EXPIRY1");
        assertThat(microsoft.tokenRequests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.body()).contains("grant_type=refresh_token"));
        assertThat(secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow().value()).isNotEqualTo(firstToken);
        await().atMost(LIMIT).until(() -> state(accountId).equals("idle"));
    }

    @Test
    void shouldReconnectAtOnceAndWithoutAnErrorWhenTheServerEndsTheSessionAsTheTokenExpired() throws Exception {
        String address = dovecot.addUser("bye@outlook.test");
        long accountId = linkAndWatch(address, Duration.ofHours(1));
        Thread.sleep(1500);
        int connections = proxy().connections();

        proxy().sayToClientsAndDrop("* BYE Session invalidated - AccessTokenExpired");
        dovecot.deliver(address, FlightMails.confirmation("BYE1"));

        awaitFinding(accountId, "BYE1");
        assertThat(proxy().connections()).isGreaterThan(connections);
        assertThat(jdbc.sql("SELECT last_error FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query(String.class).optional()).as("an expected end, not a failure").isEmpty();
    }

    @Test
    void shouldRefreshOnceAndLogInAgainWhenTheServerRefusesTheAccessToken() throws Exception {
        String address = dovecot.addUser("refused@outlook.test");
        long accountId = linkAndWatch(address, Duration.ofHours(1));
        // Valid for another hour by its expiry, yet the server refuses it (it names someone else).
        secrets.put(accountId, SecretKind.ACCESS_TOKEN,
                microsoft.accessToken("someone.else@outlook.test", Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1)));
        microsoft.requests();

        dovecot.kick(address);
        dovecot.deliver(address, FlightMails.confirmation("REFUSED1"));

        awaitFinding(accountId, "REFUSED1");
        assertThat(microsoft.tokenRequests()).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("grant_type=refresh_token"));
        assertThat(meters.find("mailsift.ingest.logins").tag("account", address).tag("outcome", "auth_failed")
                .counter()).as("never counted as auth_failed").isNull();
    }

    @Test
    void shouldRequireARelinkWhenTheRefreshTokenIsRevokedAndWatchAgainOnceRelinked() throws Exception {
        String address = dovecot.addUser("revoked@outlook.test");
        long accountId = linkAndWatch(address, Duration.ofHours(1));
        microsoft.revoke(secrets.get(accountId, SecretKind.REFRESH_TOKEN).orElseThrow().value(),
                "AADSTS700082: The refresh token has expired due to inactivity.");
        secrets.put(accountId, SecretKind.ACCESS_TOKEN,
                secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow().value(), Instant.now());
        microsoft.requests();

        dovecot.kick(address);

        await().atMost(LIMIT).until(() -> state(accountId).equals("relink_required"));
        assertThat(jdbc.sql("SELECT last_error FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query(String.class).single()).contains("AADSTS700082");
        // Several backoff periods: no further attempt.
        Thread.sleep(3000);
        assertThat(microsoft.tokenRequests()).as("exactly one refresh attempt").hasSize(1);
        assertThat(state(accountId)).isEqualTo("relink_required");

        microsoft.signInNextAs(address, Duration.ofHours(1));
        assertThat(link()).as("the same account, relinked").isEqualTo(accountId);
        dovecot.deliver(address, FlightMails.confirmation("RELINK1"));

        awaitFinding(accountId, "RELINK1");
        await().atMost(LIMIT).until(() -> state(accountId).equals("idle"));
    }

    private long linkAndWatch(String address, Duration tokenLifetime) throws Exception {
        microsoft.signInNextAs(address, tokenLifetime);
        long accountId = link();
        watched.add(accountId);
        consent.enable(users.localUserId(), accountId, "travel");
        watchers.watch(accountId);
        await().atMost(LIMIT).until(() -> state(accountId).equals("idle"));
        return accountId;
    }

    private long link() throws Exception {
        long userId = users.localUserId();
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        return linking.complete(userId, start.attempt(), microsoft.authorize(start.authorizationRequest()));
    }

    private String state(long accountId) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE id = :id").param("id", accountId).query(String.class)
                .single();
    }

    private void awaitFinding(long accountId, String reservationNumber) {
        await().atMost(LIMIT).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT payload->>'reservationNumber' FROM findings WHERE account_id = :id AND connector_id = 'travel'
                """).param("id", accountId).query(String.class).list()).contains(reservationNumber));
    }
}
