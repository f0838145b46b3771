package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.account.AccountStatuses;
import io.mailsift.account.AccountStatuses.AccountStatus;
import io.mailsift.account.Security;
import io.mailsift.ingest.CountingConnector.First;
import io.mailsift.ingest.CountingConnector.Late;
import io.mailsift.link.ImapLinkRequest;
import io.mailsift.link.MailboxLinks;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A connector enabled for a mailbox that was already read gets the backfill window read again for it alone (a
 * catch-up), against GreenMail and PostgreSQL, through the service the API uses. IDLE is re-issued only every five
 * minutes (the default): a catch-up that starts within seconds was started by the enable itself. Each test links a
 * mailbox of its own.
 */
@SpringBootTest(properties = {
        "mailsift.link.allowed-private-networks=127.0.0.0/8",
        "mailsift.ingest.backfill-days=30",
        // Rounds of eight messages: a folder of a few dozen takes several rounds.
        "mailsift.ingest.batch-size=2"})
@Import(CatchupConnectors.class)
@DirtiesContext
class ConnectorCatchupTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Autowired
    MailboxLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountStatuses statuses;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void fullSpeed() {
        CountingConnector.slowDown(First.ID, Duration.ZERO);
        CountingConnector.slowDown(Late.ID, Duration.ZERO);
    }

    @Test
    void shouldReadTheWindowAgainForALateConnectorAloneAndThenLiveMailForBoth() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("hugo@example.org", "hugo", "pw");
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(mailbox);
        arrived(inbox, "hugo ancient", 90);
        List<String> window = List.of("hugo 1", "hugo 2", "hugo 3", "hugo 4", "hugo 5");
        arrived(inbox, window.get(0), 2);
        arrived(inbox, window.get(1), 2);
        // Only the late connector fails on it: recorded and skipped, the catch-up goes on.
        arrived(inbox, "hugo poison", 2);
        for (String subject : window.subList(2, window.size())) {
            arrived(inbox, subject, 2);
        }
        long account = link("hugo");
        links.enable(user("hugo"), account, First.ID);
        awaitIdleWith(account, First.ID, List.of("hugo 1", "hugo 2", "hugo poison", "hugo 3", "hugo 4", "hugo 5"));

        links.enable(user("hugo"), account, Late.ID);

        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(account, Late.ID).size() == window.size()
                && "idle".equals(state(account)));
        assertThat(jdbc.sql("""
                SELECT uid FROM connector_errors WHERE account_id = :id AND connector_id = :connector""")
                .param("id", account).param("connector", Late.ID).query(Long.class).list()).containsExactly(4L);
        assertThat(subjects(account, Late.ID)).containsExactlyElementsOf(window);
        for (String subject : window) {
            assertThat(CountingConnector.extracted(Late.ID, subject)).as(subject).isEqualTo(1);
            // The connector that read the window already is neither run nor asked again.
            assertThat(CountingConnector.extracted(First.ID, subject)).as(subject).isEqualTo(1);
            assertThat(CountingConnector.asked(First.ID, subject)).as(subject).isEqualTo(1);
        }
        assertThat(CountingConnector.asked(Late.ID, "hugo ancient")).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> "idle".equals(state(account)));
        assertThat(catchup(account, Late.ID)).containsEntry("total", 6L).containsEntry("done", 6L)
                .containsEntry("finished", true);

        mailbox.deliver(TestMails.mail("hugo live"));

        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(account, Late.ID).contains("hugo live")
                && subjects(account, First.ID).contains("hugo live"));
        assertThat(CountingConnector.extracted(First.ID, "hugo live")).isEqualTo(1);
        assertThat(CountingConnector.extracted(Late.ID, "hugo live")).isEqualTo(1);
    }

    @Test
    void shouldGiveAConnectorEnabledDuringTheBackfillEveryMessageExactlyOnceInFindings() throws Exception {
        List<String> window = fortyMailsOfYesterday(greenMail.setUser("iris@example.org", "iris", "pw"), "iris");
        long account = link("iris");
        // About two seconds of backfill: the second connector comes in the middle of it.
        CountingConnector.slowDown(First.ID, Duration.ofMillis(50));
        links.enable(user("iris"), account, First.ID);
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(account, First.ID).size() >= 10);

        links.enable(user("iris"), account, Late.ID);

        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(account, First.ID).size() == window.size()
                && subjects(account, Late.ID).size() == window.size() && "idle".equals(state(account)));
        assertThat(subjects(account, Late.ID)).containsExactlyInAnyOrderElementsOf(window);
        assertThat(subjects(account, First.ID)).containsExactlyElementsOf(window);
        for (String subject : window) {
            assertThat(CountingConnector.extracted(First.ID, subject)).as(subject).isEqualTo(1);
            assertThat(CountingConnector.extracted(Late.ID, subject)).as(subject).isBetween(1, 2);
        }
        // Fixed mid-backfill: the rest of the backfill ran with both connectors.
        Map<String, Object> catchup = catchup(account, Late.ID);
        assertThat((Long) catchup.get("until_uid")).isBetween(1L, 39L);
        assertThat(catchup).containsEntry("finished", true).containsEntry("done", catchup.get("total"));
    }

    @Test
    void shouldEndTheCatchupWhenItsConnectorIsDisabled() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("jack@example.org", "jack", "pw");
        List<String> window = fortyMailsOfYesterday(mailbox, "jack");
        long account = link("jack");
        links.enable(user("jack"), account, First.ID);
        awaitIdleWith(account, First.ID, window);
        CountingConnector.slowDown(Late.ID, Duration.ofMillis(50));
        links.enable(user("jack"), account, Late.ID);
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(account, Late.ID).size() >= 4);
        // Visible while it runs: the state, the progress per folder and the backfill gauges.
        AccountStatus status = statuses.forUser(user("jack"), account).orElseThrow();
        assertThat(status.state()).isEqualTo("backfilling");
        assertThat(status.folders().getFirst().catchups()).singleElement().satisfies(catchup -> {
            assertThat(catchup.connectorId()).isEqualTo(Late.ID);
            assertThat(catchup.total()).isEqualTo(40);
            assertThat(catchup.done()).isBetween(1L, 39L);
        });
        assertThat(meters.get(IngestMetrics.BACKFILL_TOTAL).tag("account", status.name()).gauge().value())
                .isEqualTo(40);

        links.disable(user("jack"), account, Late.ID);

        await().atMost(Duration.ofSeconds(10)).until(() -> "idle".equals(state(account)));
        int found = subjects(account, Late.ID).size();
        assertThat(found).isLessThan(window.size());
        assertThat(jdbc.sql("SELECT count(*) FROM connector_catchups WHERE account_id = :id AND connector_id = :c")
                .param("id", account).param("c", Late.ID).query(Long.class).single()).isZero();
        mailbox.deliver(TestMails.mail("jack live"));
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(account, First.ID).contains("jack live"));
        assertThat(subjects(account, Late.ID)).hasSize(found).doesNotContain("jack live");
        assertThat(CountingConnector.asked(Late.ID, "jack live")).isZero();
    }

    @Test
    void shouldRemoveTheCatchupsWithTheMailbox() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("kate@example.org", "kate", "pw");
        arrived(greenMail.getManagers().getImapHostManager().getInbox(mailbox), "kate 1", 1);
        long account = link("kate");
        links.enable(user("kate"), account, First.ID);
        awaitIdleWith(account, First.ID, List.of("kate 1"));
        links.enable(user("kate"), account, Late.ID);
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(account, Late.ID).size() == 1);

        links.unlink(user("kate"), account);

        assertThat(jdbc.sql("SELECT count(*) FROM connector_catchups WHERE account_id = :id").param("id", account)
                .query(Long.class).single()).isZero();
    }

    private long link(String username) throws Exception {
        long userId = jdbc.sql("INSERT INTO users (username) VALUES (:name) RETURNING id").param("name", username)
                .query(Long.class).single();
        return links.linkImap(userId, new ImapLinkRequest(null, "127.0.0.1", greenMail.getImap().getPort(),
                Security.NONE, username, "pw", List.of("INBOX"))).id();
    }

    private long user(String username) {
        return jdbc.sql("SELECT id FROM users WHERE username = :name").param("name", username)
                .query(Long.class).single();
    }

    private void awaitIdleWith(long account, String connectorId, List<String> subjects) {
        await().atMost(Duration.ofSeconds(10)).until(() -> "idle".equals(state(account))
                && subjects(account, connectorId).size() == subjects.size());
    }

    /** Forty mails "NAME 1".."NAME 40" that arrived a day ago in the mailbox's inbox; their subjects. */
    private static List<String> fortyMailsOfYesterday(GreenMailUser mailbox, String name) throws Exception {
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(mailbox);
        List<String> window = IntStream.rangeClosed(1, 40).mapToObj(n -> name + " " + n).toList();
        for (String subject : window) {
            arrived(inbox, subject, 1);
        }
        return window;
    }

    private static void arrived(MailFolder folder, String subject, int daysAgo) throws Exception {
        folder.appendMessage(TestMails.mail(subject), new Flags(),
                Date.from(Instant.now().minus(Duration.ofDays(daysAgo))));
    }

    private String state(long account) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE id = :id").param("id", account).query(String.class)
                .optional().orElse(null);
    }

    /** The subjects this connector found in the account, in the order of their UIDs. */
    private List<String> subjects(long account, String connectorId) {
        return jdbc.sql("""
                SELECT payload->>'name' FROM findings WHERE account_id = :id AND connector_id = :connector
                ORDER BY uid""")
                .param("id", account).param("connector", connectorId).query(String.class).list();
    }

    private Map<String, Object> catchup(long account, String connectorId) {
        return jdbc.sql("""
                SELECT until_uid, total, done, finished_at IS NOT NULL AS finished FROM connector_catchups
                WHERE account_id = :id AND connector_id = :connector""")
                .param("id", account).param("connector", connectorId).query().singleRow();
    }
}
