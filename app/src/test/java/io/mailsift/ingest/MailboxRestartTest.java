package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.MailsiftApplication;
import io.mailsift.system.TestPostgres;
import io.mailsift.system.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Restarts of the whole application against the same mailbox and database: progress survives, nothing repeats. */
class MailboxRestartTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    // One database for the class: both runs of the application must share it, as after a real restart.
    private static final TestPostgres.Connection database = TestPostgres.newDatabase();

    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));

    @Test
    void shouldResumeFromTheCheckpointWithoutProcessingAnythingTwice() {
        String account = "restart-resume";
        GreenMailUser mailbox = mailbox(account);
        mailbox.deliver(TestMails.mail("restart one"));
        mailbox.deliver(TestMails.mail("restart two"));

        Instant firstStart = Instant.now();
        try (ConfigurableApplicationContext first = start(account)) {
            awaitIdleSince(account, firstStart);
            await().atMost(Duration.ofSeconds(10)).until(() -> findings(account).size() == 2);
        }
        List<Map<String, Object>> before = findings(account);
        long checkpoint = lastUid(account);

        Instant secondStart = Instant.now();
        try (ConfigurableApplicationContext second = start(account)) {
            awaitIdleSince(account, secondStart);

            assertThat(findings(account)).isEqualTo(before);
            assertThat(lastUid(account)).isEqualTo(checkpoint);
            assertThat(SubjectConnector.calls("restart one")).isEqualTo(1);
            assertThat(SubjectConnector.calls("restart two")).isEqualTo(1);

            mailbox.deliver(TestMails.mail("restart three"));
            await().atMost(Duration.ofSeconds(5)).until(() -> findings(account).size() == 3);
        }
        assertThat(SubjectConnector.calls("restart three")).isEqualTo(1);
    }

    @Test
    void shouldStartTheFolderOverAsUpsertsWhenUidValidityChanged() {
        String account = "restart-uidvalidity";
        GreenMailUser mailbox = mailbox(account);
        mailbox.deliver(TestMails.mail("validity one"));

        Instant firstStart = Instant.now();
        try (ConfigurableApplicationContext first = start(account)) {
            awaitIdleSince(account, firstStart);
            await().atMost(Duration.ofSeconds(10)).until(() -> !findings(account).isEmpty());
        }
        int count = findings(account).size();
        // As if the server had rebuilt the folder: every stored UID is now meaningless.
        jdbc.sql("""
                UPDATE folder_checkpoints SET uid_validity = uid_validity + 1
                WHERE account_id = (SELECT id FROM mail_accounts WHERE name = :account)""")
                .param("account", account).update();

        Instant secondStart = Instant.now();
        try (ConfigurableApplicationContext second = start(account)) {
            awaitIdleSince(account, secondStart);
        }

        assertThat(SubjectConnector.calls("validity one")).isEqualTo(2);
        assertThat(findings(account)).hasSize(count);
        assertThat(jdbc.sql("""
                SELECT e.kind, e.folder, CAST(e.new_value AS bigint) + 1 = CAST(e.old_value AS bigint) AS renumbered
                FROM mailbox_events e JOIN mail_accounts a ON a.id = e.account_id WHERE a.name = :account""")
                .param("account", account).query().listOfRows())
                .containsExactly(Map.of("kind", "uidvalidity_changed", "folder", "INBOX", "renumbered", true));
    }

    @Test
    void shouldResumeAnInterruptedBackfillWithItsWindowAndTotals() {
        String account = "restart-midway";
        GreenMailUser mailbox = mailbox(account);
        mailbox.deliver(TestMails.mail("midway one"));
        mailbox.deliver(TestMails.mail("midway two"));
        mailbox.deliver(TestMails.mail("midway three"));

        Instant firstStart = Instant.now();
        try (ConfigurableApplicationContext first = start(account)) {
            awaitIdleSince(account, firstStart);
            await().atMost(Duration.ofSeconds(10)).until(() -> findings(account).size() == 3);
        }
        Map<String, Object> window = backfill(account);
        assertThat(window).containsEntry("backfill_total", 3L).containsEntry("backfill_done", 3L);
        // As if the process had died right after committing the first message of its backfill.
        jdbc.sql("""
                UPDATE folder_checkpoints SET last_uid = 1, backfill_done = 1
                WHERE account_id = (SELECT id FROM mail_accounts WHERE name = :account)""")
                .param("account", account).update();
        jdbc.sql("DELETE FROM findings WHERE uid > 1 AND account_id = (SELECT id FROM mail_accounts WHERE name = :a)")
                .param("a", account).update();

        Instant secondStart = Instant.now();
        try (ConfigurableApplicationContext second = start(account)) {
            awaitIdleSince(account, secondStart);
        }

        assertThat(findings(account)).hasSize(3);
        assertThat(SubjectConnector.calls("midway one")).isEqualTo(1);
        assertThat(SubjectConnector.calls("midway two")).isEqualTo(2);
        assertThat(SubjectConnector.calls("midway three")).isEqualTo(2);
        assertThat(backfill(account)).isEqualTo(window);
    }

    /** A mailbox of its own per test, with the account's name as login. */
    private static GreenMailUser mailbox(String account) {
        return greenMail.setUser(account + "@example.org", account, "secret");
    }

    private static ConfigurableApplicationContext start(String account) {
        TestPostgres.Connection db = database;
        return new SpringApplicationBuilder(MailsiftApplication.class, TestConnectors.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(), TestSecrets.ARGUMENT,
                        // GreenMail reports mail landing just before an IDLE only when it ends: re-issue often.
                        "--mailsift.ingest.idle-interval=1s",
                        "--mailsift.accounts[0].name=" + account,
                        "--mailsift.accounts[0].host=127.0.0.1",
                        "--mailsift.accounts[0].port=" + greenMail.getImap().getPort(),
                        "--mailsift.accounts[0].security=none",
                        "--mailsift.accounts[0].username=" + account,
                        "--mailsift.accounts[0].password=secret");
    }

    private void awaitIdleSince(String account, Instant since) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM mail_accounts
                WHERE name = :account AND state = 'idle' AND state_changed_at >= :since""")
                .param("account", account)
                .param("since", java.sql.Timestamp.from(since))
                .query(Long.class).single() == 1);
    }

    private List<Map<String, Object>> findings(String account) {
        return jdbc.sql("""
                SELECT f.id, f.finding_key, f.payload::text AS payload, f.updated_at
                FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name = :account AND f.connector_id = :connector ORDER BY f.id""")
                .param("account", account).param("connector", SubjectConnector.ID).query().listOfRows();
    }

    private Map<String, Object> backfill(String account) {
        return jdbc.sql("""
                SELECT c.backfill_since, c.backfill_until_uid, c.backfill_total, c.backfill_done, c.last_uid
                FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account""").param("account", account).query().singleRow();
    }

    private long lastUid(String account) {
        return jdbc.sql("""
                SELECT c.last_uid FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account""").param("account", account).query(Long.class).single();
    }
}
