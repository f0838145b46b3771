package io.mailsift.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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
 * Watches the mailboxes this node holds the lease of: one {@link ImapIdleUidChannelAdapter} per account and folder.
 * Several nodes may share one database; each account is leased by one node at a time ({@link MailboxLeases},
 * {@code docs/adr/0003-mailbox-leases.md}). Once the application is ready, and then every
 * {@code mailsift.node.renew-interval}, a lease round renews this node's leases, stops the watchers of leases lost or
 * no longer wanted, gives back what exceeds the fair share, claims free or expired leases up to it and starts their
 * watchers. A guard stops every watcher when the leases could not be renewed for {@code lease-duration -
 * renew-interval}, before any of them can expire and another node take over. At run time {@link #watch(long)} and
 * {@link #unwatch(long)} start and stop one account (after linking, a consent change, a relink, an unlink). On
 * shutdown the watchers stop first, while the database is still there to commit what is in flight, then the leases
 * are freed for another node to take over at once.
 */
@Component
public class MailboxWatchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatchers.class);
    // How long a shutdown waits for a round under way and for the release of the leases.
    private static final Duration SHUTDOWN_BUDGET = Duration.ofSeconds(3);

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
    private final MailboxLeases leases;
    private final NodeProperties node;
    // Watchers by account id; guarded by this.
    private final Map<Long, List<ImapIdleUidChannelAdapter>> adapters = new HashMap<>();
    // Configured accounts as registered at start (with their passwords in memory), by id; enabled ones only.
    private final Map<Long, RegisteredAccount> configured = new HashMap<>();
    // User-linked accounts read at start, for the first round to start their watchers without a query each.
    private final Map<Long, RegisteredAccount> linkedAtStart = new ConcurrentHashMap<>();
    // The leases this node holds as of its last round or claim; changed under rounds only.
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    // This node's configured accounts seen free at the end of consecutive rounds, and how many; under rounds only.
    private final Map<Long, Integer> freeRounds = new HashMap<>();
    // One lease round at a time, and watch/unwatch between rounds: a round's view of the leases stays its own.
    private final ReentrantLock rounds = new ReentrantLock();
    // One platform thread for every watcher's IDLE re-issue timer: it only sends a NOOP from a new virtual thread.
    private final ScheduledExecutorService idleTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-idle-reissue").daemon().factory());
    // Two threads: the guard must run while a round hangs on an unreachable database.
    private final ScheduledExecutorService leaseTimer = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("lease-rounds-", 0).daemon().factory());
    // System.nanoTime() when the last successful renewal was sent: the database set expiries after that.
    private volatile long lastRenewal;
    private volatile boolean running;
    private volatile boolean halted;

    MailboxWatchers(ConfiguredAccounts accounts, StoredAccounts stored, AccountConsent consent, AccountStates states,
            ImapSessions sessions, UidCheckpointStore checkpoints, MailboxEvents events, IngestMetrics metrics,
            IngestProperties settings, MessageIngestion ingestion, MessageChannel ingestChannel,
            BeanFactory beanFactory, ConnectorCatchups catchups, MailboxLeases leases, NodeProperties node) {
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
        this.leases = leases;
        this.node = node;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        synchronized (this) {
            if (running || halted) {
                return;
            }
            log.info("Node {}: renews its mailbox leases every {}, leases last {}", node.id(), node.renewInterval(),
                    node.leaseDuration());
            List<RegisteredAccount> registered = new ArrayList<>(accounts.register());
            for (RegisteredAccount account : registered) {
                if (account.settings().enabled()) {
                    configured.put(account.id(), account);
                } else {
                    states.record(account.id(), AccountState.DISABLED, null);
                    log.info("Account '{}' is disabled (mailsift.accounts[].enabled=false): not watched",
                            account.name());
                }
            }
            List<RegisteredAccount> linked = stored.userLinkedWithConsent();
            linked.forEach(account -> linkedAtStart.put(account.id(), account));
            registered.addAll(linked);
            // Here, on a platform thread, before any watcher runs: see ImapSessions.prepare.
            sessions.prepare(registered.stream().filter(account -> account.settings().enabled())
                    .map(RegisteredAccount::settings).toList());
            ingestion.prepare();
            metrics.leasesHeld(node.id(), held::size);
            running = true;
        }
        // The first round at once, on this thread: a single node starts its watchers as soon as before leases.
        leaseRound();
        linkedAtStart.clear();
        long renew = node.renewInterval().toMillis();
        long guard = guardTick(node.renewInterval()).toMillis();
        try {
            leaseTimer.scheduleWithFixedDelay(this::leaseRound, renew, renew, TimeUnit.MILLISECONDS);
            leaseTimer.scheduleAtFixedRate(this::guard, guard, guard, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopped while starting: nothing to schedule.
        }
    }

    /** This node's id in the lease table ({@code mailsift.node.id}). */
    public String nodeId() {
        return node.id();
    }

    /**
     * Starts watching a stored account, or restarts it (after a relink, say), when this node holds or can claim its
     * lease within its fair share: a configured one unless configured with {@code enabled: false}, a user-linked one
     * when at least one connector is enabled for it (else its state becomes {@code disabled} and its lease is
     * freed). When another node holds the lease, that node is asked to wake (and, if they ended, restart) its
     * watchers at its next renewal; a free lease is claimed by the next node with room at its next round. Does
     * nothing for an unknown id, or before the watchers started (start-up picks the account up then).
     */
    public void watch(long accountId) {
        if (!running) {
            return;
        }
        rounds.lock();
        try {
            RegisteredAccount account = configured.get(accountId);
            if (account == null) {
                account = stored.userLinked(accountId).orElse(null);
                if (account == null) {
                    return;
                }
                if (consent.enabled(accountId).isEmpty()) {
                    giveUp(accountId);
                    states.record(accountId, AccountState.DISABLED, null);
                    return;
                }
                sessions.prepare(List.of(account.settings()));
            }
            if (held.contains(accountId)) {
                synchronized (this) {
                    // Not on a lease the guard gave up on: the next successful round restarts it.
                    if (running && renewedInTime()) {
                        stopWatching(accountId);
                        startWatching(account);
                    }
                }
                return;
            }
            boolean gained = held.size() < leases.share(configured.keySet()).target()
                    && !leases.claim(node.id(), node.leaseDuration(), configured.keySet(), accountId).isEmpty();
            if (gained) {
                held.add(accountId);
                log.info("Node {} gained the lease of account {} ('{}')", node.id(), accountId, account.name());
                synchronized (this) {
                    if (running) {
                        startWatching(account);
                    }
                }
            } else if (!leases.requestWake(accountId)) {
                // Free, and this node has its share: another node claims it at its next round.
                states.record(accountId, AccountState.CONNECTING, null);
            }
        } finally {
            rounds.unlock();
        }
    }

    /**
     * Stops every watcher of this account on this node and waits for them to end (a few seconds at most), so that no
     * IMAP command is sent for it afterwards, then frees its lease. Does nothing when the account is not watched
     * here; a node holding its lease stops it at its next round if the account is no longer to be watched. Call it
     * once the account is no longer to be watched (unlinked, no connector left): one still to be watched is claimed
     * again at the next round of some node.
     */
    public void unwatch(long accountId) {
        rounds.lock();
        try {
            giveUp(accountId);
        } finally {
            rounds.unlock();
        }
    }

    /**
     * Makes this account's watchers look at their folders at once (out of IDLE or a poll wait), so that a connector
     * just enabled gets its catch-up now. When another node holds the lease it wakes them at its next renewal
     * (within {@code mailsift.node.renew-interval}).
     */
    public void wake(long accountId) {
        boolean here;
        synchronized (this) {
            List<ImapIdleUidChannelAdapter> watching = adapters.getOrDefault(accountId, List.of());
            watching.forEach(ImapIdleUidChannelAdapter::wake);
            here = watching.stream().anyMatch(ImapIdleUidChannelAdapter::alive);
        }
        if (!here && running) {
            leases.requestWake(accountId);
        }
    }

    /**
     * Whether this account has a running watcher on this node; {@code false} too once its watchers ended by
     * themselves (relink required, account unlinked elsewhere), and when another node watches it.
     */
    public synchronized boolean watching(long accountId) {
        return adapters.getOrDefault(accountId, List.of()).stream().anyMatch(ImapIdleUidChannelAdapter::alive);
    }

    /** The accounts whose lease this node holds. */
    Set<Long> leased() {
        return Set.copyOf(held);
    }

    /**
     * One lease round: heartbeat, renew, then bring the watchers in line with the leases. Failures are logged and
     * the round tried again after {@code renew-interval}; the guard stops the watchers if that lasts.
     */
    void leaseRound() {
        if (!running) {
            return;
        }
        rounds.lock();
        try {
            if (running) {
                renewAndRebalance();
            }
        } catch (RuntimeException e) {
            log.warn("Node {}: lease round failed ({}); retried in {}", node.id(), e.toString(),
                    node.renewInterval());
        } finally {
            rounds.unlock();
        }
    }

    private void renewAndRebalance() {
        long sent = System.nanoTime();
        leases.heartbeat(node.id(), node.leaseDuration());
        List<MailboxLeases.Renewal> renewals = leases.renew(node.id(), node.leaseDuration());
        lastRenewal = sent;
        // At once: the renewal cleared the requests, and a later step of this round may fail.
        wakeRequested(renewals);
        Set<Long> renewed = new HashSet<>();
        renewals.forEach(renewal -> renewed.add(renewal.accountId()));
        for (long lost : new ArrayList<>(held)) {
            if (!renewed.contains(lost)) {
                held.remove(lost);
                synchronized (this) {
                    stopWatching(lost);
                }
                log.warn("Node {} lost the lease of account {} (expired and taken over, or the account is gone)",
                        node.id(), lost);
            }
        }
        for (long regained : renewed) {
            if (held.add(regained)) {
                // Held under this node id before this node started (a restart with a stable mailsift.node.id).
                log.info("Node {} gained the lease of account {} (held under this node id before)", node.id(),
                        regained);
            }
        }
        for (long unwanted : leases.notToWatch(held, configured.keySet())) {
            giveUp(unwanted);
            // After the watcher stopped: its last idle or polling write must not stay shown.
            leases.recordDisabledWithoutConsent(unwanted);
            log.info("Node {} gave up the lease of account {}: no longer to be watched", node.id(), unwanted);
        }
        int share = leases.share(configured.keySet()).target();
        if (held.size() > share) {
            // The highest ids go: a node that just joined claims the lowest free ids first, so the same ones move.
            List<Long> excess = held.stream().sorted(Comparator.reverseOrder()).limit(held.size() - share).toList();
            excess.forEach(this::giveUp);
            log.info("Node {} gave back the leases of accounts {} (fair share {})", node.id(), excess, share);
        } else if (held.size() < share) {
            for (MailboxLeases.Claim claim : leases.claim(node.id(), node.leaseDuration(), configured.keySet(),
                    share - held.size())) {
                held.add(claim.accountId());
                if (claim.previousNode() == null) {
                    log.info("Node {} gained the lease of account {}", node.id(), claim.accountId());
                } else {
                    log.warn("Node {} took over the lease of account {} from node {}, whose lease had expired",
                            node.id(), claim.accountId(), claim.previousNode());
                }
            }
        }
        claimConfiguredInsteadOfLinked();
        startWatchersOfHeldLeases();
    }

    /**
     * A configured account left free for two rounds while this node has its share (of user-linked mailboxes, which any
     * node can watch) is swapped in for one of those: the other nodes may not be configured with it and never claim
     * it. Two rounds: one free during a rebalance is claimed by a node with room at its next round.
     */
    private void claimConfiguredInsteadOfLinked() {
        List<Long> waiting = leases.freeConfigured(configured.keySet());
        freeRounds.keySet().retainAll(waiting);
        for (long account : waiting) {
            int rounds = freeRounds.merge(account, 1, Integer::sum);
            if (rounds < 2) {
                continue;
            }
            long swappable = held.stream().filter(id -> !configured.containsKey(id)).max(Comparator.naturalOrder())
                    .orElse(-1L);
            if (swappable < 0) {
                if (rounds == 3) {
                    log.warn("Node {} cannot claim configured account {}: its fair share is taken by other "
                            + "configured accounts and no other node claims it; configure it on more nodes or add "
                            + "a node", node.id(), account);
                }
                continue;
            }
            giveUp(swappable);
            if (!leases.claim(node.id(), node.leaseDuration(), configured.keySet(), account).isEmpty()) {
                held.add(account);
                freeRounds.remove(account);
                log.info("Node {} gained the lease of configured account {} in place of account {}, which any node "
                        + "may watch", node.id(), account, swappable);
            }
        }
    }

    /**
     * Wakes the watchers whose wake another node asked for. A watcher not running now looks at its folder anyway
     * when it starts again.
     */
    private synchronized void wakeRequested(List<MailboxLeases.Renewal> renewals) {
        for (MailboxLeases.Renewal renewal : renewals) {
            if (renewal.wake()) {
                adapters.getOrDefault(renewal.accountId(), List.of()).forEach(ImapIdleUidChannelAdapter::wake);
                log.info("Node {} woke the watchers of account {}, as another node asked", node.id(),
                        renewal.accountId());
            }
        }
    }

    /** Starts the watchers of held leases that have none running (gained, or ended by themselves, or guarded). */
    private void startWatchersOfHeldLeases() {
        for (long accountId : held) {
            if (!renewedInTime()) {
                return;
            }
            if (watching(accountId)) {
                continue;
            }
            RegisteredAccount account = configured.getOrDefault(accountId, linkedAtStart.get(accountId));
            if (account == null) {
                account = stored.userLinked(accountId).orElse(null);
                if (account == null) {
                    continue;
                }
                sessions.prepare(List.of(account.settings()));
            }
            synchronized (this) {
                if (running) {
                    stopWatching(accountId);
                    startWatching(account);
                }
            }
        }
    }

    /** Stops this account's watchers and frees its lease if this node holds it. */
    private void giveUp(long accountId) {
        synchronized (this) {
            stopWatching(accountId);
        }
        if (held.remove(accountId)) {
            leases.release(node.id(), List.of(accountId));
        }
    }

    private boolean renewedInTime() {
        return System.nanoTime() - lastRenewal < node.stopWatchersAfter().toNanos();
    }

    /**
     * Stops every watcher once the leases went unrenewed for {@code lease-duration - renew-interval}: before they
     * expire, so that the node taking them over never watches a mailbox alongside this one. The next successful
     * round starts them again for the leases still held.
     */
    void guard() {
        if (!running || renewedInTime()) {
            return;
        }
        synchronized (this) {
            if (adapters.isEmpty()) {
                return;
            }
            log.error("Node {} could not renew its mailbox leases for {}: stopped watching {} accounts before the "
                    + "leases expire; another node takes them over", node.id(), node.stopWatchersAfter(),
                    adapters.size());
            // Within the guard's margin: lease-duration - (renew-interval - tick) is when the leases may expire.
            Duration grace = guardStopGrace(node.renewInterval());
            List<Thread> stopping = adapters.values().stream().flatMap(List::stream)
                    .map(watcher -> Thread.ofVirtual().start(() -> watcher.stopWithin(grace))).toList();
            joinAll(stopping);
            adapters.clear();
        }
    }

    /** How often the guard looks: a quarter of {@code renew-interval}, between 10 ms and 1 s. */
    static Duration guardTick(Duration renewInterval) {
        return Duration.ofMillis(Math.max(10, Math.min(renewInterval.toMillis() / 4, 1000)));
    }

    /**
     * The guard's wait for each watcher before and after interrupting it: a third of what remains of
     * {@code renew-interval} after a guard tick, so that the guard notices and the watchers stop (at most twice
     * this) before any lease expires. 3 s with the defaults (renew every 10 s): stopped within 7 s of the 20 s mark.
     */
    static Duration guardStopGrace(Duration renewInterval) {
        return renewInterval.minus(guardTick(renewInterval)).dividedBy(3);
    }

    private void startWatching(RegisteredAccount account) {
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
            stopAll(watching);
            log.info("Stopped watching account {}", accountId);
        }
    }

    /**
     * Graceful: stops every watcher, then frees this node's leases so that other nodes take over at once. Bounded: an
     * unreachable database (or one already shut down) costs at most {@link #SHUTDOWN_BUDGET}, and the leases then
     * expire by themselves.
     */
    @Override
    public void stop() {
        if (!stopRoundsAndWatchers()) {
            return;
        }
        boolean locked = lockRoundsWithin(SHUTDOWN_BUDGET);
        try {
            Thread release = Thread.ofVirtual().start(() -> {
                try {
                    leases.releaseAll(node.id());
                    log.info("Node {} released its mailbox leases", node.id());
                } catch (RuntimeException e) {
                    log.warn("Node {} could not release its mailbox leases ({}); they expire in {}", node.id(),
                            e.toString(), node.leaseDuration());
                }
            });
            if (!release.join(SHUTDOWN_BUDGET)) {
                log.warn("Node {} gave up releasing its mailbox leases after {}; they expire in {}", node.id(),
                        SHUTDOWN_BUDGET, node.leaseDuration());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.clear();
            if (locked) {
                rounds.unlock();
            }
        }
    }

    /**
     * As if the process died (for tests): stops the rounds and the watchers but keeps the leases, which other nodes
     * take over once they expire.
     */
    void halt() {
        halted = true;
        stopRoundsAndWatchers();
    }

    /** Stops the rounds and every watcher; {@code false} when they were not running. */
    private boolean stopRoundsAndWatchers() {
        boolean wasRunning;
        synchronized (this) {
            wasRunning = running;
            running = false;
        }
        leaseTimer.shutdownNow();
        if (wasRunning) {
            // A round still under way starts no watcher once running is false (checked under this lock).
            synchronized (this) {
                stopAll(adapters.values().stream().flatMap(List::stream).toList());
                adapters.clear();
            }
        }
        idleTimer.shutdownNow();
        return wasRunning;
    }

    /** Waits for a round under way to end (it may hang on an unreachable database): {@code true} once locked. */
    private boolean lockRoundsWithin(Duration budget) {
        try {
            return rounds.tryLock(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops these watchers in parallel: each may wait a few seconds for its thread, and the guard has only
     * {@code renew-interval} to stop them all before the leases expire.
     */
    private static void stopAll(List<ImapIdleUidChannelAdapter> watchers) {
        joinAll(watchers.stream().map(watcher -> Thread.ofVirtual().start(watcher::stop)).toList());
    }

    private static void joinAll(List<Thread> stopping) {
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
