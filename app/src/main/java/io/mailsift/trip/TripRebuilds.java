package io.mailsift.trip;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.mailsift.finding.FindingsChanged;
import io.mailsift.link.MailboxUnlinked;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps trips current: after findings of a mailbox changed, its owner's trips are rebuilt on a background thread,
 * a short delay later, once for however many changes arrived meanwhile (a backfill commits a batch every few
 * milliseconds; ingestion never waits for trips). After a mailbox is unlinked the rebuild runs at once, before the
 * unlink answers, so that no trip made from its mail outlives it.
 */
@Component
class TripRebuilds {

    private static final Logger log = LoggerFactory.getLogger(TripRebuilds.class);

    /** How long a failed rebuild waits before it is tried again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final TripStore store;
    private final Duration delay;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("trip-rebuilds").factory());

    TripRebuilds(TripStore store, @Value("${mailsift.trips.rebuild-delay:1s}") Duration delay) {
        this.store = store;
        this.delay = delay;
    }

    /** Runs on the thread that committed the findings, so it only hands the change over. */
    @EventListener
    void onFindingsChanged(FindingsChanged change) {
        scheduler.execute(() -> {
            try {
                store.ownerOfAccount(change.accountId()).ifPresent(this::request);
            } catch (RuntimeException e) {
                log.warn("Could not tell whose trips mailbox {} changes", change.accountId(), e);
            }
        });
    }

    @EventListener
    void onMailboxUnlinked(MailboxUnlinked unlinked) {
        try {
            store.rebuild(unlinked.userId());
        } catch (RuntimeException e) {
            log.warn("Rebuilding the trips of user {} after an unlink failed; retrying in the background",
                    unlinked.userId(), e);
            request(unlinked.userId());
        }
    }

    /** Trips for reservations stored before this version, or while a node was down. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildEveryTravellerOnStart() {
        scheduler.execute(() -> store.usersWithReservations().forEach(this::request));
    }

    /** Rebuilds the user's trips soon; a request while one is pending joins it. */
    void request(long userId) {
        if (pending.add(userId)) {
            scheduler.schedule(() -> {
                // Removed before the rebuild: a change committed during it asks for (and gets) another one.
                pending.remove(userId);
                try {
                    store.rebuild(userId);
                } catch (RuntimeException e) {
                    // The database may be restarting: without a retry the trips would stay stale until the next mail.
                    log.warn("Rebuilding the trips of user {} failed; retrying in {} s", userId,
                            RETRY_AFTER.toSeconds(), e);
                    retryLater(userId);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retryLater(long userId) {
        try {
            scheduler.schedule(() -> request(userId), RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start rebuilds every traveller.
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
