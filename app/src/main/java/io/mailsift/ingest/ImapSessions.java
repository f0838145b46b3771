package io.mailsift.ingest;

import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.Security;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.springframework.stereotype.Component;

/** Opens IMAP connections configured so that reading never changes the mailbox, and a dead peer is noticed. */
@Component
class ImapSessions {

    private final IngestProperties settings;
    // Without a shared executor Jakarta Mail starts one platform thread per connection to enforce the write timeout.
    private final ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-write-timeout").daemon().factory());

    ImapSessions(IngestProperties settings) {
        this.settings = settings;
    }

    /** Connects and logs in. */
    Store connect(ConfiguredAccount account) throws MessagingException {
        String protocol = protocol(account.security());
        Session session = Session.getInstance(properties(account, protocol));
        Store store = session.getStore(protocol);
        store.connect(account.host(), account.port(), account.username(),
                account.password() == null ? "" : account.password());
        return store;
    }

    Properties properties(ConfiguredAccount account, String protocol) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        // BODY.PEEK[] instead of BODY[]: fetching a body must not set \Seen.
        properties.setProperty(prefix + "peek", "true");
        properties.setProperty(prefix + "connectiontimeout", millis(settings.connectTimeout()));
        properties.setProperty(prefix + "timeout", millis(settings.readTimeout()));
        properties.setProperty(prefix + "writetimeout", millis(settings.writeTimeout()));
        properties.put(prefix + "executor.writetimeout", writeTimeouts);
        // Whole messages are read once and dropped; a larger fetch buffer means fewer round trips.
        properties.setProperty(prefix + "fetchsize", "1048576");
        if (account.security() == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (account.security() != Security.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    static String protocol(Security security) {
        return security == Security.TLS ? "imaps" : "imap";
    }

    private static String millis(java.time.Duration duration) {
        return Long.toString(duration.toMillis());
    }

    @PreDestroy
    void shutdown() {
        writeTimeouts.shutdownNow();
    }
}
