package io.mailsift.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.MailsiftApplication;
import io.mailsift.account.Security;
import io.mailsift.ingest.MailboxWatchers;
import io.mailsift.ingest.TestConnectors;
import io.mailsift.system.TestPostgres;
import io.mailsift.system.TestSecrets;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** User-linked mailboxes across restarts of the application: watched again at start-up, from their stored secret. */
class LinkedMailboxRestartTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final TestPostgres.Connection database = TestPostgres.newDatabase();

    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));

    @Test
    void shouldWatchALinkedMailboxAgainAfterARestartWithItsStoredPassword() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("lena@example.org", "lena", "app-pw");
        long id;
        try (ConfigurableApplicationContext first = start()) {
            long lena = user(first, "lena");
            MailboxLinks links = first.getBean(MailboxLinks.class);
            id = links.linkImap(lena, new ImapLinkRequest(null, "127.0.0.1", greenMail.getImap().getPort(),
                    Security.NONE, "lena", "app-pw", List.of("INBOX"))).id();
            links.enable(lena, id, "test-subject").orElseThrow();
            mailbox.deliver(mail("before restart"));
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(id) == 1);
        }
        mailbox.deliver(mail("while stopped"));

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(MailboxWatchers.class).watching(id)).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> findings(id) == 2);
        }
    }

    @Test
    void shouldStopWatchingAndAskForARelinkWhenTheStoredPasswordIsGone() throws Exception {
        greenMail.setUser("mona@example.org", "mona", "app-pw");
        long id;
        try (ConfigurableApplicationContext first = start()) {
            long mona = user(first, "mona");
            MailboxLinks links = first.getBean(MailboxLinks.class);
            id = links.linkImap(mona, new ImapLinkRequest(null, "127.0.0.1", greenMail.getImap().getPort(),
                    Security.NONE, "mona", "app-pw", List.of("INBOX"))).id();
            links.enable(mona, id, "test-subject").orElseThrow();
            await().atMost(Duration.ofSeconds(15)).until(() -> state(id).equals("idle"));
        }
        jdbc.sql("DELETE FROM account_secrets WHERE account_id = :id").param("id", id).update();

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> state(id).equals("relink_required"));
            // Not retried: the watcher ended.
            await().atMost(Duration.ofSeconds(5)).until(() -> !second.getBean(MailboxWatchers.class).watching(id));
            assertThat(jdbc.sql("SELECT last_error FROM mail_accounts WHERE id = :id").param("id", id)
                    .query(String.class).single()).contains("link it again");
        }
    }

    private static ConfigurableApplicationContext start() {
        TestPostgres.Connection db = database;
        return new SpringApplicationBuilder(MailsiftApplication.class, TestConnectors.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(), TestSecrets.ARGUMENT,
                        "--mailsift.ingest.idle-interval=1s",
                        "--mailsift.link.allowed-private-networks=127.0.0.0/8");
    }

    private static long user(ConfigurableApplicationContext context, String name) {
        return context.getBean(JdbcClient.class).sql("INSERT INTO users (username) VALUES (:name) RETURNING id")
                .param("name", name).query(Long.class).single();
    }

    private long findings(long accountId) {
        return jdbc.sql("SELECT count(*) FROM findings WHERE account_id = :id").param("id", accountId)
                .query(Long.class).single();
    }

    private String state(long accountId) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query(String.class).single();
    }

    private static MimeMessage mail(String subject) throws Exception {
        String text = """
                From: Shop <orders@shop.example>
                To: someone@example.org
                Subject: %s
                Message-ID: <%s@restart.links.test>
                Content-Type: text/plain; charset=utf-8

                Hello.
                """.formatted(subject, Integer.toHexString(subject.hashCode())).replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
