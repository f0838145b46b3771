package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.account.AccountStatuses;
import io.mailsift.account.AccountStatuses.AccountStatus;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.testing.TestUsers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * First link of a mailbox with mail older than the backfill window, watched without IDLE (polling): only the window
 * is processed, oldest first, bodies only where a connector reads them, with progress in the database, the account
 * status and the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mailsift.ingest.backfill-days=30",
        "mailsift.ingest.use-idle=false",
        "mailsift.ingest.poll-interval=500ms",
        "mailsift.ingest.batch-size=2",
        // The admin owns the configured account and may read the actuator.
        "mailsift.admin.username=backfill-admin",
        "mailsift.admin.password=backfill-admin-password"})
@Import({LeanConnectors.class, TestUsers.class})
@DirtiesContext
class MailboxBackfillTest {

    static final String ACCOUNT = "backfill-window";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static GreenMailUser bob;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AccountStatuses statuses;

    @Autowired
    ConfiguredAccounts accounts;

    @Autowired
    TestUsers users;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        registry.add("mailsift.accounts[0].name", () -> ACCOUNT);
        registry.add("mailsift.accounts[0].host", () -> "127.0.0.1");
        registry.add("mailsift.accounts[0].port", () -> greenMail.getImap().getPort());
        registry.add("mailsift.accounts[0].security", () -> "none");
        registry.add("mailsift.accounts[0].username", () -> "bob");
        registry.add("mailsift.accounts[0].password", () -> "secret");
        registry.add("mailsift.accounts[0].folders", () -> "INBOX,Receipts");
    }

    @BeforeAll
    static void mailboxWithAYearOfMail() throws Exception {
        bob = greenMail.setUser("bob@example.org", "bob", "secret");
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(bob);
        arrived(inbox, "ancient 1", 400);
        arrived(inbox, "ancient 2", 100);
        arrived(inbox, "window 1", 20);
        arrived(inbox, "[ignore] window", 10);
        arrived(inbox, "body: window 2", 5);
        arrived(inbox, "window 3", 0);
        // Copied in from an archive later: a higher UID, but it arrived before the window.
        arrived(inbox, "ancient 3", 200);
        MailFolder receipts = greenMail.getManagers().getImapHostManager().createMailbox(bob, "Receipts");
        arrived(receipts, "receipt ancient", 90);
        arrived(receipts, "receipt window", 3);
    }

    @Test
    void shouldProcessOnlyTheMessagesOfTheWindowOldestFirst() {
        awaitBackfilled();

        assertThat(subjectsInCommitOrder("INBOX")).containsExactly("window 1", "body: window 2", "window 3");
        assertThat(SubjectConnector.calls("ancient 1") + SubjectConnector.calls("ancient 2")
                + SubjectConnector.calls("ancient 3")).isZero();
        // The checkpoint is past every message of the folder, the skipped ones included.
        assertThat(jdbc.sql("SELECT last_uid FROM folder_checkpoints WHERE folder = 'INBOX'").query(Long.class)
                .single()).isEqualTo(7);
    }

    @Test
    void shouldWatchEachConfiguredFolderWithItsOwnCheckpoint() {
        awaitBackfilled();

        assertThat(subjectsInCommitOrder("Receipts")).containsExactly("receipt window");
        assertThat(SubjectConnector.calls("receipt ancient")).isZero();
        assertThat(jdbc.sql("SELECT folder, last_uid, backfill_total FROM folder_checkpoints ORDER BY folder")
                .query().listOfRows()).extracting(row -> row.get("folder") + ":" + row.get("last_uid") + ":"
                        + row.get("backfill_total")).containsExactly("INBOX:7:4", "Receipts:2:1");
    }

    @Test
    void shouldFetchBodiesOnlyForMessagesAConnectorReadingBodiesWants() {
        awaitBackfilled();

        // Five messages in the windows; only "body: window 2" interests the body-reading connector.
        assertThat(counter(IngestMetrics.MESSAGES)).isGreaterThanOrEqualTo(5);
        assertThat(counter(IngestMetrics.BODIES)).isEqualTo(1);
    }

    @Test
    void shouldShowBackfillProgressInTheAccountStatus() {
        awaitBackfilled();

        AccountStatus status = statuses.forUser(accounts.localUserId()).stream()
                .filter(a -> a.name().equals(ACCOUNT)).findFirst().orElseThrow();
        assertThat(status.state()).isEqualTo("polling");
        assertThat(status.lastSuccessAt()).isNotNull();
        assertThat(status.folders()).extracting(AccountStatuses.FolderProgress::folder)
                .containsExactly("INBOX", "Receipts");
        assertThat(status.folders().getFirst()).satisfies(folder -> {
            assertThat(folder.backfillTotal()).isEqualTo(4);
            assertThat(folder.backfillDone()).isEqualTo(4);
            assertThat(folder.backfillRemaining()).isZero();
            assertThat(folder.backfillSince()).isBefore(Instant.now().minus(Duration.ofDays(29)))
                    .isAfter(Instant.now().minus(Duration.ofDays(32)));
        });
    }

    @Test
    void shouldPickUpNewMailByPollingWhenIdleIsTurnedOff() {
        awaitBackfilled();

        bob.deliver(TestMails.mail("polled in"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subjectsInCommitOrder("INBOX"))
                .contains("polled in"));
        assertThat(state()).isEqualTo("polling");
    }

    @Test
    void shouldExposeTheIngestMetricsHealthAndAccountStatusOverHttp() throws Exception {
        awaitBackfilled();
        HttpClient http = HttpClient.newHttpClient();
        String token = users.issueToken(accounts.localUserId());

        String prometheus = get(http, "/actuator/prometheus", token);
        String health = get(http, "/actuator/health", "");
        String metric = get(http, "/actuator/metrics/" + IngestMetrics.MESSAGES, token);
        String accountsApi = get(http, "/api/accounts", token);

        assertThat(prometheus)
                .contains("mailsift_ingest_messages_total{account=\"" + ACCOUNT + "\",folder=\"INBOX\"}")
                .contains("mailsift_ingest_backfill_remaining{account=\"" + ACCOUNT + "\",folder=\"INBOX\"} 0.0")
                .contains("mailsift_ingest_backfill_size{account=\"" + ACCOUNT + "\",folder=\"INBOX\"} 4.0")
                .contains("mailsift_ingest_logins_total{account=\"" + ACCOUNT
                        + "\",folder=\"INBOX\",outcome=\"success\"}");
        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(metric).contains(IngestMetrics.MESSAGES);
        assertThat(accountsApi).contains("\"state\":\"polling\"", "\"backfillTotal\":4", "\"backfillDone\":4",
                "\"lastSuccessAt\":");
    }

    private String get(HttpClient http, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static void arrived(MailFolder inbox, String subject, int daysAgo) throws Exception {
        inbox.appendMessage(TestMails.mail(subject), new Flags(),
                Date.from(Instant.now().minus(Duration.ofDays(daysAgo))));
    }

    private void awaitBackfilled() {
        await().atMost(Duration.ofSeconds(20)).until(() -> "polling".equals(state()) && jdbc.sql(
                "SELECT sum(backfill_done) FROM folder_checkpoints").query(Long.class).optional().orElse(-1L) == 5);
    }

    private String state() {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE name = :account").param("account", ACCOUNT)
                .query(String.class).optional().orElse(null);
    }

    private double counter(String name) {
        return meters.find(name).tag("account", ACCOUNT).counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> subjectsInCommitOrder(String folder) {
        return jdbc.sql("""
                SELECT payload->>'name' FROM findings WHERE connector_id = :connector AND folder = :folder
                ORDER BY id""")
                .param("connector", SubjectConnector.ID).param("folder", folder).query(String.class).list();
    }
}
