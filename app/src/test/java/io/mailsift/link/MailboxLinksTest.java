package io.mailsift.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.account.Security;
import io.mailsift.connector.Finding;
import io.mailsift.finding.FindingStore;
import io.mailsift.finding.Provenance;
import io.mailsift.finding.UserFindingsLock;
import io.mailsift.ingest.ImapLoginCheck.LoginRefusedException;
import io.mailsift.ingest.ImapLoginCheck.Problem;
import io.mailsift.ingest.MailboxWatchers;
import io.mailsift.ingest.SubjectConnector;
import io.mailsift.ingest.TestConnectors;
import io.mailsift.link.MailboxLinks.ConnectorChoice;
import io.mailsift.link.MailboxLinks.LinkedMailbox;
import io.mailsift.testing.TcpProxy;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Linking, consent and unlink of user-linked IMAP mailboxes against GreenMail and PostgreSQL, through the service
 * (the HTTP layer has its own test). Each test works with its own users, so their order does not matter.
 */
@SpringBootTest(properties = {
        // The test servers are on loopback, which the SSRF guard refuses unless allowed.
        "mailsift.link.allowed-private-networks=127.0.0.0/8",
        "mailsift.link.login-timeout=2s",
        "mailsift.ingest.idle-interval=1s",
        "mailsift.ingest.read-timeout=2s",
        "mailsift.ingest.backoff-initial=100ms",
        "mailsift.ingest.backoff-max=500ms"})
@Import(TestConnectors.class)
@DirtiesContext
class MailboxLinksTest {

    private static final String SUBJECT_CONNECTOR = "test-subject";
    private static final String BODY_CONNECTOR = "test-body";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.IMAP.dynamicPort(), slowToStart(ServerSetupTest.IMAPS.dynamicPort())})
            .withPerMethodLifecycle(false);

    // IMAPS makes its certificate at start, which takes longer than GreenMail's 2 s on a busy machine.
    private static ServerSetup slowToStart(ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    private static TcpProxy imap;

    @Autowired
    MailboxLinks links;

    @Autowired
    MailboxWatchers watchers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindingStore findingStore;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void startProxy() throws Exception {
        imap = new TcpProxy(greenMail.getImap().getPort()).start();
    }

    @AfterAll
    static void stopProxy() {
        imap.close();
    }

    private long user(String name) {
        return jdbc.sql("INSERT INTO users (username) VALUES (:name) RETURNING id").param("name", name)
                .query(Long.class).single();
    }

    private static ImapLinkRequest request(String username, String password, int port, Security security) {
        return new ImapLinkRequest(null, "127.0.0.1", port, security, username, password, List.of("INBOX"));
    }

    private static ImapLinkRequest request(String username, String password) {
        return request(username, password, imap.port(), Security.NONE);
    }

    private long accounts(long userId) {
        return jdbc.sql("SELECT count(*) FROM mail_accounts WHERE user_id = :id").param("id", userId)
                .query(Long.class).single();
    }

    private static Problem refusal(ThrowingLink link) {
        try {
            link.run();
        } catch (LoginRefusedException e) {
            return e.problem();
        } catch (Exception e) {
            throw new AssertionError("expected a refused login, got " + e, e);
        }
        throw new AssertionError("expected a refused login");
    }

    @FunctionalInterface
    private interface ThrowingLink {
        void run() throws Exception;
    }

    @Test
    void shouldShowTheServersAnswerToAWrongPasswordAndSaveNothing() {
        greenMail.setUser("dora@example.org", "dora", "right");
        long dora = user("dora");

        assertThatThrownBy(() -> links.linkImap(dora, request("dora", "wrong")))
                .isInstanceOfSatisfying(LoginRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUTH_FAILED))
                .hasMessageContaining("refused the username or password")
                .hasMessageNotContaining("wrong");
        assertThat(accounts(dora)).isZero();
    }

    @Test
    void shouldSayInPlainWordsWhyAServerCannotBeLinked() throws Exception {
        long erin = user("erin");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0); ServerSocket ssh = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> greet(ssh, "SSH-2.0-OpenSSH_9.6\r\n"));

            assertThat(refusal(() -> links.linkImap(erin, request("erin", "x", closedPort, Security.NONE))))
                    .isEqualTo(Problem.CONNECTION_REFUSED);
            assertThat(refusal(() -> links.linkImap(erin, request("erin", "x", silent.getLocalPort(),
                    Security.NONE)))).isEqualTo(Problem.TIMEOUT);
            assertThat(refusal(() -> links.linkImap(erin, request("erin", "x", ssh.getLocalPort(),
                    Security.NONE)))).isEqualTo(Problem.NOT_IMAP);
        }
        // GreenMail's IMAPS certificate is self-signed: not trusted by the JVM.
        assertThat(refusal(() -> links.linkImap(erin, request("erin", "x", greenMail.getImaps().getPort(),
                Security.TLS)))).isEqualTo(Problem.TLS_UNTRUSTED);
        assertThat(refusal(() -> links.linkImap(erin, new ImapLinkRequest(null, "no-such-host.invalid", 993,
                Security.TLS, "erin", "x", List.of())))).isEqualTo(Problem.UNKNOWN_HOST);
        assertThat(refusal(() -> links.linkImap(erin, new ImapLinkRequest(null, "10.0.0.1", 993, Security.TLS,
                "erin", "x", List.of())))).isEqualTo(Problem.HOST_NOT_ALLOWED);
        assertThat(accounts(erin)).isZero();
    }

    private static void greet(ServerSocket server, String greeting) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write(greeting.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(3000);
        } catch (Exception e) {
            // the test is over
        }
    }

    @Test
    void shouldRefuseAFolderThatDoesNotExist() {
        greenMail.setUser("fred@example.org", "fred", "pw");
        long fred = user("fred");

        assertThatThrownBy(() -> links.linkImap(fred, new ImapLinkRequest(null, "127.0.0.1", imap.port(),
                Security.NONE, "fred", "pw", List.of("Travel"))))
                .isInstanceOfSatisfying(LoginRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.FOLDER_NOT_FOUND))
                .hasMessageContaining("'Travel' does not exist");
    }

    @Test
    void shouldStoreTheMailboxEncryptedAndWatchItOnlyWithTheConnectorsTheUserEnabled() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("gina@example.org", "gina", "app-password-123");
        long gina = user("gina");

        LinkedMailbox linked = links.linkImap(gina, request("gina", "app-password-123"));

        assertThat(linked.state()).isEqualTo("disabled");
        assertThat(jdbc.sql("SELECT source || '/' || auth_method FROM mail_accounts WHERE id = :id")
                .param("id", linked.id()).query(String.class).single()).isEqualTo("user/password");
        byte[] ciphertext = jdbc.sql("SELECT ciphertext FROM account_secrets WHERE account_id = :id")
                .param("id", linked.id()).query(byte[].class).single();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("app-password-123");
        assertThat(links.connectors(gina, linked.id()).orElseThrow()).extracting(ConnectorChoice::enabled)
                .containsOnly(false);
        assertThat(watchers.watching(linked.id())).isFalse();

        links.enable(gina, linked.id(), SUBJECT_CONNECTOR).orElseThrow();
        mailbox.deliver(mail("body: for gina", "gina's body"));

        assertThat(watchers.watching(linked.id())).isTrue();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(connectorsWithFindings(linked.id()))
                .containsExactly(SUBJECT_CONNECTOR));
        // The body connector would have found something in this mail, but it has no consent for this mailbox.
        assertThat(links.connectors(gina, linked.id()).orElseThrow())
                .filteredOn(ConnectorChoice::enabled).extracting(ConnectorChoice::id)
                .containsExactly(SUBJECT_CONNECTOR);
        assertThat(connectorsWithFindings(linked.id())).doesNotContain(BODY_CONNECTOR);
    }

    @Test
    void shouldStopADisabledConnectorAtOnceAndDeleteItsFindingsOnRequest() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("hugo@example.org", "hugo", "pw");
        long hugo = user("hugo");
        long id = links.linkImap(hugo, request("hugo", "pw")).id();
        links.enable(hugo, id, SUBJECT_CONNECTOR).orElseThrow();
        links.enable(hugo, id, BODY_CONNECTOR).orElseThrow();
        mailbox.deliver(mail("body: first", "first body"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(connectorsWithFindings(id))
                .containsExactlyInAnyOrder(SUBJECT_CONNECTOR, BODY_CONNECTOR));

        MailboxLinks.Disabled disabled = links.disable(hugo, id, BODY_CONNECTOR).orElseThrow();
        mailbox.deliver(mail("body: second", "second body"));

        assertThat(disabled.findings()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> findings(id, SUBJECT_CONNECTOR) == 2);
        assertThat(findings(id, BODY_CONNECTOR)).isEqualTo(1);
        assertThat(links.deleteFindings(hugo, id, BODY_CONNECTOR).orElseThrow()).isEqualTo(1);
        assertThat(connectorsWithFindings(id)).containsExactly(SUBJECT_CONNECTOR);

        links.disable(hugo, id, SUBJECT_CONNECTOR).orElseThrow();
        assertThat(watchers.watching(id)).isFalse();
        assertThat(jdbc.sql("SELECT state FROM mail_accounts WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("disabled");
    }

    @Test
    void shouldNotBringBackFindingsDeletedWhileTheirMessageWasBeingRead() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("ida@example.org", "ida", "pw");
        long ida = user("ida");
        long id = links.linkImap(ida, request("ida", "pw")).id();
        links.enable(ida, id, SUBJECT_CONNECTOR).orElseThrow();
        links.enable(ida, id, BODY_CONNECTOR).orElseThrow();

        SubjectConnector.holdNext();
        try {
            mailbox.deliver(mail("body: [held] in flight", "a body"));
            assertThat(SubjectConnector.awaitHeld(Duration.ofSeconds(15))).isTrue();
            // The user disables the connector and deletes its findings while it is reading the message.
            links.disable(ida, id, SUBJECT_CONNECTOR).orElseThrow();
            assertThat(links.deleteFindings(ida, id, SUBJECT_CONNECTOR).orElseThrow()).isZero();
        } finally {
            SubjectConnector.release();
        }

        // The message is committed with what the still consented connector found, and nothing of the other.
        await().atMost(Duration.ofSeconds(15)).until(() -> findings(id, BODY_CONNECTOR) == 1);
        assertThat(findings(id, SUBJECT_CONNECTOR)).isZero();
    }

    @Test
    void shouldUnlinkByStoppingTheWatcherAndLeavingNoRowOfTheAccountInAnyTable() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("ines@example.org", "ines", "pw");
        long ines = user("ines");
        // A proxy of its own: it sees this mailbox's connections only.
        try (TcpProxy own = new TcpProxy(greenMail.getImap().getPort()).start()) {
            long id = links.linkImap(ines, request("ines", "pw", own.port(), Security.NONE)).id();
            links.enable(ines, id, SUBJECT_CONNECTOR).orElseThrow();
            mailbox.deliver(mail("to be forgotten", "body"));
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(id, SUBJECT_CONNECTOR) == 1);
            // Rows in the tables ingestion writes only on trouble, so that every table is covered.
            jdbc.sql("INSERT INTO connector_errors (account_id, kind, reason) VALUES (:id, 'parse', 'test')")
                    .param("id", id).update();
            jdbc.sql("""
                    INSERT INTO mailbox_events (account_id, folder, kind, old_value, new_value)
                    VALUES (:id, 'INBOX', 'uidvalidity_changed', '1', '2')""").param("id", id).update();
            // An order, from which the shopper profile derives rows of its own (the purchase connector consented).
            jdbc.sql("INSERT INTO account_connectors (account_id, connector_id) VALUES (:id, 'purchases')")
                    .param("id", id).update();
            findingStore.upsert(id, "purchases",
                    new Finding("Order", "o1", Map.of("merchant", "Shop", "price", "5.00", "priceCurrency", "EUR")),
                    new Provenance(null, Instant.now(), null, "INBOX", null));
            await().atMost(Duration.ofSeconds(15)).until(() -> rowsOf("purchase_lines", id) > 0);
            List<String> tables = tablesWithAccountId();
            assertThat(tables).contains("account_secrets", "account_connectors", "folder_checkpoints", "findings",
                    "connector_errors", "mailbox_events");
            assertThat(tables).allSatisfy(table -> assertThat(rowsOf(table, id)).as(table).isPositive());

            assertThat(links.unlink(ines, id)).isTrue();

            assertThat(watchers.watching(id)).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM mail_accounts WHERE id = :id").param("id", id)
                    .query(Long.class).single()).isZero();
            assertThat(tablesWithAccountId()).allSatisfy(table -> assertThat(rowsOf(table, id)).as(table).isZero());
            // No watcher left: cutting every connection brings no reconnect.
            assertNoMoreConnections(own, () -> mailbox.deliver(mail("after unlink", "body")));
        }
    }

    @Test
    void shouldUnlinkWhileTheUsersProfileIsBeingRebuiltWithoutEitherFailing() throws Exception {
        greenMail.setUser("pia@example.org", "pia", "pw");
        long pia = user("pia");
        long id = links.linkImap(pia, request("pia", "pw")).id();
        long finding = jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload)
                VALUES (:id, 'purchases', 'pia-order', 'Order', '{}') RETURNING id""").param("id", id)
                .query(Long.class).single();
        String derive = """
                INSERT INTO purchase_orders (finding_id, account_id, user_id, merchant, order_date, status, counts)
                VALUES (:finding, :id, :user, 'Shop', DATE '2026-11-01', 'delivered', true)""";
        jdbc.sql(derive).param("finding", finding).param("id", id).param("user", pia).update();
        CountDownLatch deleted = new CountDownLatch(1);
        CountDownLatch insertAgain = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // A profile rebuild as ProfileRebuild runs it: the user's lock, the derived rows deleted, then derived
            // again from the findings (which refers to the finding and to its mailbox).
            Future<?> rebuild = threads.submit(() -> transaction.executeWithoutResult(status -> {
                UserFindingsLock.hold(jdbc, pia);
                jdbc.sql("DELETE FROM purchase_orders WHERE user_id = :user").param("user", pia).update();
                deleted.countDown();
                awaitLatch(insertAgain);
                jdbc.sql(derive).param("finding", finding).param("id", id).param("user", pia).update();
            }));
            deleted.await();
            Future<Boolean> unlink = threads.submit(() -> links.unlink(pia, id));
            // Time for the unlink to get as far as it can; without the lock it would now hold the mailbox's row and
            // wait for the rebuild's deleted rows, while the rebuild's insert waits for the mailbox's row.
            Thread.sleep(300);
            insertAgain.countDown();

            rebuild.get(20, TimeUnit.SECONDS);
            assertThat(unlink.get(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(accounts(pia)).isZero();
        assertThat(rowsOf("purchase_orders", id)).isZero();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldEndTheWatcherOfAMailboxUnlinkedThroughAnotherNode() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("otto@example.org", "otto", "pw");
        long otto = user("otto");
        try (TcpProxy own = new TcpProxy(greenMail.getImap().getPort()).start()) {
            long id = links.linkImap(otto, request("otto", "pw", own.port(), Security.NONE)).id();
            links.enable(otto, id, SUBJECT_CONNECTOR).orElseThrow();
            mailbox.deliver(mail("seen on this node", "body"));
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(id, SUBJECT_CONNECTOR) == 1);

            // Another node unlinked it: this node's watcher was not told.
            jdbc.sql("DELETE FROM mail_accounts WHERE id = :id").param("id", id).update();
            own.dropAll();

            // GreenMail's side of the cut connection throws in its own thread: not this test's failure.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> !watchers.watching(id));
            assertNoMoreConnections(own, () -> mailbox.deliver(mail("after the other node's unlink", "body")));
        }
    }

    /** Cuts the proxy's connections and checks that nobody connects again within a few backoff periods. */
    private static void assertNoMoreConnections(TcpProxy proxy, ThrowingLink meanwhile) throws Exception {
        proxy.dropAll();
        Thread.sleep(300);
        int connections = proxy.connections();
        meanwhile.run();
        Thread.sleep(2000);
        assertThat(proxy.connections()).isEqualTo(connections);
    }

    @Test
    void shouldTreatAnotherUsersMailboxLikeOneThatDoesNotExist() throws Exception {
        greenMail.setUser("jana@example.org", "jana", "pw");
        long jana = user("jana");
        long mallory = user("mallory-links");
        long id = links.linkImap(jana, request("jana", "pw")).id();
        links.enable(jana, id, SUBJECT_CONNECTOR).orElseThrow();

        assertThat(links.connectors(mallory, id)).isEmpty();
        assertThat(links.enable(mallory, id, BODY_CONNECTOR)).isEmpty();
        assertThat(links.disable(mallory, id, SUBJECT_CONNECTOR)).isEmpty();
        assertThat(links.deleteFindings(mallory, id, SUBJECT_CONNECTOR)).isEmpty();
        assertThat(links.unlink(mallory, id)).isFalse();

        assertThat(watchers.watching(id)).isTrue();
        assertThat(links.connectors(jana, id).orElseThrow()).filteredOn(ConnectorChoice::enabled)
                .extracting(ConnectorChoice::id).containsExactly(SUBJECT_CONNECTOR);
    }

    private List<String> tablesWithAccountId() {
        return jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'account_id' ORDER BY table_name""")
                .query(String.class).list();
    }

    private long rowsOf(String table, long accountId) {
        // Table names come from information_schema, not from input.
        return jdbc.sql("SELECT count(*) FROM \"" + table + "\" WHERE account_id = :id").param("id", accountId)
                .query(Long.class).single();
    }

    private List<String> connectorsWithFindings(long accountId) {
        return jdbc.sql("SELECT DISTINCT connector_id FROM findings WHERE account_id = :id ORDER BY 1")
                .param("id", accountId).query(String.class).list();
    }

    private long findings(long accountId, String connectorId) {
        return jdbc.sql("SELECT count(*) FROM findings WHERE account_id = :id AND connector_id = :connector")
                .param("id", accountId).param("connector", connectorId).query(Long.class).single();
    }

    private static MimeMessage mail(String subject, String body) throws Exception {
        String text = """
                From: Shop <orders@shop.example>
                To: someone@example.org
                Subject: %s
                Date: Mon, 30 Nov 2026 09:15:00 +0100
                Message-ID: <%s@links.test>
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(subject, Integer.toHexString((subject + body).hashCode()), body)
                .replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
