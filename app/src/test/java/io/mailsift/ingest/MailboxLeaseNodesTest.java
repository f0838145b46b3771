package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.MailsiftApplication;
import io.mailsift.account.AccountStatuses;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.system.TestPostgres;
import io.mailsift.system.TestSecrets;
import io.mailsift.testing.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several nodes (whole application contexts) sharing one database and the same configured mailboxes: each mailbox is
 * watched by exactly one node, the work is split fairly, and a node that crashes, stops or loses the database hands
 * its mailboxes over.
 */
class MailboxLeaseNodesTest {

    private static final int MAILBOXES = 4;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private final TestPostgres.Connection database = TestPostgres.newDatabase();
    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));

    @Test
    void shouldWatchEveryMailboxOnExactlyOneNodeAndSplitThemFairly() {
        List<String> mailboxes = mailboxes("fair");
        try (ConfigurableApplicationContext a = start("node-a", mailboxes, "1s", "5s", database.url());
                ConfigurableApplicationContext b = start("node-b", mailboxes, "1s", "5s", database.url())) {
            awaitFairSplit(a, b);

            deliverToEach(mailboxes, "fair mail");

            await().atMost(Duration.ofSeconds(15)).until(() -> findings(mailboxes) == MAILBOXES);
            mailboxes.forEach(m -> assertThat(SubjectConnector.calls("fair mail " + m)).isEqualTo(1));
            assertThat(jdbc.sql("SELECT node_id, count(*) FROM mailbox_leases GROUP BY node_id ORDER BY node_id")
                    .query().listOfRows()).extracting(row -> row.get("count")).containsExactly(2L, 2L);
        }
    }

    @Test
    void shouldPassAWakeToTheHolderAndShowWhichNodeWatchesEachMailbox() {
        List<String> mailboxes = mailboxes("wake");
        // Rounds every 2s: the wake request is seen in the table before the holder's next round takes it.
        try (ConfigurableApplicationContext a = start("node-a", mailboxes, "2s", "6s", database.url());
                ConfigurableApplicationContext b = start("node-b", mailboxes, "2s", "6s", database.url())) {
            awaitFairSplit(a, b);
            long heldByB = watchers(b).leased().iterator().next();

            watchers(a).wake(heldByB);

            assertThat(wakeRequested(heldByB)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !wakeRequested(heldByB));
            assertThat(watchers(b).watching(heldByB)).isTrue();
            long owner = a.getBean(ConfiguredAccounts.class).localUserId();
            assertThat(a.getBean(AccountStatuses.class).forUser(owner)).allSatisfy(status -> assertThat(
                    status.watchedBy()).isEqualTo(watchers(a).leased().contains(status.id()) ? "node-a" : "node-b"));
            assertThat(a.getBean(MeterRegistry.class).get("mailsift.leases.held").tag("node", "node-a").gauge()
                    .value()).isEqualTo(2.0);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void shouldWakeTheHolderEvenWhenTheRestOfItsRoundFails(CapturedOutput output) {
        List<String> mailboxes = mailboxes("wakefail");
        try (ConfigurableApplicationContext a = start("node-a", mailboxes, "1s", "5s", database.url());
                ConfigurableApplicationContext b = start("node-b", mailboxes, "1s", "5s", database.url())) {
            awaitFairSplit(a, b);
            long heldByB = watchers(b).leased().iterator().next();
            // Every round now fails after its renewal: the statements after it read account_connectors.
            jdbc.sql("ALTER TABLE account_connectors RENAME TO account_connectors_away").update();
            try {
                watchers(a).wake(heldByB);

                await().atMost(Duration.ofSeconds(10)).until(() -> !wakeRequested(heldByB));
                await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut()
                        .contains("Node node-b woke the watchers of account " + heldByB + ","));
            } finally {
                jdbc.sql("ALTER TABLE account_connectors_away RENAME TO account_connectors").update();
            }
        }
    }

    @Test
    void shouldTakeOverACrashedNodesMailboxesAfterExpiryAndIngestMailSentMeanwhileOnce() {
        List<String> mailboxes = mailboxes("crash");
        try (ConfigurableApplicationContext a = start("node-a", mailboxes, "200ms", "2s", database.url());
                ConfigurableApplicationContext b = start("node-b", mailboxes, "200ms", "2s", database.url())) {
            awaitFairSplit(a, b);
            Set<Long> crashed = watchers(a).leased();

            // A crash: the loop and the watchers end, the leases stay in the table until they expire.
            watchers(a).halt();
            deliverToEach(mailboxes, "while crashed");

            await().atMost(Duration.ofSeconds(15)).until(() -> watchers(b).leased().size() == MAILBOXES
                    && crashed.stream().allMatch(watchers(b)::watching));
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(mailboxes) == MAILBOXES);
            mailboxes.forEach(m -> assertThat(SubjectConnector.calls("while crashed " + m)).isEqualTo(1));
        }
    }

    @Test
    void shouldHandOverAtOnceOnGracefulStop() {
        List<String> mailboxes = mailboxes("graceful");
        // Leases far longer than the test: only a release can explain a takeover.
        try (ConfigurableApplicationContext b = start("node-b", mailboxes, "200ms", "1m", database.url())) {
            Set<Long> handedOver;
            try (ConfigurableApplicationContext a = start("node-a", mailboxes, "200ms", "1m", database.url())) {
                awaitFairSplit(a, b);
                handedOver = watchers(a).leased();
            }
            assertThat(jdbc.sql("SELECT count(*) FROM mailbox_leases WHERE node_id = 'node-a'").query(Long.class)
                    .single()).isZero();

            await().atMost(Duration.ofSeconds(10)).until(() -> handedOver.stream().allMatch(watchers(b)::watching));
            deliverToEach(mailboxes, "after handover");
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(mailboxes) == MAILBOXES);
        }
    }

    @Test
    void shouldStopWatchingBeforeItsLeasesExpireWhenTheDatabaseIsUnreachable() throws Exception {
        List<String> mailboxes = mailboxes("unreachable");
        URI direct = URI.create(database.url().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(direct.getPort()).start();
                ConfigurableApplicationContext a = start("node-a", mailboxes, "1500ms", "4s",
                        database.url().replace(":" + direct.getPort() + "/", ":" + proxy.port() + "/"))) {
            MailboxWatchers watchers = watchers(a);
            Set<Long> held = watchers.leased();
            assertThat(held).hasSize(MAILBOXES);
            await().atMost(Duration.ofSeconds(10)).until(() -> held.stream().allMatch(watchers::watching));

            proxy.stop();
            AtomicBoolean leasesLiveWhenStopped = new AtomicBoolean();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (held.stream().anyMatch(watchers::watching)) {
                    return false;
                }
                leasesLiveWhenStopped.set(jdbc.sql("SELECT bool_and(expires_at > now()) FROM mailbox_leases "
                        + "WHERE node_id = 'node-a'").query(Boolean.class).single());
                return true;
            });

            assertThat(leasesLiveWhenStopped).isTrue();
            // A relink asking to restart a held mailbox now: not on a lease that may expire any moment.
            watchers.watch(held.iterator().next());
            assertThat(held).noneMatch(watchers::watching);
            try (ConfigurableApplicationContext b = start("node-b", mailboxes, "1500ms", "4s", database.url())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> watchers(b).leased().size() == MAILBOXES);
                proxy.start();
                // Back online, node a learns that its leases are gone, and the two nodes share the mailboxes again.
                awaitFairSplit(a, b);
            }
        }
    }

    private void awaitFairSplit(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Set<Long> onA = watchers(a).leased();
            Set<Long> onB = watchers(b).leased();
            Set<Long> all = new HashSet<>(onA);
            all.addAll(onB);
            return onA.size() == MAILBOXES / 2 && onB.size() == MAILBOXES / 2 && all.size() == MAILBOXES
                    && onA.stream().allMatch(id -> watchers(a).watching(id) && !watchers(b).watching(id))
                    && onB.stream().allMatch(id -> watchers(b).watching(id) && !watchers(a).watching(id));
        });
    }

    private boolean wakeRequested(long accountId) {
        return jdbc.sql("SELECT wake_requested_at IS NOT NULL FROM mailbox_leases WHERE account_id = :id")
                .param("id", accountId).query(Boolean.class).single();
    }

    private static MailboxWatchers watchers(ConfigurableApplicationContext context) {
        return context.getBean(MailboxWatchers.class);
    }

    /** Mailboxes of their own per test, with the account's name as login. */
    private static List<String> mailboxes(String prefix) {
        List<String> names = new ArrayList<>();
        for (int n = 0; n < MAILBOXES; n++) {
            String name = prefix + "-" + n;
            greenMail.setUser(name + "@example.org", name, "secret");
            names.add(name);
        }
        return names;
    }

    private static void deliverToEach(List<String> mailboxes, String subject) {
        for (String mailbox : mailboxes) {
            greenMail.getUserManager().getUser(mailbox).deliver(TestMails.mail(subject + " " + mailbox));
        }
    }

    private long findings(List<String> mailboxes) {
        return jdbc.sql("""
                SELECT count(*) FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name IN (:names) AND f.connector_id = :connector""")
                .param("names", mailboxes).param("connector", SubjectConnector.ID).query(Long.class).single();
    }

    private ConfigurableApplicationContext start(String node, List<String> mailboxes, String renew, String lease,
            String url) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), TestSecrets.ARGUMENT,
                "--spring.datasource.hikari.connection-timeout=1000",
                "--mailsift.node.id=" + node, "--mailsift.node.renew-interval=" + renew,
                "--mailsift.node.lease-duration=" + lease,
                // GreenMail reports mail landing just before an IDLE only when it ends: re-issue often.
                "--mailsift.ingest.idle-interval=1s"));
        for (int n = 0; n < mailboxes.size(); n++) {
            String account = "--mailsift.accounts[" + n + "].";
            args.addAll(List.of(account + "name=" + mailboxes.get(n), account + "host=127.0.0.1",
                    account + "port=" + greenMail.getImap().getPort(), account + "security=none",
                    account + "username=" + mailboxes.get(n), account + "password=secret"));
        }
        return new SpringApplicationBuilder(MailsiftApplication.class, TestConnectors.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
