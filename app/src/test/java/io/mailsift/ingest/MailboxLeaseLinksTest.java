package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.MailsiftApplication;
import io.mailsift.account.Security;
import io.mailsift.link.ImapLinkRequest;
import io.mailsift.link.MailboxLinks;
import io.mailsift.system.TestPostgres;
import io.mailsift.system.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Linking, consent and unlink of a user's mailbox on two nodes: the node serving the request claims the mailbox at
 * once within its share, and a change made on the node that does not watch it reaches the one that does.
 */
class MailboxLeaseLinksTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private final TestPostgres.Connection database = TestPostgres.newDatabase();
    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));

    @Test
    void shouldFollowLinkConsentAndUnlinkMadeOnEitherNode() throws Exception {
        greenMail.setUser("nina@example.org", "nina", "secret");
        try (ConfigurableApplicationContext a = start("node-a"); ConfigurableApplicationContext b = start("node-b")) {
            long nina = jdbc.sql("INSERT INTO users (username) VALUES ('nina') RETURNING id").query(Long.class)
                    .single();
            long mailbox = links(a).linkImap(nina, new ImapLinkRequest(null, "127.0.0.1",
                    greenMail.getImap().getPort(), Security.NONE, "nina", "secret", List.of("INBOX"))).id();
            assertThat(holder(mailbox)).as("no connector yet: nobody leases it").isNull();

            links(b).enable(nina, mailbox, SubjectConnector.ID);

            // Node b claims it within the request unless node a's round, seeing the consent first, was quicker.
            assertThat(holder(mailbox)).as("claimed at once").isNotNull();
            ConfigurableApplicationContext watching = awaitWatchedByOneNode(mailbox, a, b);
            greenMail.getUserManager().getUser("nina").deliver(TestMails.mail("leased nina one"));
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(mailbox) == 1);

            ConfigurableApplicationContext other = watching == a ? b : a;
            links(other).disable(nina, mailbox, SubjectConnector.ID);

            await().atMost(Duration.ofSeconds(10)).until(() -> !watchers(watching).watching(mailbox)
                    && holder(mailbox) == null);

            links(other).enable(nina, mailbox, SubjectConnector.ID);

            assertThat(holder(mailbox)).as("claimed at once").isNotNull();
            ConfigurableApplicationContext watchingNow = awaitWatchedByOneNode(mailbox, a, b);

            assertThat(links(watchingNow == a ? b : a).unlink(nina, mailbox)).isTrue();

            assertThat(jdbc.sql("SELECT count(*) FROM mailbox_leases").query(Long.class).single()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> !watchers(watchingNow).watching(mailbox)
                    && watchers(watchingNow).leased().isEmpty());
            assertThat(SubjectConnector.calls("leased nina one")).isEqualTo(1);
        }
    }

    @Test
    void shouldShowAMailboxGivenUpForLackOfConsentAsDisabled() throws Exception {
        greenMail.setUser("otto@example.org", "otto", "secret");
        try (ConfigurableApplicationContext a = start("node-a")) {
            long otto = jdbc.sql("INSERT INTO users (username) VALUES ('otto') RETURNING id").query(Long.class)
                    .single();
            long mailbox = links(a).linkImap(otto, new ImapLinkRequest(null, "127.0.0.1",
                    greenMail.getImap().getPort(), Security.NONE, "otto", "secret", List.of("INBOX"))).id();
            links(a).enable(otto, mailbox, SubjectConnector.ID);
            await().atMost(Duration.ofSeconds(10)).until(() -> watchers(a).watching(mailbox)
                    && "idle".equals(state(mailbox)));

            // The consent withdrawn without this node being told (say, by a node that died right after): the
            // holder's next round gives the mailbox up.
            jdbc.sql("DELETE FROM account_connectors WHERE account_id = :id").param("id", mailbox).update();

            await().atMost(Duration.ofSeconds(10)).until(() -> holder(mailbox) == null
                    && !watchers(a).watching(mailbox));
            await().atMost(Duration.ofSeconds(5)).until(() -> "disabled".equals(state(mailbox)));
            Thread.sleep(1000);
            assertThat(state(mailbox)).isEqualTo("disabled");
        }
    }

    private String state(long accountId) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE id = :id").param("id", accountId).query(String.class)
                .single();
    }

    /** Waits until the lease holder watches the mailbox and the other node does not; returns the holder. */
    private ConfigurableApplicationContext awaitWatchedByOneNode(long accountId, ConfigurableApplicationContext a,
            ConfigurableApplicationContext b) {
        await().atMost(Duration.ofSeconds(10)).until(() -> watchers(a).watching(accountId)
                != watchers(b).watching(accountId));
        ConfigurableApplicationContext holder = "node-a".equals(holder(accountId)) ? a : b;
        assertThat(watchers(holder).watching(accountId)).isTrue();
        return holder;
    }

    private String holder(long accountId) {
        return jdbc.sql("SELECT node_id FROM mailbox_leases WHERE account_id = :id").param("id", accountId)
                .query(String.class).optional().orElse(null);
    }

    private long findings(long accountId) {
        return jdbc.sql("SELECT count(*) FROM findings WHERE account_id = :id").param("id", accountId)
                .query(Long.class).single();
    }

    private static MailboxLinks links(ConfigurableApplicationContext context) {
        return context.getBean(MailboxLinks.class);
    }

    private static MailboxWatchers watchers(ConfigurableApplicationContext context) {
        return context.getBean(MailboxWatchers.class);
    }

    private ConfigurableApplicationContext start(String node) {
        return new SpringApplicationBuilder(MailsiftApplication.class, TestConnectors.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(), TestSecrets.ARGUMENT,
                        "--mailsift.node.id=" + node, "--mailsift.node.renew-interval=300ms",
                        "--mailsift.node.lease-duration=3s",
                        // The test server is on loopback, which the SSRF guard refuses unless allowed.
                        "--mailsift.link.allowed-private-networks=127.0.0.0/8",
                        "--mailsift.ingest.idle-interval=1s");
    }
}
