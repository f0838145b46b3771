package io.mailsift.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.mailsift.account.AccountState;
import io.mailsift.account.AccountStates;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.account.RegisteredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Starts one {@link ImapIdleUidChannelAdapter} per configured account and folder once the application is ready, and
 * stops them first on shutdown, while the database is still there to commit what is in flight.
 */
@Component
class MailboxWatchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatchers.class);

    private final ConfiguredAccounts accounts;
    private final AccountStates states;
    private final ImapSessions sessions;
    private final UidCheckpointStore checkpoints;
    private final MailboxEvents events;
    private final IngestMetrics metrics;
    private final IngestProperties settings;
    private final MessageIngestion ingestion;
    private final MessageChannel ingestChannel;
    private final BeanFactory beanFactory;
    private final List<ImapIdleUidChannelAdapter> adapters = new ArrayList<>();
    // One platform thread for every watcher's IDLE re-issue timer: it only sends a NOOP from a new virtual thread.
    private final ScheduledExecutorService idleTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-idle-reissue").daemon().factory());
    private volatile boolean running;

    MailboxWatchers(ConfiguredAccounts accounts, AccountStates states, ImapSessions sessions,
            UidCheckpointStore checkpoints, MailboxEvents events, IngestMetrics metrics, IngestProperties settings,
            MessageIngestion ingestion, MessageChannel ingestChannel, BeanFactory beanFactory) {
        this.accounts = accounts;
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
        List<RegisteredAccount> registered = accounts.register();
        // Here, on a platform thread, before any watcher runs: see ImapSessions.prepare.
        sessions.prepare(registered.stream().filter(account -> account.settings().enabled())
                .map(RegisteredAccount::settings).toList());
        ingestion.prepare();
        for (RegisteredAccount account : registered) {
            if (!account.settings().enabled()) {
                states.record(account.id(), AccountState.DISABLED, null);
                log.info("Account '{}' is disabled (mailsift.accounts[].enabled=false): not watched", account.name());
                continue;
            }
            for (String folder : account.settings().folders()) {
                ImapIdleUidChannelAdapter adapter = new ImapIdleUidChannelAdapter(account, folder, sessions,
                        checkpoints, events, metrics, states, settings, idleTimer);
                adapter.setOutputChannel(ingestChannel);
                adapter.setBeanFactory(beanFactory);
                adapter.setBeanName("imap-" + account.name() + "-" + folder);
                adapter.afterPropertiesSet();
                adapter.start();
                adapters.add(adapter);
                log.info("Watching {} of account '{}' ({}:{})", folder, account.name(), account.settings().host(),
                        account.settings().port());
            }
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        adapters.forEach(ImapIdleUidChannelAdapter::stop);
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
