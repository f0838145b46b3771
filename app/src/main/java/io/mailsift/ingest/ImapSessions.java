package io.mailsift.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import io.mailsift.account.AuthMethod;
import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.ImapHostGuard;
import io.mailsift.account.LoginCredentials;
import io.mailsift.account.MailboxCredentials.Credentials;
import io.mailsift.account.RegisteredAccount;
import io.mailsift.account.Security;
import io.mailsift.account.TlsTrust;
import jakarta.annotation.PreDestroy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Opens IMAP connections configured so that reading never changes the mailbox, and a dead peer is noticed. */
@Component
class ImapSessions {

    /** Where {@code mailsift.ingest.protocol-log} writes the IMAP conversation. */
    static final String PROTOCOL_LOGGER = "io.mailsift.ingest.imap-protocol";

    private static final Logger protocolLog = LoggerFactory.getLogger(PROTOCOL_LOGGER);
    private static final Logger log = LoggerFactory.getLogger(ImapSessions.class);

    // Jakarta Mail dispatches folder events (new-mail notices) on a thread per open folder; make those virtual.
    private static final Executor EVENT_DISPATCH = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("imap-events-", 0).factory());

    private final IngestProperties settings;
    private final LoginCredentials credentials;
    private final ImapHostGuard hostGuard;
    // Without a shared executor Jakarta Mail starts one platform thread per connection to enforce the write timeout.
    private final ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-write-timeout").daemon().factory());
    private final Map<TlsTrust, SSLSocketFactory> socketFactories = new ConcurrentHashMap<>();
    /*
     * One Session per kind of connection, shared by every account of that kind: a Session's properties depend only on
     * the security and the TLS trust. Creating a Session loads the providers (service loader, class loading); 1,000
     * watchers doing that at once on virtual threads deadlocked the start (docs/benchmarks.md).
     */
    private final Map<SessionKind, Session> sessions = new ConcurrentHashMap<>();
    // Logins in flight at once: bounds the login storm at start and after a network outage (providers throttle it).
    private final Semaphore logins;

    private record SessionKind(Security security, TlsTrust trust, AuthMethod method) {
    }

    ImapSessions(IngestProperties settings, LoginCredentials credentials, ImapHostGuard hostGuard) {
        this.settings = settings;
        this.credentials = credentials;
        this.hostGuard = hostGuard;
        this.logins = new Semaphore(settings.maxConcurrentLogins(), true);
    }

    /**
     * Creates the Sessions these accounts need and loads the provider and connection classes, on the calling thread.
     * Must run on a platform thread before the watchers start: class loading inside the service loader and the
     * nested-jar class loader runs under locks with native frames on the stack, which pin a virtual thread to its
     * carrier; many virtual threads doing it at once could pin every carrier while the lock owners wait for one.
     */
    void prepare(Collection<ConfiguredAccount> accounts) {
        for (ConfiguredAccount account : accounts) {
            try {
                String protocol = protocol(account.security());
                // Both kinds of login: which one an account uses is only known when it connects.
                session(account, AuthMethod.XOAUTH2);
                Store store = session(account, AuthMethod.PASSWORD).getStore(protocol);
                // Loads the classes of the connection path (protocol, socket set-up, responses) without connecting.
                for (String name : CONNECTION_CLASSES) {
                    Class.forName(name, true, store.getClass().getClassLoader());
                }
                if (account.security() != Security.NONE) {
                    SSLContext.getDefault().getSocketFactory();
                }
            } catch (MessagingException | ClassNotFoundException | GeneralSecurityException e) {
                // The watcher reports it when it connects; preparing is an optimisation of the start.
                log.warn("Could not prepare the IMAP session of {}:{}: {}", account.host(), account.port(),
                        e.toString());
            }
        }
    }

    private static final List<String> CONNECTION_CLASSES = List.of(
            "org.eclipse.angus.mail.imap.protocol.IMAPProtocol",
            "org.eclipse.angus.mail.imap.protocol.IMAPResponse",
            "org.eclipse.angus.mail.imap.protocol.IMAPSaslAuthenticator",
            "org.eclipse.angus.mail.imap.protocol.FetchResponse",
            "org.eclipse.angus.mail.imap.protocol.BODY",
            "org.eclipse.angus.mail.imap.protocol.UID",
            "org.eclipse.angus.mail.imap.protocol.MailboxInfo",
            "org.eclipse.angus.mail.imap.protocol.Status",
            "org.eclipse.angus.mail.imap.IMAPFolder",
            "org.eclipse.angus.mail.imap.IMAPMessage",
            "org.eclipse.angus.mail.imap.IdleManager",
            "org.eclipse.angus.mail.iap.Protocol",
            "org.eclipse.angus.mail.iap.ResponseInputStream",
            "org.eclipse.angus.mail.util.SocketFetcher",
            "org.eclipse.angus.mail.util.TraceInputStream",
            "org.eclipse.angus.mail.util.TraceOutputStream",
            "org.eclipse.angus.mail.util.WriteTimeoutSocket",
            "org.eclipse.angus.mail.util.MailLogger",
            "org.eclipse.angus.mail.util.PropUtil",
            "org.eclipse.angus.mail.util.BASE64EncoderStream",
            "jakarta.mail.event.MessageCountEvent",
            "jakarta.mail.event.ConnectionEvent",
            "jakarta.mail.event.StoreEvent");

    /**
     * Connects and logs in, with at most {@code max-concurrent-logins} logins in flight. The credentials are asked for
     * on every call (a password changed or a token refreshed meanwhile is used); a user-linked account's host is
     * checked by the {@link ImapHostGuard} every time and the connection goes to the checked address.
     *
     * A refused login is retried once at once when the credentials say a retry may succeed (an XOAUTH2 access token
     * refreshed after the refusal).
     *
     * @throws io.mailsift.account.RelinkRequiredException when the account cannot log in until its user relinks it
     */
    Store connect(RegisteredAccount account) throws MessagingException {
        ConfiguredAccount settings = account.settings();
        Credentials login = credentials.forLogin(account.id());
        InetAddress checked = null;
        if (account.userLinked()) {
            try {
                checked = hostGuard.check(settings.host());
            } catch (ImapHostGuard.HostRefusedException e) {
                throw new MessagingException(e.getMessage());
            }
        }
        Store store = session(settings, login.method()).getStore(protocol(settings.security()));
        try {
            logins.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting to log in", e);
        }
        try {
            try {
                login(store, settings, login, checked);
            } catch (AuthenticationFailedException refused) {
                if (!credentials.refused(account.id(), login)) {
                    throw refused;
                }
                // A token the server no longer takes, now refreshed: one more attempt, then it counts as refused.
                login = credentials.forLogin(account.id());
                store = session(settings, login.method()).getStore(protocol(settings.security()));
                login(store, settings, login, checked);
            }
        } finally {
            logins.release();
        }
        return store;
    }

    /**
     * A one-off connection with its own timeouts, for the test login before a mailbox is saved: connects to
     * {@code checked} (the address the host guard approved) and logs in. The caller closes the store.
     */
    Store connectOnce(ConfiguredAccount settings, Credentials login, InetAddress checked, java.time.Duration timeout)
            throws MessagingException {
        String protocol = protocol(settings.security());
        Properties properties = properties(settings, protocol, login.method());
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "connectiontimeout", millis(timeout));
        properties.setProperty(prefix + "timeout", millis(timeout));
        properties.setProperty(prefix + "writetimeout", millis(timeout));
        Store store = logged(Session.getInstance(properties)).getStore(protocol);
        login(store, settings, login, checked);
        return store;
    }

    private static void login(Store store, ConfiguredAccount settings, Credentials login,
            @Nullable InetAddress checked) throws MessagingException {
        if (checked == null) {
            store.connect(settings.host(), settings.port(), login.username(), login.secret());
            return;
        }
        if (settings.security() == Security.TLS && settings.tlsTrust().mode() != TlsTrust.Mode.SYSTEM) {
            // Jakarta Mail resolves the name itself for a custom TLS socket factory: the pin would not hold.
            throw new MessagingException("a checked address can only be used with tls-trust system");
        }
        ScopedValue.where(PinnedAddressSockets.PIN, new PinnedAddressSockets.Pin(settings.host(), checked))
                .call(() -> {
                    store.connect(settings.host(), settings.port(), login.username(), login.secret());
                    return null;
                });
    }

    private Session session(ConfiguredAccount account, AuthMethod method) {
        return sessions.computeIfAbsent(new SessionKind(account.security(), account.tlsTrust(), method), kind -> {
            String protocol = protocol(account.security());
            return logged(Session.getInstance(properties(account, protocol, method)));
        });
    }

    private Session logged(Session session) {
        if (settings.protocolLog()) {
            // mail.debug.auth stays false: Jakarta Mail then leaves credentials out of the trace.
            session.setDebugOut(new PrintStream(new LineLogger(), true, StandardCharsets.UTF_8));
            session.setDebug(true);
        }
        return session;
    }

    Properties properties(ConfiguredAccount account, String protocol, AuthMethod method) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        // BODY.PEEK[] instead of BODY[]: fetching a body must not set \Seen.
        properties.setProperty(prefix + "peek", "true");
        properties.setProperty(prefix + "connectiontimeout", millis(settings.connectTimeout()));
        properties.setProperty(prefix + "timeout", millis(settings.readTimeout()));
        properties.setProperty(prefix + "writetimeout", millis(settings.writeTimeout()));
        properties.put("mail.event.executor", EVENT_DISPATCH);
        properties.put(prefix + "executor.writetimeout", writeTimeouts);
        // Whole messages are read once and dropped; a larger fetch buffer means fewer round trips.
        properties.setProperty(prefix + "fetchsize", "1048576");
        if (method == AuthMethod.XOAUTH2) {
            // SASL XOAUTH2 with the access token in place of the password; no other mechanism is tried.
            properties.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
        }
        if (account.security() != Security.TLS || account.tlsTrust().mode() == TlsTrust.Mode.SYSTEM) {
            // Plain sockets that honour a pinned address (see PinnedAddressSockets); TLS is layered on top by name.
            properties.put(prefix + "socketFactory", PinnedAddressSockets.FACTORY);
            // Otherwise a failure is retried with a socket of Jakarta Mail's own, which would resolve the name again.
            properties.setProperty(prefix + "socketFactory.fallback", "false");
        }
        if (account.security() == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (account.security() != Security.NONE) {
            TlsTrust trust = account.tlsTrust();
            // The host name is checked against the certificate unless the account trusts anything anyway.
            properties.setProperty(prefix + "ssl.checkserveridentity",
                    Boolean.toString(trust.mode() != TlsTrust.Mode.INSECURE));
            if (trust.mode() != TlsTrust.Mode.SYSTEM) {
                // Used for IMAPS and for the STARTTLS upgrade alike; an object, hence put, not setProperty.
                properties.put(prefix + "ssl.socketFactory", socketFactories.computeIfAbsent(trust,
                        ImapSessions::socketFactory));
                // Otherwise a refused certificate is retried with the JVM's default factory, whose error then hides
                // the real reason (e.g. a host name mismatch) behind "PKIX path building failed".
                properties.setProperty(prefix + "socketFactory.fallback", "false");
            }
        }
        return properties;
    }

    /** A factory trusting the JVM's trust store plus the account's PEM certificates, or anything for insecure. */
    private static SSLSocketFactory socketFactory(TlsTrust trust) {
        try {
            X509TrustManager trustManager = trust.mode() == TlsTrust.Mode.INSECURE
                    ? new AnyCertificate()
                    : new SystemOrPinned(trustManager(null), trustManager(trust.certificates()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for tls-trust " + trust + ": " + e.getMessage(), e);
        }
    }

    /** The default trust manager over the given certificates, or over the JVM's trust store for {@code null}. */
    private static X509ExtendedTrustManager trustManager(@Nullable List<X509Certificate> certificates)
            throws GeneralSecurityException, IOException {
        KeyStore store = null;
        if (certificates != null) {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("tls-trust-" + i, certificates.get(i));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new KeyStoreException("no X.509 trust manager available");
    }

    /** A trust manager for a client: it never vouches for a client certificate, since Mailsift serves no TLS here. */
    private abstract static class ServerOnlyTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Mailsift does not accept client connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }
    }

    /**
     * Accepts what the account's own certificates accept, and otherwise what the system trust store accepts. Extended,
     * so that the TLS layer's host name check runs inside each of them; when both refuse, the account's own reason is
     * the one reported (the system's is attached).
     */
    private static final class SystemOrPinned extends ServerOnlyTrustManager {

        private final X509ExtendedTrustManager system;
        private final X509ExtendedTrustManager pinned;

        SystemOrPinned(X509ExtendedTrustManager system, X509ExtendedTrustManager pinned) {
            this.system = system;
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(manager -> manager.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(manager -> manager.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(manager -> manager.checkServerTrusted(chain, authType, engine));
        }

        private void check(Check check) throws CertificateException {
            try {
                check.run(pinned);
            } catch (CertificateException notPinned) {
                try {
                    check.run(system);
                } catch (CertificateException notSystem) {
                    notPinned.addSuppressed(notSystem);
                    throw notPinned;
                }
            }
        }

        @FunctionalInterface
        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = system.getAcceptedIssuers();
            X509Certificate[] b = pinned.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    /** {@code tls-trust: insecure}: every certificate passes. */
    @SuppressWarnings("java:S4830") // deliberate, opt-in per account, warned about at start
    private static final class AnyCertificate extends ServerOnlyTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusts anything, by configuration
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // trusts anything, by configuration
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // trusts anything, by configuration
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
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

    private static final Pattern LOGIN_COMMAND = Pattern.compile("^(\\S+ (?i:LOGIN|AUTHENTICATE))\\b.*");
    private static final Pattern SASL_RESPONSE = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

    /**
     * The protocol line with any credentials it holds left out. Jakarta Mail leaves LOGIN and AUTHENTICATE out of its
     * trace (mail.debug.auth false), but a command whose write fails stays in its output buffer and is traced when
     * the next write flushes it, after the trace was resumed (seen when a LOGIN met the shutdown): the password or
     * token would be logged. A line of base64 alone (a client's SASL response) is left out as well.
     */
    static String withoutCredentials(String line) {
        Matcher login = LOGIN_COMMAND.matcher(line);
        if (login.matches()) {
            return login.group(1) + " (credentials not logged)";
        }
        return SASL_RESPONSE.matcher(line).matches() ? "(base64 line not logged)" : line;
    }

    /**
     * Protocol lines as they may be logged: {@link #withoutCredentials} of each, and a LOGIN's or AUTHENTICATE's
     * literals left out too (a password with non-ASCII characters goes as a literal, "{8+}" at the end of the command
     * line and the password alone on the next).
     */
    static final class CredentialFilter {

        private static final Pattern LITERAL_AT_END = Pattern.compile("\\{\\d+\\+?}$");

        private boolean literalFollows;

        String loggable(String line) {
            boolean hidden = literalFollows;
            literalFollows = (hidden || LOGIN_COMMAND.matcher(line).matches()) && LITERAL_AT_END.matcher(line).find();
            return hidden ? "(literal not logged)" : withoutCredentials(line);
        }
    }

    /** Turns Jakarta Mail's debug stream into one log line per protocol line, credentials left out. */
    private static final class LineLogger extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final CredentialFilter filter = new CredentialFilter();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                line.reset();
                if (!text.isEmpty()) {
                    protocolLog.info(filter.loggable(text));
                }
            } else {
                line.write(b);
            }
        }
    }
}
