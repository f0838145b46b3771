package io.mailsift.finding;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps one per-user view derived from findings (trips, the shopper profile, ...) current: a rebuild of a user's
 * view runs on this view's own background thread once the user's requests have paused for the delay, once for every
 * request that came while it waited, and at the latest {@link #MAX_HOLD_DELAYS} delays after the first of them (a
 * backfill commits a batch every few milliseconds for minutes: rebuilding after each one, or even every delay, would
 * read the user's growing set of findings again and again and cost more than the backfill; holding it for ten delays
 * still shows its progress). A request that comes during a rebuild starts another one afterwards, so the last change
 * is never missed.
 * A failed rebuild (the database may be restarting) is tried again {@link #RETRY_AFTER} later; without that the view
 * would stay stale until the user's next mail. Rebuilds of one view run one at a time per node.
 */
public final class UserRebuilds {

    private static final Logger log = LoggerFactory.getLogger(UserRebuilds.class);

    /** How long a failed rebuild waits before it is tried again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** The longest a stream of requests holds a user's rebuild back, in delays after its first request. */
    static final int MAX_HOLD_DELAYS = 10;

    private final String view;
    private final @Nullable JdbcClient jdbc;
    private final Duration delay;
    private final LongConsumer rebuild;
    private final Duration retryAfter;
    /** The users whose rebuild is scheduled and has not started; its lock guards them and their holds. */
    private final Map<Long, Hold> waiting = new HashMap<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final ScheduledThreadPoolExecutor worker;

    /**
     * @param view    what is rebuilt, for the worker thread's name and the logs ("trips", "profile")
     * @param jdbc    looks up whose mailbox changed ({@link #accountChanged}); {@code null} where that is never asked
     * @param delay   how long a request waits for more requests of the same user
     * @param rebuild rebuilds one user's view, in its own transaction
     */
    public UserRebuilds(String view, @Nullable JdbcClient jdbc, Duration delay, LongConsumer rebuild) {
        this(view, jdbc, delay, rebuild, RETRY_AFTER);
    }

    UserRebuilds(String view, @Nullable JdbcClient jdbc, Duration delay, LongConsumer rebuild, Duration retryAfter) {
        this.retryAfter = retryAfter;
        this.view = view;
        this.jdbc = jdbc;
        this.delay = delay;
        this.rebuild = rebuild;
        this.worker = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(view + "-rebuilds").daemon(true).factory());
        // A task that made way for a sooner one leaves the queue at once (close() would otherwise wait for it).
        this.worker.setRemoveOnCancelPolicy(true);
    }

    /**
     * Asks for the view of the mailbox's owner to be rebuilt. Meant for a {@link FindingsChanged} listener, which runs
     * in the committing thread's after-commit hook: the owner is looked up on the worker, so that ingestion never
     * waits for a query of this view.
     */
    public void accountChanged(long accountId) {
        submit(() -> {
            try {
                ownerOf(accountId).ifPresent(this::request);
            } catch (RuntimeException e) {
                log.warn("Could not look up the owner of mailbox {} to rebuild its {}: {}", accountId, view,
                        e.toString());
            }
        });
    }

    /** Asks for each of these users' views to be rebuilt; the users are read on the worker. */
    public void requestEach(Supplier<? extends Collection<Long>> users) {
        submit(() -> {
            try {
                users.get().forEach(this::request);
            } catch (RuntimeException e) {
                log.warn("Could not list the users whose {} to rebuild: {}", view, e.toString());
            }
        });
    }

    /** Asks for the user's view to be rebuilt after the delay; returns at once. */
    public void request(long userId) {
        request(userId, delay);
    }

    /** Asks for the user's view to be rebuilt as soon as the worker is free; returns at once. */
    public void requestNow(long userId) {
        request(userId, Duration.ZERO);
    }

    private void request(long userId, Duration after) {
        synchronized (waiting) {
            long now = System.nanoTime();
            long wanted = now + after.toNanos();
            // A request for now is firm; any other may be postponed by later ones up to the longest hold.
            long latest = after.isZero() ? wanted : Math.max(wanted, now + MAX_HOLD_DELAYS * delay.toNanos());
            Hold hold = waiting.get(userId);
            if (hold == null) {
                hold = new Hold(wanted, latest);
                waiting.put(userId, hold);
                unfinished.incrementAndGet();
                schedule(userId, hold, after.toNanos());
                return;
            }
            hold.latest = Math.min(hold.latest, latest);
            if (wanted - hold.notBefore < 0) {
                // Asked for sooner (an unlink's rebuild now): the task scheduled for later makes way for one sooner.
                hold.notBefore = wanted;
                if (hold.task != null && hold.task.cancel(false)) {
                    schedule(userId, hold, after.toNanos());
                } // else it is starting right now, and sees the new time
            } else {
                // Once the requests pause, but no later than the hold's latest start.
                hold.notBefore = Math.max(hold.notBefore, wanted - hold.latest < 0 ? wanted : hold.latest);
            }
        }
    }

    /** Schedules the hold's rebuild task; called under the lock on {@link #waiting}. */
    private void schedule(long userId, Hold hold, long afterNanos) {
        try {
            hold.task = worker.schedule(() -> runOrWait(userId), Math.max(0, afterNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: what was not rebuilt is rebuilt on the next start.
            waiting.remove(userId);
            unfinished.decrementAndGet();
        }
    }

    private void runOrWait(long userId) {
        synchronized (waiting) {
            Hold hold = waiting.get(userId);
            if (hold == null) {
                return; // cannot happen: a hold leaves the map only here or with its count
            }
            long wait = hold.notBefore - System.nanoTime();
            if (wait > 0) {
                schedule(userId, hold, wait); // more requests came meanwhile: wait for them to pause
                return;
            }
            // Removed before the rebuild: a change committed during it asks for (and gets) another one.
            waiting.remove(userId);
        }
        try {
            rebuild.accept(userId);
        } catch (RuntimeException e) {
            log.warn("Could not rebuild the {} of user {}, retrying in {} s: {}", view, userId,
                    retryAfter.toSeconds(), e.toString());
            request(userId, retryAfter);
        } finally {
            unfinished.decrementAndGet();
        }
    }

    /**
     * A user's scheduled rebuild, guarded by the lock on {@link #waiting}: the earliest start (each later request
     * postpones it to a delay after itself), the latest (the first request's plus {@link #MAX_HOLD_DELAYS} delays, or
     * at once after a request for now), and the task that starts it (or, if it is too early then, schedules itself
     * again).
     */
    private static final class Hold {

        long notBefore;
        long latest;
        @Nullable ScheduledFuture<?> task;

        Hold(long notBefore, long latest) {
            this.notBefore = notBefore;
            this.latest = latest;
        }
    }

    private void submit(Runnable task) {
        unfinished.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
        }
    }

    private Optional<Long> ownerOf(long accountId) {
        if (jdbc == null) {
            throw new IllegalStateException("No database to look up whose mailbox changed");
        }
        return jdbc.sql("SELECT user_id FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query(Long.class).optional();
    }

    /** True when no rebuild waits or runs on this node. */
    public boolean idle() {
        return unfinished.get() == 0;
    }

    /**
     * Lets running and waiting rebuilds finish before the database goes away (context shutdown), for at most 10 s:
     * a waiting one starts at once instead of after its delay (or its hold); what a failure asks to retry then is
     * dropped.
     */
    public void close() throws InterruptedException {
        synchronized (waiting) {
            long now = System.nanoTime();
            for (Map.Entry<Long, Hold> waitingUser : List.copyOf(waiting.entrySet())) {
                Hold hold = waitingUser.getValue();
                hold.notBefore = now;
                if (hold.task != null && hold.task.cancel(false)) {
                    schedule(waitingUser.getKey(), hold, 0);
                }
            }
        }
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
