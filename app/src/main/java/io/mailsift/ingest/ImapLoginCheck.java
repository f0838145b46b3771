package io.mailsift.ingest;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.ImapHostGuard;
import io.mailsift.account.LinkProperties;
import io.mailsift.account.MailboxCredentials.Credentials;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The test login that runs before a user-linked mailbox is saved: checks the host against the
 * {@link ImapHostGuard}, connects to the checked address with short timeouts ({@code mailsift.link.login-timeout}),
 * logs in and looks the folders up. A failure comes back as a {@link LoginRefusedException} whose message says in
 * plain words what went wrong, with the server's own answer where there is one.
 */
@Component
public class ImapLoginCheck {

    private static final Logger log = LoggerFactory.getLogger(ImapLoginCheck.class);

    /** What went wrong, for the API ({@link #code()}) and the page. */
    public enum Problem {
        HOST_NOT_ALLOWED, UNKNOWN_HOST, CONNECTION_REFUSED, TIMEOUT, TLS_UNTRUSTED, TLS_FAILED, NOT_IMAP, AUTH_FAILED,
        FOLDER_NOT_FOUND, UNREACHABLE;

        /** The value the API returns as {@code error}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The test login failed; the message is meant for the user and holds no secret. */
    public static class LoginRefusedException extends Exception {

        private final Problem problem;

        LoginRefusedException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final ImapSessions sessions;
    private final ImapHostGuard guard;
    private final LinkProperties properties;

    ImapLoginCheck(ImapSessions sessions, ImapHostGuard guard, LinkProperties properties) {
        this.sessions = sessions;
        this.guard = guard;
        this.properties = properties;
    }

    /**
     * Logs in once with these settings and credentials and checks that every folder exists; returns normally when
     * the mailbox can be watched.
     */
    public void check(ConfiguredAccount settings, Credentials credentials) throws LoginRefusedException {
        InetAddress address;
        try {
            address = guard.check(settings.host());
        } catch (ImapHostGuard.HostRefusedException e) {
            throw new LoginRefusedException(e.unknownHost() ? Problem.UNKNOWN_HOST : Problem.HOST_NOT_ALLOWED,
                    e.getMessage());
        }
        String where = settings.host() + ":" + settings.port();
        Store store = null;
        try {
            store = sessions.connectOnce(settings, credentials, address, properties.loginTimeout());
            for (String folder : settings.folders()) {
                if (!store.getFolder(folder).exists()) {
                    throw new LoginRefusedException(Problem.FOLDER_NOT_FOUND, "Signed in, but the folder '" + folder
                            + "' does not exist on " + settings.host() + ". Check the folder name (it is "
                            + "case-sensitive on most servers).");
                }
            }
        } catch (MessagingException | RuntimeException e) {
            throw explain(e, settings, where);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException e) {
                    log.debug("Closing the test login's connection: {}", e.toString());
                }
            }
        }
    }

    private LoginRefusedException explain(Exception e, ConfiguredAccount settings, String where) {
        if (e instanceof AuthenticationFailedException) {
            return new LoginRefusedException(Problem.AUTH_FAILED, "The server refused the username or password"
                    + serverSays(e.getMessage()) + ". Many providers need an app password for IMAP rather than "
                    + "your usual password.");
        }
        List<Throwable> chain = chain(e);
        for (Throwable cause : chain) {
            switch (cause) {
                case ConnectException c -> {
                    return new LoginRefusedException(Problem.CONNECTION_REFUSED, "Connection refused: nothing "
                            + "accepts connections on " + where + ". Check the host and the port.");
                }
                case NoRouteToHostException c -> {
                    return new LoginRefusedException(Problem.UNREACHABLE, where + " cannot be reached from this "
                            + "server (no route to host).");
                }
                case SocketTimeoutException c -> {
                    return new LoginRefusedException(Problem.TIMEOUT, "No answer from " + where + " within "
                            + properties.loginTimeout().toSeconds() + " seconds. Check the host and the port, "
                            + "or try again later.");
                }
                case UnknownHostException c -> {
                    return new LoginRefusedException(Problem.UNKNOWN_HOST, "Unknown host: " + settings.host()
                            + " does not resolve to any address.");
                }
                case CertificateException c -> {
                    return new LoginRefusedException(Problem.TLS_UNTRUSTED, "The server's TLS certificate is not "
                            + "trusted (" + c.getMessage() + "). Mailsift only connects to servers whose "
                            + "certificate is issued for " + settings.host() + " by a known authority.");
                }
                default -> {
                }
            }
        }
        for (Throwable cause : chain) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Can't verify identity of server")) {
                return new LoginRefusedException(Problem.TLS_UNTRUSTED, "The server's TLS certificate is not "
                        + "issued for " + settings.host() + ". Use the host name the provider gives for IMAP.");
            }
            if (cause instanceof SSLHandshakeException && message.contains("PKIX")) {
                return new LoginRefusedException(Problem.TLS_UNTRUSTED, "The server's TLS certificate is not "
                        + "trusted: it is not issued by a known certificate authority (self-signed?).");
            }
            if (cause instanceof SSLException) {
                return new LoginRefusedException(Problem.TLS_FAILED, "TLS failed with " + where + " (" + message
                        + "). Check the security setting: port 993 usually wants tls, port 143 starttls.");
            }
            if (message.contains("STARTTLS")) {
                return new LoginRefusedException(Problem.TLS_FAILED, where + " does not offer STARTTLS, so the "
                        + "password would travel unencrypted. Use tls (usually port 993).");
            }
            if (cause instanceof EOFException) {
                return new LoginRefusedException(Problem.NOT_IMAP, where + " closed the connection without "
                        + "speaking IMAP. Check the port and the security setting.");
            }
        }
        log.debug("Test login to {} failed", where, e);
        return new LoginRefusedException(Problem.NOT_IMAP, "The server at " + where + " did not answer like an "
                + "IMAP server" + serverSays(rootMessage(chain)) + ". Check the port and the security setting.");
    }

    private static String serverSays(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String clean = text.strip().replaceAll("\\p{Cntrl}", " ");
        return ": \"" + (clean.length() > 300 ? clean.substring(0, 300) + "..." : clean) + "\"";
    }

    private static @Nullable String rootMessage(List<Throwable> chain) {
        return chain.getLast().getMessage();
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
