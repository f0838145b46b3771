package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.MailsiftApplication;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.ingest.CountingConnector.First;
import io.mailsift.ingest.CountingConnector.Late;
import io.mailsift.link.MailboxLinks;
import io.mailsift.system.TestPostgres;
import io.mailsift.system.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A configured account whose connector list gains one at a restart gets the catch-up, and a catch-up cut short by a
 * stop resumes where its committed progress was, against the same mailbox and database.
 */
class ConnectorCatchupRestartTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final TestPostgres.Connection database = TestPostgres.newDatabase();

    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));

    @AfterEach
    void fullSpeed() {
        CountingConnector.slowDown(Late.ID, Duration.ZERO);
    }

    @Test
    void shouldCatchUpAConnectorAddedToAConfiguredAccountAtRestartAndResumeItAfterAStop() {
        String account = "catchup-restart";
        GreenMailUser mailbox = greenMail.setUser(account + "@example.org", account, "secret");
        List<String> window = IntStream.rangeClosed(1, 24).mapToObj(n -> "restart " + n).toList();
        window.forEach(subject -> mailbox.deliver(TestMails.mail(subject)));

        Instant firstStart = Instant.now();
        try (ConfigurableApplicationContext first = start(account, First.ID)) {
            awaitIdleSince(account, firstStart);
            assertThat(subjects(account, First.ID)).hasSize(window.size());
        }

        // The operator adds a connector; it reads slowly, so that the stop below comes in the middle of its catch-up.
        CountingConnector.slowDown(Late.ID, Duration.ofMillis(100));
        long stoppedAt;
        try (ConfigurableApplicationContext second = start(account, First.ID + "," + Late.ID)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> subjects(account, Late.ID).size() >= 6);
        }
        Map<String, Object> cut = catchup(account);
        stoppedAt = (Long) cut.get("last_uid");
        assertThat(cut).containsEntry("finished", false).containsEntry("total", 24L);
        assertThat(stoppedAt).isBetween(6L, 23L);
        assertThat((Long) cut.get("done")).isEqualTo(stoppedAt);

        CountingConnector.slowDown(Late.ID, Duration.ZERO);
        Instant thirdStart = Instant.now();
        try (ConfigurableApplicationContext third = start(account, First.ID + "," + Late.ID)) {
            awaitIdleSince(account, thirdStart);
        }

        assertThat(subjects(account, Late.ID)).containsExactlyElementsOf(window);
        assertThat(catchup(account)).containsEntry("finished", true).containsEntry("done", 24L);
        for (int uid = 1; uid <= window.size(); uid++) {
            String subject = window.get(uid - 1);
            assertThat(CountingConnector.extracted(First.ID, subject)).as(subject).isEqualTo(1);
            if (uid <= stoppedAt) {
                // Committed before the stop: not read again.
                assertThat(CountingConnector.extracted(Late.ID, subject)).as(subject).isEqualTo(1);
            } else {
                assertThat(CountingConnector.extracted(Late.ID, subject)).as(subject).isBetween(1, 2);
            }
        }
    }

    @Test
    void shouldDropAFoldersCatchupsWhenItsUidValidityChanged() {
        String account = "catchup-uidvalidity";
        readByFirst(account, "renumbered 1", "renumbered 2");
        // A catch-up cut short, then the server renumbers the folder: its UIDs mean nothing any more.
        catchupUnderWay(account, Late.ID, 2);
        jdbc.sql("""
                UPDATE folder_checkpoints SET uid_validity = uid_validity + 1
                WHERE account_id = (SELECT id FROM mail_accounts WHERE name = :account)""")
                .param("account", account).update();

        Instant secondStart = Instant.now();
        try (ConfigurableApplicationContext second = start(account, First.ID + "," + Late.ID)) {
            awaitIdleSince(account, secondStart);
        }

        // The new backfill read the folder for both connectors: no catch-up left, none needed.
        assertThat(jdbc.sql("""
                SELECT c.connector_id, c.finished_at IS NOT NULL AS finished, c.total,
                       c.uid_validity = f.uid_validity AS current
                FROM connector_catchups c JOIN folder_checkpoints f USING (account_id, folder)
                JOIN mail_accounts a ON a.id = c.account_id WHERE a.name = :account ORDER BY c.connector_id""")
                .param("account", account).query().listOfRows()).containsExactly(
                        Map.of("connector_id", First.ID, "finished", true, "total", 0L, "current", true),
                        Map.of("connector_id", Late.ID, "finished", true, "total", 0L, "current", true));
        assertThat(subjects(account, Late.ID)).containsExactly("renumbered 1", "renumbered 2");
        assertThat(CountingConnector.extracted(Late.ID, "renumbered 1")).isEqualTo(1);
        assertThat(CountingConnector.extracted(First.ID, "renumbered 1")).isEqualTo(2);
    }

    @Test
    void shouldLeaveACatchupWaitingWhileItsConnectorsPluginIsNotLoaded() {
        String account = "catchup-unloaded";
        GreenMailUser mailbox = readByFirst(account, "unloaded 1", "unloaded 2");
        // A catch-up under way for a connector whose plugin is missing at the next start (a bad upgrade, say): its
        // consent stays, as the operator's configuration still names it.
        String missing = "missing-plugin";
        catchupUnderWay(account, missing, 2);

        Instant secondStart = Instant.now();
        try (ConfigurableApplicationContext second = start(account, First.ID + "," + missing)) {
            awaitIdleSince(account, secondStart);
            mailbox.deliver(TestMails.mail("unloaded 3"));
            await().atMost(Duration.ofSeconds(20)).until(() -> subjects(account, First.ID).size() == 3);
        }

        // Nobody read the window for it: the catch-up waits for its plugin instead of ending as if read.
        assertThat(jdbc.sql("""
                SELECT c.last_uid, c.done, c.finished_at IS NOT NULL AS finished
                FROM connector_catchups c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account AND c.connector_id = :connector""")
                .param("account", account).param("connector", missing).query().singleRow())
                .containsEntry("last_uid", 0L).containsEntry("done", 0L).containsEntry("finished", false);
    }

    @Test
    void shouldStartTheCatchupAtOnceWhenAConnectorIsEnabledOnAPollingWatcher() {
        String account = "catchup-polling";
        GreenMailUser mailbox = greenMail.setUser(account + "@example.org", account, "secret");
        mailbox.deliver(TestMails.mail("polled 1"));
        mailbox.deliver(TestMails.mail("polled 2"));

        try (ConfigurableApplicationContext context = start(account, First.ID,
                // Polling once a minute: a catch-up within seconds was started by the enable.
                "--mailsift.ingest.use-idle=false", "--mailsift.ingest.poll-interval=1m")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "polling".equals(state(account))
                    && subjects(account, First.ID).size() == 2);
            long owner = context.getBean(ConfiguredAccounts.class).localUserId();
            long id = jdbc.sql("SELECT id FROM mail_accounts WHERE name = :account").param("account", account)
                    .query(Long.class).single();

            assertThat(context.getBean(MailboxLinks.class).enable(owner, id, Late.ID)).isPresent();

            await().atMost(Duration.ofSeconds(5)).until(() -> subjects(account, Late.ID).size() == 2);
        }
        assertThat(CountingConnector.extracted(First.ID, "polled 1")).isEqualTo(1);
    }

    /** A mailbox with these mails, read once by the first connector alone (one start, until idle, then stopped). */
    private GreenMailUser readByFirst(String account, String... subjects) {
        GreenMailUser mailbox = greenMail.setUser(account + "@example.org", account, "secret");
        for (String subject : subjects) {
            mailbox.deliver(TestMails.mail(subject));
        }
        Instant firstStart = Instant.now();
        try (ConfigurableApplicationContext first = start(account, First.ID)) {
            awaitIdleSince(account, firstStart);
        }
        return mailbox;
    }

    /** A consent and an unfinished catch-up of the account's folders for it, up to their checkpoints. */
    private void catchupUnderWay(String account, String connectorId, long total) {
        jdbc.sql("""
                INSERT INTO account_connectors (account_id, connector_id)
                SELECT id, :connector FROM mail_accounts WHERE name = :account""")
                .param("connector", connectorId).param("account", account).update();
        jdbc.sql("""
                INSERT INTO connector_catchups (account_id, folder, connector_id, uid_validity, until_uid, total)
                SELECT account_id, folder, :connector, uid_validity, last_uid, :total FROM folder_checkpoints
                WHERE account_id = (SELECT id FROM mail_accounts WHERE name = :account)""")
                .param("connector", connectorId).param("account", account).param("total", total).update();
    }

    private String state(String account) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE name = :account").param("account", account)
                .query(String.class).optional().orElse(null);
    }

    private static ConfigurableApplicationContext start(String account, String connectors, String... more) {
        TestPostgres.Connection db = database;
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), TestSecrets.ARGUMENT,
                "--mailsift.ingest.batch-size=2",
                "--mailsift.accounts[0].name=" + account,
                "--mailsift.accounts[0].host=127.0.0.1",
                "--mailsift.accounts[0].port=" + greenMail.getImap().getPort(),
                "--mailsift.accounts[0].security=none",
                "--mailsift.accounts[0].username=" + account,
                "--mailsift.accounts[0].password=secret",
                "--mailsift.accounts[0].connectors=" + connectors));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(MailsiftApplication.class, CatchupConnectors.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    private void awaitIdleSince(String account, Instant since) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM mail_accounts
                WHERE name = :account AND state = 'idle' AND state_changed_at >= :since""")
                .param("account", account)
                .param("since", java.sql.Timestamp.from(since))
                .query(Long.class).single() == 1);
    }

    private List<String> subjects(String account, String connectorId) {
        return jdbc.sql("""
                SELECT f.payload->>'name' FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name = :account AND f.connector_id = :connector ORDER BY f.uid""")
                .param("account", account).param("connector", connectorId).query(String.class).list();
    }

    private Map<String, Object> catchup(String account) {
        return jdbc.sql("""
                SELECT c.last_uid, c.total, c.done, c.finished_at IS NOT NULL AS finished
                FROM connector_catchups c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account AND c.connector_id = :connector""")
                .param("account", account).param("connector", Late.ID).query().singleRow();
    }
}
