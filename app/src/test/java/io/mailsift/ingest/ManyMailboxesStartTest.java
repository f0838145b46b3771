package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hundreds of watchers start at once, each on its own virtual thread, logging in in bounded waves: every one of them
 * reaches {@code idle}. (At 1,000 mailboxes the start once deadlocked on class loading: docs/benchmarks.md.)
 */
@SpringBootTest(properties = "mailsift.ingest.max-concurrent-logins=5")
@Import(TestConnectors.class)
@DirtiesContext
class ManyMailboxesStartTest {

    static final int MAILBOXES = 300;
    static final String PREFIX = "many-";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        for (int i = 0; i < MAILBOXES; i++) {
            String user = "user" + i;
            registry.add("mailsift.accounts[" + i + "].name", () -> PREFIX + user);
            registry.add("mailsift.accounts[" + i + "].host", () -> "127.0.0.1");
            registry.add("mailsift.accounts[" + i + "].port", () -> greenMail.getImap().getPort());
            registry.add("mailsift.accounts[" + i + "].security", () -> "none");
            registry.add("mailsift.accounts[" + i + "].username", () -> user);
            registry.add("mailsift.accounts[" + i + "].password", () -> "secret");
        }
    }

    @BeforeAll
    static void oneUserPerMailbox() {
        for (int i = 0; i < MAILBOXES; i++) {
            greenMail.setUser("user" + i + "@example.org", "user" + i, "secret");
        }
    }

    @Test
    void everyWatcherReachesIdle() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> idleMailboxes() == MAILBOXES);

        assertThat(jdbc.sql("SELECT count(*) FROM mail_accounts WHERE name LIKE :prefix AND state <> 'idle'")
                .param("prefix", PREFIX + "%").query(Long.class).single()).isZero();
    }

    private long idleMailboxes() {
        return jdbc.sql("SELECT count(*) FROM mail_accounts WHERE name LIKE :prefix AND state = 'idle'")
                .param("prefix", PREFIX + "%").query(Long.class).single();
    }
}
