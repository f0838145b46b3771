package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mailsift.MailsiftApplication;
import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The IMAP server goes away and comes back: the watcher backs off, shows why, and resumes on its own. */
class MailboxReconnectTest {

    private static final String ACCOUNT = "reconnect";

    private final TestPostgres.Connection database = TestPostgres.newDatabase();
    private final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));
    private GreenMail server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void shouldBackOffWhileTheServerIsDownAndResumeWhenItIsBack() throws IOException {
        int port = freePort();
        server = startServer(port);
        server.getUserManager().getUser(ACCOUNT).deliver(TestMails.mail("reconnect before"));

        try (ConfigurableApplicationContext app = start(port)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "idle".equals(state().get("state")));

            server.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> "backoff".equals(state().get("state")));
            assertThat(state().get("last_error")).asString().isNotBlank();

            server = startServer(port);
            server.getUserManager().getUser(ACCOUNT).deliver(TestMails.mail("reconnect after"));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(subjects())
                    .contains("reconnect before", "reconnect after"));
            await().atMost(Duration.ofSeconds(5)).until(() -> "idle".equals(state().get("state")));
        }
    }

    private static GreenMail startServer(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        greenMail.setUser(ACCOUNT + "@example.org", ACCOUNT, "secret");
        return greenMail;
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(MailsiftApplication.class, TestConnectors.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--mailsift.ingest.backoff-initial=200ms",
                        "--mailsift.ingest.backoff-max=1s",
                        "--mailsift.accounts[0].name=" + ACCOUNT,
                        "--mailsift.accounts[0].host=127.0.0.1",
                        "--mailsift.accounts[0].port=" + port,
                        "--mailsift.accounts[0].security=none",
                        "--mailsift.accounts[0].username=" + ACCOUNT,
                        "--mailsift.accounts[0].password=secret");
    }

    private Map<String, Object> state() {
        return jdbc.sql("SELECT state, last_error FROM mail_accounts WHERE name = :account")
                .param("account", ACCOUNT).query().singleRow();
    }

    private java.util.List<String> subjects() {
        return jdbc.sql("SELECT payload->>'name' FROM findings WHERE connector_id = :connector")
                .param("connector", SubjectConnector.ID).query(String.class).list();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
