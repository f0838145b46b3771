package io.mailsift.ingest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.Security;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Opens IMAP connections configured so that reading never changes the mailbox, and a dead peer is noticed. */
@Component
class ImapSessions {

    /** Where {@code mailsift.ingest.protocol-log} writes the IMAP conversation. */
    static final String PROTOCOL_LOGGER = "io.mailsift.ingest.imap-protocol";

    private static final Logger protocolLog = LoggerFactory.getLogger(PROTOCOL_LOGGER);

    // Jakarta Mail dispatches folder events (new-mail notices) on a thread per open folder; make those virtual.
    private static final Executor EVENT_DISPATCH = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("imap-events-", 0).factory());

    private final IngestProperties settings;

    ImapSessions(IngestProperties settings) {
        this.settings = settings;
    }

    /** Connects and logs in. */
    Store connect(ConfiguredAccount account) throws MessagingException {
        String protocol = protocol(account.security());
        Session session = Session.getInstance(properties(account, protocol));
        if (settings.protocolLog()) {
            // mail.debug.auth stays false: Jakarta Mail then leaves credentials out of the trace.
            session.setDebugOut(new PrintStream(new LineLogger(), true, StandardCharsets.UTF_8));
            session.setDebug(true);
        }
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
        properties.put("mail.event.executor", EVENT_DISPATCH);
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

    /** Turns Jakarta Mail's debug stream into one log line per protocol line. */
    private static final class LineLogger extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                line.reset();
                if (!text.isEmpty()) {
                    protocolLog.info(text);
                }
            } else {
                line.write(b);
            }
        }
    }
}
