package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.finding.FindingQueries;
import io.mailsift.finding.StoredFinding;
import jakarta.mail.Flags;
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
 * The whole path against real servers: GreenMail (IMAP with IDLE) and PostgreSQL. One context for the class; each
 * test uses its own subjects, so the order of tests does not matter.
 */
@SpringBootTest(properties = {
        "mailsift.ingest.connector-timeout=1s",
        "mailsift.ingest.max-message-size=20KB",
        "mailsift.ingest.batch-size=2",
        // Re-issued well before the read timeout: a missed re-issue would end the connection in a timeout.
        "mailsift.ingest.idle-interval=1s",
        "mailsift.ingest.read-timeout=2s"})
@Import(TestConnectors.class)
@DirtiesContext
class MailboxIngestionTest {

    static final String ACCOUNT = "greenmail-ingestion";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static GreenMailUser alice;
    private static final Map<Long, Flags> flagsBeforeStart = new HashMap<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindingQueries findings;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        // All of the account in one property source: Boot binds a list from one source only.
        registry.add("mailsift.accounts[0].name", () -> ACCOUNT);
        registry.add("mailsift.accounts[0].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[0].port", () -> greenMail.getImap().getPort());
        registry.add("mailsift.accounts[0].security", () -> "none");
        registry.add("mailsift.accounts[0].username", () -> "alice");
        registry.add("mailsift.accounts[0].password", () -> "secret");
    }

    @BeforeAll
    static void mailboxWithMail() throws Exception {
        alice = greenMail.setUser("alice@example.org", "alice", "secret");
        alice.deliver(TestMails.mail("before start 1"));
        alice.deliver(TestMails.mail("before start 2"));
        alice.deliver(TestMails.mail("body: before start 3", "the body text"));
        alice.deliver(TestMails.mail("[ignore] no connector wants this"));
        alice.deliver(TestMails.mail("before start 5"));
        for (StoredMessage message : inbox()) {
            flagsBeforeStart.put(message.getUid(), withoutRecent(message.getFlags()));
        }
    }

    @Test
    void shouldBackfillMessagesThatWereThereBeforeStart() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjects())
                .contains("before start 1", "before start 2", "body: before start 3", "before start 5"));

        assertThat(subjects()).doesNotContain("[ignore] no connector wants this");
        assertThat(findingOf(BodyConnector.ID, "the body text").provenance().senderDomain())
                .isEqualTo("shop.example");
    }

    @Test
    void shouldGiveConnectorsTheServersReceiptForAMailWithoutDateAndTheirOwnDateOtherwise() {
        awaitIdle();
        java.time.Instant before = java.time.Instant.now().minusSeconds(60);

        alice.deliver(TestMails.raw("""
                From: Sender <sender@shop.example>
                To: alice@example.org
                Subject: body: sent without a date
                Message-ID: <no-date@test.example>
                Content-Type: text/plain; charset=utf-8

                Hello.
                """));
        alice.deliver(TestMails.raw("""
                From: Sender <sender@shop.example>
                To: alice@example.org
                Subject: body: sent with a date
                Date: Tue, 24 Nov 2026 08:00:00 +0000
                Message-ID: <with-date@test.example>
                Content-Type: text/plain; charset=utf-8

                Hello.
                """));

        await().atMost(Duration.ofSeconds(10)).until(() -> BodyConnector.dateSeen("body: sent with a date") != null
                && BodyConnector.dateSeen("body: sent without a date") != null);
        // Both the header-only and the body-reading connector see the server's receipt, not no date.
        assertThat(SubjectConnector.dateSeen("body: sent without a date")).hasValueSatisfying(date ->
                assertThat(date).isBetween(before, java.time.Instant.now().plusSeconds(60)));
        assertThat(BodyConnector.dateSeen("body: sent without a date")).hasValueSatisfying(date ->
                assertThat(date).isBetween(before, java.time.Instant.now().plusSeconds(60)));
        assertThat(BodyConnector.dateSeen("body: sent with a date"))
                .contains(java.time.Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void shouldDateAFindingByTheServersReceiptWhenItsDateHeaderLiesInTheFuture() {
        awaitIdle();
        java.time.Instant before = java.time.Instant.now().minusSeconds(60);

        alice.deliver(TestMails.raw("""
                From: Sender <sender@shop.example>
                To: alice@example.org
                Subject: sent from a clock set to 2099
                Date: Thu, 31 Dec 2099 23:00:00 +0000
                Message-ID: <future-clock@test.example>
                Content-Type: text/plain; charset=utf-8

                Hello.
                """));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(subjects())
                .contains("sent from a clock set to 2099"));
        java.time.Instant dated = jdbc.sql("""
                SELECT f.message_date FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name = :account AND f.payload->>'name' = 'sent from a clock set to 2099'""")
                .param("account", ACCOUNT).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(dated).isBetween(before, java.time.Instant.now().plusSeconds(60));
    }

    @Test
    void shouldTurnAMessageDeliveredWhileIdleIntoAFindingWithinSeconds() {
        awaitIdle();

        alice.deliver(TestMails.mail("delivered while idle"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subjects())
                .contains("delivered while idle"));
    }

    @Test
    void shouldNeverChangeAnyFlag() {
        awaitIdle();
        alice.deliver(TestMails.mail("body: flags", "read me, but do not mark me"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(subjects()).contains("body: flags"));

        for (StoredMessage message : inbox()) {
            Flags before = flagsBeforeStart.get(message.getUid());
            if (before != null) {
                assertThat(withoutRecent(message.getFlags())).as("flags of UID %d", message.getUid())
                        .isEqualTo(before);
            }
            assertThat(message.getFlags().getSystemFlags()).as("flags of UID %d", message.getUid())
                    .doesNotContain(Flags.Flag.SEEN, Flags.Flag.ANSWERED, Flags.Flag.FLAGGED, Flags.Flag.DELETED,
                            Flags.Flag.DRAFT);
            assertThat(message.getFlags().getUserFlags()).isEmpty();
        }
    }

    @Test
    void shouldRecordFailuresAndGoOnWithTheNextMessages() {
        awaitIdle();
        alice.deliver(TestMails.mail("please explode"));
        alice.deliver(TestMails.mail("please hang"));
        alice.deliver(TestMails.withoutHeaders());
        alice.deliver(TestMails.mail("far too big", "x".repeat(30 * 1024)));
        alice.deliver(TestMails.mail("after the trouble"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(subjects())
                .contains("after the trouble"));

        // The failing connector is skipped for that message only: the others still found something in it.
        assertThat(subjects()).contains("please explode", "please hang").doesNotContain("far too big");
        List<Map<String, Object>> errors = jdbc.sql("""
                SELECT e.kind, e.connector_id, e.reason FROM connector_errors e
                JOIN mail_accounts a ON a.id = e.account_id WHERE a.name = :account ORDER BY e.id""")
                .param("account", ACCOUNT).query().listOfRows();
        assertThat(errors).extracting(row -> row.get("kind") + "/" + row.get("connector_id"))
                .contains("connector/" + TroubleConnector.ID, "timeout/" + TroubleConnector.ID, "parse/null",
                        "oversized/null");
        assertThat(meters.find(IngestMetrics.ERRORS).tag("account", ACCOUNT).counters())
                .extracting(counter -> counter.getId().getTag("kind"))
                .contains("connector", "timeout", "parse", "oversized");
    }

    @Test
    void shouldStoreAFlightReservationFoundByTheTravelConnectorInARealConfirmation() throws Exception {
        awaitIdle();
        java.time.Instant delivered = java.time.Instant.now().minusSeconds(60);
        try (var eml = getClass().getResourceAsStream("/demo/mail/01-flight.eml")) {
            alice.deliver(new jakarta.mail.internet.MimeMessage(null, eml));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(findings.latest(1000))
                .anySatisfy(f -> {
                    assertThat(f.accountName()).isEqualTo(ACCOUNT);
                    assertThat(f.connectorId()).isEqualTo("travel");
                    assertThat(f.type()).isEqualTo("FlightReservation");
                    assertThat(f.payload()).containsEntry("@type", "FlightReservation");
                    assertThat(f.provenance().messageId()).isEqualTo("booking-q7x2lm@aurora-air.example");
                    assertThat(f.provenance().senderDomain()).isEqualTo("aurora-air.example");
                    // the demo mail is dated 15 February 2027: until the day after, that is ahead of the server's
                    // receipt, which counts instead
                    java.time.Instant sent = java.time.Instant.parse("2027-02-15T08:12:00Z");
                    assertThat(f.provenance().messageDate()).satisfiesAnyOf(
                            date -> assertThat(date).isEqualTo(sent),
                            date -> assertThat(date).isBetween(delivered, java.time.Instant.now()));
                }));
    }

    @Test
    void shouldReissueIdleBeforeTheReadTimeoutAndKeepOneConnection() throws Exception {
        awaitIdle();
        double loginsBefore = logins();

        // Three idle intervals, longer than the read timeout: only re-issued IDLEs keep the connection alive.
        Thread.sleep(3000);
        alice.deliver(TestMails.mail("after several idle re-issues"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subjects())
                .contains("after several idle re-issues"));
        assertThat(logins()).isEqualTo(loginsBefore);
    }

    @Test
    void shouldRecordTheCheckpointAndTheIdleState() {
        awaitIdle();

        long lastUid = jdbc.sql("""
                SELECT c.last_uid FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account AND c.folder = 'INBOX'""")
                .param("account", ACCOUNT).query(Long.class).single();
        assertThat(lastUid).isGreaterThanOrEqualTo(5);
    }

    private double logins() {
        return meters.find(IngestMetrics.LOGINS).tag("account", ACCOUNT).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(20)).until(() -> "idle".equals(jdbc.sql(
                "SELECT state FROM mail_accounts WHERE name = :account").param("account", ACCOUNT)
                .query(String.class).optional().orElse(null)));
    }

    private List<String> subjects() {
        return jdbc.sql("""
                SELECT f.payload->>'name' FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name = :account AND f.connector_id = :connector""")
                .param("account", ACCOUNT).param("connector", SubjectConnector.ID).query(String.class).list();
    }

    private StoredFinding findingOf(String connector, String text) {
        return findings.latest(1000).stream()
                .filter(f -> f.accountName().equals(ACCOUNT) && f.connectorId().equals(connector)
                        && text.equals(f.payload().get("text")))
                .findFirst().orElseThrow();
    }

    /**
     * GreenMail clears \Recent after any command of a session, even one that opened the folder with EXAMINE (RFC 3501
     * forbids that; Dovecot keeps it), so \Recent says nothing about what this client did.
     */
    private static Flags withoutRecent(Flags flags) {
        Flags copy = new Flags(flags);
        copy.remove(Flags.Flag.RECENT);
        return copy;
    }

    private static List<StoredMessage> inbox() {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(alice).getMessages();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
