package io.mailsift.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.mailsift.account.AccountConsent;
import io.mailsift.account.AccountState;
import io.mailsift.account.AccountStates;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.account.RegisteredAccount;
import io.mailsift.account.StoredAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Starts one {@link ImapIdleUidChannelAdapter} per account and folder once the application is ready: every configured
 * account, and every user-linked account with at least one connector enabled. At run time {@link #watch(long)} and
 * {@link #unwatch(long)} start and stop one account (after linking, a consent change, a relink, an unlink). Stops
 * them all first on shutdown, while the database is still there to commit what is in flight.
 */
@Component
public class MailboxWatchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatchers.class);

    private final ConfiguredAccounts accounts;
    private final StoredAccounts stored;
    private final AccountConsent consent;
    private final AccountStates states;
    private final ImapSessions sessions;
    private final UidCheckpointStore checkpoints;
    private final MailboxEvents events;
    private final IngestMetrics metrics;
    private final IngestProperties settings;
    private final MessageIngestion ingestion;
    private final ConnectorCatchups catchups;
    private final MessageChannel ingestChannel;
    private final BeanFactory beanFactory;
    // Watchers by account id; guarded by this.
    private final Map<Long, List<ImapIdleUidChannelAdapter>> adapters = new HashMap<>();
    // Configured accounts as registered at start (with their passwords in memory), by id.
    private final Map<Long, RegisteredAccount> configured = new HashMap<>();
    // One platform thread for every watcher's IDLE re-issue timer: it only sends a NOOP from a new virtual thread.
    private final ScheduledExecutorService idleTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-idle-reissue").daemon().factory());
    private volatile boolean running;

    MailboxWatchers(ConfiguredAccounts accounts, StoredAccounts stored, AccountConsent consent, AccountStates states,
            ImapSessions sessions, UidCheckpointStore checkpoints, MailboxEvents events, IngestMetrics metrics,
            IngestProperties settings, MessageIngestion ingestion, MessageChannel ingestChannel,
            BeanFactory beanFactory, ConnectorCatchups catchups) {
        this.catchups = catchups;
        this.accounts = accounts;
        this.stored = stored;
        this.consent = consent;
        this.states = states;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.ingestion = ingestion;
        this.ingestChannel = ingestChannel;
        this.beanFactory = beanFactory;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (running) {
            return;
        }
        List<RegisteredAccount> registered = new ArrayList<>(accounts.register());
        registered.forEach(account -> configured.put(account.id(), account));
        registered.addAll(stored.userLinkedWithConsent());
        // Here, on a platform thread, before any watcher runs: see ImapSessions.prepare.
        sessions.prepare(registered.stream().filter(account -> account.settings().enabled())
                .map(RegisteredAccount::settings).toList());
        ingestion.prepare();
        for (RegisteredAccount account : registered) {
            startWatching(account);
        }
        running = true;
    }

    /**
     * Starts watching a stored account, or restarts it (after a relink, say): a configured one unless configured
     * with {@code enabled: false}, a user-linked one when at least one connector is enabled for it (else its state
     * becomes {@code disabled}). Does nothing for an unknown id, or before the watchers started (start-up picks the
     * account up then).
     */
    public synchronized void watch(long accountId) {
        if (!running) {
            return;
        }
        stopWatching(accountId);
        RegisteredAccount account = configured.get(accountId);
        if (account == null) {
            account = stored.userLinked(accountId).orElse(null);
            if (account == null) {
                return;
            }
            if (consent.enabled(accountId).isEmpty()) {
                states.record(accountId, AccountState.DISABLED, null);
                return;
            }
            sessions.prepare(List.of(account.settings()));
        }
        startWatching(account);
    }

    /**
     * Stops every watcher of this account and waits for them to end (a few seconds at most), so that no IMAP command
     * is sent for it afterwards. Does nothing when the account is not watched.
     */
    public synchronized void unwatch(long accountId) {
        stopWatching(accountId);
    }

    /**
     * Makes this account's watchers on this node look at their folders at once (out of IDLE or a poll wait), so that
     * a connector just enabled gets its catch-up now. Does nothing when the account is not watched here.
     */
    public synchronized void wake(long accountId) {
        adapters.getOrDefault(accountId, List.of()).forEach(ImapIdleUidChannelAdapter::wake);
    }

    /**
     * Whether this account has a running watcher on this node; {@code false} too once its watchers ended by
     * themselves (relink required, account unlinked elsewhere).
     */
    public synchronized boolean watching(long accountId) {
        return adapters.getOrDefault(accountId, List.of()).stream().anyMatch(ImapIdleUidChannelAdapter::alive);
    }

    private void startWatching(RegisteredAccount account) {
        if (!account.settings().enabled()) {
            states.record(account.id(), AccountState.DISABLED, null);
            log.info("Account '{}' is disabled (mailsift.accounts[].enabled=false): not watched", account.name());
            return;
        }
        List<ImapIdleUidChannelAdapter> started = new ArrayList<>();
        for (String folder : account.settings().folders()) {
            ImapIdleUidChannelAdapter adapter = new ImapIdleUidChannelAdapter(account, folder, sessions,
                    checkpoints, events, metrics, states, settings, idleTimer, catchups, consent);
            adapter.setOutputChannel(ingestChannel);
            adapter.setBeanFactory(beanFactory);
            adapter.setBeanName("imap-" + account.id() + "-" + account.name() + "-" + folder);
            adapter.afterPropertiesSet();
            adapter.start();
            started.add(adapter);
            log.info("Watching {} of account '{}' ({}:{})", folder, account.name(), account.settings().host(),
                    account.settings().port());
        }
        adapters.put(account.id(), started);
    }

    private void stopWatching(long accountId) {
        List<ImapIdleUidChannelAdapter> watching = adapters.remove(accountId);
        if (watching != null) {
            watching.forEach(ImapIdleUidChannelAdapter::stop);
            log.info("Stopped watching account {}", accountId);
        }
    }

    @Override
    public synchronized void stop() {
        adapters.values().forEach(list -> list.forEach(ImapIdleUidChannelAdapter::stop));
        adapters.clear();
        idleTimer.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started by {@link ApplicationReadyEvent}, not with the context: watchers need the app fully up. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }
}
