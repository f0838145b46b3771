package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.MailsiftApplication;
import io.mailsift.system.TestPostgres;
import io.mailsift.system.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Principle 1 checked on the wire: every command the watcher sends, recorded through the protocol log, is one that
 * cannot change the mailbox.
 */
class ReadOnlyProtocolTest {

    private static final String ACCOUNT = "read-only-protocol";

    /** Commands that read, wait or end a session; anything else (SELECT, STORE, EXPUNGE, COPY, MOVE, ...) fails. */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of("CAPABILITY", "LOGIN", "AUTHENTICATE", "ID",
            "NAMESPACE", "LIST", "EXAMINE", "FETCH", "UID FETCH", "UID SEARCH", "SEARCH", "IDLE", "NOOP", "CLOSE",
            "UNSELECT", "LOGOUT", "STARTTLS");

    private static final Pattern COMMAND = Pattern.compile("^([A-Z]+\\d+) (UID [A-Z]+|[A-Z]+)(.*)$");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Test
    void shouldOnlyEverSendCommandsThatCannotChangeTheMailbox() {
        GreenMailUser user = greenMail.setUser(ACCOUNT + "@example.org", ACCOUNT, "secret");
        user.deliver(TestMails.mail("body: protocol before", "a body to fetch"));
        user.deliver(TestMails.mail("protocol headers only"));
        user.deliver(TestMails.mail("body: protocol before, second", "a second body to fetch"));
        TestPostgres.Connection db = TestPostgres.newDatabase();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.username(), db.password()));
        ListAppender<ILoggingEvent> trace = new ListAppender<>();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MailsiftApplication.class,
                TestConnectors.class)
                .web(WebApplicationType.NONE)
                // After Boot has set up logging, before any watcher starts.
                .listeners((ApplicationListener<ApplicationPreparedEvent>) event -> record(trace))
                .run("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(), TestSecrets.ARGUMENT,
                        "--mailsift.ingest.protocol-log=true",
                        // GreenMail does not report mail delivered between the catch-up and the IDLE command until
                        // the IDLE ends (Dovecot does at once); a short re-issue keeps the test about commands.
                        "--mailsift.ingest.idle-interval=2s",
                        "--mailsift.accounts[0].name=" + ACCOUNT,
                        "--mailsift.accounts[0].host=127.0.0.1",
                        "--mailsift.accounts[0].port=" + greenMail.getImap().getPort(),
                        "--mailsift.accounts[0].security=none",
                        "--mailsift.accounts[0].username=" + ACCOUNT,
                        "--mailsift.accounts[0].password=secret")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> count(jdbc) == 5);
            user.deliver(TestMails.mail("body: protocol while idle", "another body"));
            await().atMost(Duration.ofSeconds(10)).until(() -> count(jdbc) == 7);
        }

        List<String> lines = trace.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        List<String[]> commands = lines.stream().map(COMMAND::matcher).filter(Matcher::matches)
                .filter(m -> !Set.of("OK", "NO", "BAD").contains(m.group(2)))
                .map(m -> new String[] {m.group(2), m.group(3).toUpperCase(Locale.ROOT)})
                .toList();
        assertThat(commands).extracting(c -> c[0]).contains("EXAMINE", "UID FETCH", "FETCH", "IDLE")
                .allSatisfy(command -> assertThat(READ_ONLY_COMMANDS).contains(command));
        // Fetching BODY[] or RFC822 (unlike BODY.PEEK[] and RFC822.SIZE) sets \Seen.
        assertThat(commands).filteredOn(c -> c[0].endsWith("FETCH")).extracting(c -> c[1])
                .noneMatch(args -> args.contains("BODY[") || args.matches(".*\\bRFC822(\\)|\\s).*"))
                .anyMatch(args -> args.contains("BODY.PEEK[]"))
                // The two bodies the backfill wants come in one command, not one round trip each.
                .anyMatch(args -> args.matches("\\s*\\d+[:,]\\d+.*BODY\\.PEEK\\[\\].*"));
        // That one for the backfill and one for the live message: no body fetched again one by one.
        assertThat(commands).filteredOn(c -> c[0].endsWith("FETCH") && c[1].contains("BODY.PEEK[]")).hasSize(2);
        assertThat(lines).noneMatch(line -> line.contains("secret"));
    }

    private static void record(ListAppender<ILoggingEvent> trace) {
        Logger logger = (Logger) LoggerFactory.getLogger(ImapSessions.PROTOCOL_LOGGER);
        trace.start();
        logger.addAppender(trace);
    }

    private static long count(JdbcClient jdbc) {
        // One finding per message from the subject connector, and one per "body:" message from the body connector.
        return jdbc.sql("SELECT count(*) FROM findings WHERE connector_id LIKE 'test-%'").query(Long.class).single();
    }
}
