package io.mailsift.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mailsift.finding.FindingsChanged;
import jakarta.annotation.PreDestroy;
import io.mailsift.link.MailboxUnlinked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps profiles current: after findings of a mailbox changed, its user's profile is rebuilt in the background
 * {@code mailsift.profile.rebuild-delay} later (after an unlink at once). Requests for a user coalesce while they
 * wait, so a backfill that commits a batch every few messages rebuilds a few times, not once per batch (a rebuild
 * reads all of the user's orders: once per batch made a 10,000-message backfill spend a fifth of its CPU on it); one
 * that comes during a rebuild starts another afterwards, so the last change is never missed. Rebuilds run one at a
 * time per node.
 */
@Component
public class ProfileUpdates {

    private static final Logger log = LoggerFactory.getLogger(ProfileUpdates.class);

    /** How long a failed rebuild waits before it is tried again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final ProfileRebuild rebuild;
    private final JdbcClient jdbc;
    private final Duration delay;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("profile-rebuild").daemon(true).factory());

    ProfileUpdates(ProfileRebuild rebuild, JdbcClient jdbc,
            @Value("${mailsift.profile.rebuild-delay:3s}") Duration delay) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.delay = delay;
    }

    /** Runs in the committing thread's after-commit hook: the user is looked up on the worker, not there. */
    @EventListener
    void onFindingsChanged(FindingsChanged change) {
        unfinished.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    userOf(change.accountId()).ifPresent(this::request);
                } catch (RuntimeException e) {
                    log.warn("Could not look up the owner of mailbox {}: {}", change.accountId(), e.toString());
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
        }
    }

    /** The unlinked mailbox's rows went with it; what it contributed to per-user rows goes now. */
    @EventListener
    void onMailboxUnlinked(MailboxUnlinked unlinked) {
        request(unlinked.userId(), Duration.ZERO);
    }

    /** Profiles of users whose orders were found before the profile existed. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuild.usersWithOrdersButNoProfile().forEach(this::request);
    }

    /** Asks for the user's profile to be rebuilt soon; returns at once. */
    public void request(long userId) {
        request(userId, delay);
    }

    private void request(long userId, Duration after) {
        if (!waiting.add(userId)) {
            return;
        }
        unfinished.incrementAndGet();
        try {
            worker.schedule(() -> {
                waiting.remove(userId);
                try {
                    rebuild.rebuild(userId);
                } catch (RuntimeException e) {
                    // The database may be restarting: tried again later, else the profile stays stale until the
                    // next mail (a start only rebuilds users who have no profile at all).
                    log.warn("Could not rebuild the profile of user {}, retrying in {} s: {}", userId,
                            RETRY_AFTER.toSeconds(), e.toString());
                    request(userId, RETRY_AFTER);
                } finally {
                    unfinished.decrementAndGet();
                }
            }, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiting.remove(userId);
            unfinished.decrementAndGet();
        }
    }

    /** True when no rebuild waits or runs on this node. */
    public boolean idle() {
        return unfinished.get() == 0;
    }

    /** Lets a running rebuild finish before the database goes away (context shutdown). */
    @PreDestroy
    void shutdown() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Optional<Long> userOf(long accountId) {
        return jdbc.sql("SELECT user_id FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query(Long.class).optional();
    }
}
