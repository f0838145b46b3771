package io.mailsift.finding;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
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
 * view runs on this view's own background thread a delay after the request, once for every request that came while
 * it waited (a backfill commits a batch every few milliseconds; rebuilding after each one would cost more than the
 * backfill). A request that comes during a rebuild starts another one afterwards, so the last change is never missed.
 * A failed rebuild (the database may be restarting) is tried again {@link #RETRY_AFTER} later; without that the view
 * would stay stale until the user's next mail. Rebuilds of one view run one at a time per node.
 */
public final class UserRebuilds {

    private static final Logger log = LoggerFactory.getLogger(UserRebuilds.class);

    /** How long a failed rebuild waits before it is tried again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final String view;
    private final @Nullable JdbcClient jdbc;
    private final Duration delay;
    private final LongConsumer rebuild;
    private final Duration retryAfter;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
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
        if (!waiting.add(userId)) {
            return;
        }
        unfinished.incrementAndGet();
        try {
            worker.schedule(() -> {
                // Removed before the rebuild: a change committed during it asks for (and gets) another one.
                waiting.remove(userId);
                try {
                    rebuild.accept(userId);
                } catch (RuntimeException e) {
                    log.warn("Could not rebuild the {} of user {}, retrying in {} s: {}", view, userId,
                            retryAfter.toSeconds(), e.toString());
                    request(userId, retryAfter);
                } finally {
                    unfinished.decrementAndGet();
                }
            }, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: what was not rebuilt is rebuilt on the next start.
            waiting.remove(userId);
            unfinished.decrementAndGet();
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
     * Lets running and waiting rebuilds finish before the database goes away (context shutdown), for at most 10 s;
     * what is still waiting then (a retry) is dropped.
     */
    public void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
