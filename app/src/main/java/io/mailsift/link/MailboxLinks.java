package io.mailsift.link;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.mailsift.account.AccountConsent;
import io.mailsift.account.AccountState;
import io.mailsift.account.AccountStates;
import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.MailboxCredentials.Credentials;
import io.mailsift.account.TlsTrust;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.finding.FindingsChanged;
import io.mailsift.finding.UserFindingsLock;
import io.mailsift.ingest.ImapLoginCheck;
import io.mailsift.ingest.ImapLoginCheck.LoginRefusedException;
import io.mailsift.ingest.MailboxWatchers;
import io.mailsift.registry.ConnectorRegistry;
import io.mailsift.registry.ConnectorRegistry.RegisteredConnector;
import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links, unlinks and sets the consent of a user's mailboxes. Every method takes the signed-in user's id and treats an
 * account of another user exactly like one that does not exist (empty or {@code false}: the API answers 404).
 */
@Service
public class MailboxLinks {

    private static final Logger log = LoggerFactory.getLogger(MailboxLinks.class);

    /** A linked mailbox as the API returns it after linking. */
    public record LinkedMailbox(long id, String name, String host, int port, String security, String username,
            List<String> folders, String state) {
    }

    /** One connector as the consent page shows it for one mailbox. */
    public record ConnectorChoice(String id, String version, String description, String reads,
            Set<String> findingTypes, boolean enabled) {

        static ConnectorChoice of(ConnectorDescriptor descriptor, boolean enabled) {
            return new ConnectorChoice(descriptor.id(), descriptor.version(), descriptor.description(),
                    descriptor.reads().name().toLowerCase(java.util.Locale.ROOT), descriptor.findingTypes(), enabled);
        }
    }

    /** The answer to disabling a connector: how many of its findings remain, which the user may delete. */
    public record Disabled(ConnectorChoice connector, long findings) {
    }

    /** Linking refused because the user already has a mailbox of that name. */
    public static class NameTakenException extends Exception {
        NameTakenException(String name) {
            super("You already linked a mailbox named '" + name + "'; choose another name");
        }
    }

    /** Too many test logins by one user: the message says when to try again. */
    public static class TooManyAttemptsException extends Exception {
        TooManyAttemptsException(java.time.Duration retryAfter) {
            super("Too many attempts to link a mailbox; try again in " + Math.max(1, retryAfter.toMinutes())
                    + " minute(s)");
        }
    }

    /** The operation does not apply to a mailbox set up in the server's configuration. */
    public static class ConfiguredMailboxException extends Exception {
        ConfiguredMailboxException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccountSecrets secrets;
    private final AccountConsent consent;
    private final AccountStates states;
    private final ImapLoginCheck loginCheck;
    private final MailboxWatchers watchers;
    private final ConnectorRegistry registry;
    private final ApplicationEventPublisher events;
    private final LinkAttempts attempts;

    MailboxLinks(JdbcClient jdbc, TransactionTemplate transaction, AccountSecrets secrets, AccountConsent consent,
            AccountStates states, ImapLoginCheck loginCheck, MailboxWatchers watchers, ConnectorRegistry registry,
            ApplicationEventPublisher events, LinkAttempts attempts) {
        this.attempts = attempts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.secrets = secrets;
        this.consent = consent;
        this.states = states;
        this.loginCheck = loginCheck;
        this.watchers = watchers;
        this.registry = registry;
        this.events = events;
    }

    /**
     * Checks the host, logs in once (the server's refusal comes back in plain words), and only then stores the
     * mailbox with its password encrypted and no connector enabled: it is watched once the user enables the first.
     * Each user may start {@code mailsift.link.attempts-per-hour} test logins per hour.
     */
    public LinkedMailbox linkImap(long userId, ImapLinkRequest request)
            throws LoginRefusedException, NameTakenException, TooManyAttemptsException {
        attempts.count(userId);
        ConfiguredAccount settings = new ConfiguredAccount(request.name(), request.host(), request.port(),
                request.security(), request.username(), null, request.folders(), true, TlsTrust.SYSTEM);
        loginCheck.check(settings, Credentials.password(request.username(), request.password()));
        try {
            long id = transaction.execute(status -> {
                long accountId = jdbc.sql("""
                        INSERT INTO mail_accounts (user_id, name, host, port, security, username, source, provider,
                            auth_method, folders, tls_trust, state)
                        VALUES (:userId, :name, :host, :port, :security, :username, 'user', 'imap', 'password',
                            :folders, 'system', 'disabled')
                        RETURNING id""")
                        .param("userId", userId)
                        .param("name", request.name())
                        .param("host", request.host())
                        .param("port", request.port())
                        .param("security", request.security().configValue())
                        .param("username", request.username())
                        .param("folders", request.folders().toArray(String[]::new))
                        .query(Long.class)
                        .single();
                secrets.put(accountId, SecretKind.IMAP_PASSWORD, request.password(), null);
                return accountId;
            });
            log.info("User {} linked mailbox {} ({}:{}); no connector enabled yet", userId, id, request.host(),
                    request.port());
            return new LinkedMailbox(id, request.name(), request.host(), request.port(),
                    request.security().configValue(), request.username(), request.folders(),
                    AccountState.DISABLED.columnValue());
        } catch (DuplicateKeyException e) {
            throw new NameTakenException(request.name());
        }
    }

    /**
     * Stops the mailbox's watchers, then deletes it in one transaction; its secrets, checkpoints, findings, errors,
     * events and consent go with it (every reference cascades). Returns {@code false} when the user has no such
     * mailbox.
     */
    public boolean unlink(long userId, long accountId) throws ConfiguredMailboxException {
        Optional<String> source = source(userId, accountId);
        if (source.isEmpty()) {
            return false;
        }
        if (source.get().equals("config")) {
            throw new ConfiguredMailboxException("This mailbox is set up in the server's configuration "
                    + "(mailsift.accounts); the operator removes it there");
        }
        // First: no watcher may write for the account while or after its rows go.
        watchers.unwatch(accountId);
        int deleted = transaction.execute(status -> {
            // The trip and profile rebuilds hold it while they refer to the findings deleted here (by cascade).
            UserFindingsLock.hold(jdbc, userId);
            int gone = jdbc.sql("DELETE FROM mail_accounts WHERE id = :id AND user_id = :userId")
                    .param("id", accountId)
                    .param("userId", userId)
                    .update();
            if (gone > 0) {
                // Trips span a user's mailboxes and so refer to no account: their titles and places came from mail,
                // so they go with it, in this transaction; MailboxUnlinked rebuilds them from the mailboxes left.
                jdbc.sql("DELETE FROM trips WHERE user_id = :userId").param("userId", userId).update();
            }
            return gone;
        });
        consent.forget(accountId);
        if (deleted > 0) {
            log.info("User {} unlinked mailbox {}", userId, accountId);
            events.publishEvent(new FindingsChanged(accountId));
            events.publishEvent(new MailboxUnlinked(userId, accountId));
        }
        return deleted > 0;
    }

    /** Every loaded connector with whether it may read this mailbox; empty when the user has no such mailbox. */
    public Optional<List<ConnectorChoice>> connectors(long userId, long accountId) {
        if (source(userId, accountId).isEmpty()) {
            return Optional.empty();
        }
        Set<String> enabled = consent.enabled(accountId);
        return Optional.of(registry.registered().stream()
                .map(c -> ConnectorChoice.of(c.descriptor(), enabled.contains(c.id())))
                .toList());
    }

    /**
     * Lets a connector read this mailbox; the first one enabled starts watching it. One enabled later gets the
     * mailbox's backfill window read again for it alone (a catch-up): the watchers are woken to start it now. Empty
     * when the user has no such mailbox or no such connector is loaded.
     */
    public Optional<ConnectorChoice> enable(long userId, long accountId, String connectorId) {
        Optional<RegisteredConnector> connector = registered(connectorId);
        if (connector.isEmpty() || !consent.enable(userId, accountId, connectorId)) {
            return Optional.empty();
        }
        if (!watchers.watching(accountId)) {
            watchers.watch(accountId);
        } else {
            watchers.wake(accountId);
        }
        // Views that read only consented connectors' findings (trips, the shopper profile) take them in again.
        events.publishEvent(new FindingsChanged(accountId));
        return Optional.of(ConnectorChoice.of(connector.get().descriptor(), true));
    }

    /**
     * Stops a connector reading this mailbox, at once for the next message; with none left a user-linked mailbox is
     * no longer watched. Its findings stay until {@link #deleteFindings} is called. Empty when the user has no such
     * mailbox or no such connector is loaded.
     */
    public Optional<Disabled> disable(long userId, long accountId, String connectorId) {
        Optional<RegisteredConnector> connector = registered(connectorId);
        if (connector.isEmpty() || !consent.disable(userId, accountId, connectorId)) {
            return Optional.empty();
        }
        if (consent.enabled(accountId).isEmpty() && source(userId, accountId).filter("user"::equals).isPresent()) {
            watchers.unwatch(accountId);
            states.record(accountId, AccountState.DISABLED, null);
        }
        // Views that read only consented connectors' findings (trips, the shopper profile) drop them now, not at the next mail.
        events.publishEvent(new FindingsChanged(accountId));
        long findings = jdbc.sql("SELECT count(*) FROM findings WHERE account_id = :id AND connector_id = :connector")
                .param("id", accountId)
                .param("connector", connectorId)
                .query(Long.class)
                .single();
        return Optional.of(new Disabled(ConnectorChoice.of(connector.get().descriptor(), false), findings));
    }

    /**
     * Deletes what one connector found in this mailbox; returns how many findings went, or empty when the user has no
     * such mailbox. Works for connectors no longer loaded too (their findings may outlive them).
     */
    public OptionalInt deleteFindings(long userId, long accountId, String connectorId) {
        if (source(userId, accountId).isEmpty()) {
            return OptionalInt.empty();
        }
        int deleted = transaction.execute(status -> {
            UserFindingsLock.hold(jdbc, userId);
            return jdbc.sql("""
                    DELETE FROM findings f USING mail_accounts a
                    WHERE f.account_id = a.id AND a.id = :id AND a.user_id = :userId
                      AND f.connector_id = :connector""")
                    .param("id", accountId)
                    .param("userId", userId)
                    .param("connector", connectorId)
                    .update();
        });
        if (deleted > 0) {
            events.publishEvent(new FindingsChanged(accountId));
        }
        return OptionalInt.of(deleted);
    }

    private Optional<RegisteredConnector> registered(String connectorId) {
        return registry.registered().stream().filter(c -> c.id().equals(connectorId)).findFirst();
    }

    /** The account's source ({@code config} or {@code user}) if this user owns it. */
    private Optional<String> source(long userId, long accountId) {
        return jdbc.sql("SELECT source FROM mail_accounts WHERE id = :id AND user_id = :userId")
                .param("id", accountId)
                .param("userId", userId)
                .query(String.class)
                .optional();
    }
}
