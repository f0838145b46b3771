package io.mailsift.trip;

import java.time.Duration;

import io.mailsift.finding.FindingsChanged;
import io.mailsift.finding.UserRebuilds;
import io.mailsift.link.MailboxUnlinked;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps trips current: after findings of a mailbox changed, its owner's trips are rebuilt in the background
 * {@code mailsift.trips.rebuild-delay} later, once for however many changes arrived meanwhile ({@link UserRebuilds}).
 * After a mailbox is unlinked the rebuild runs at once, before the unlink answers, so that no trip made from its
 * mail outlives it.
 */
@Component
class TripRebuilds {

    private static final Logger log = LoggerFactory.getLogger(TripRebuilds.class);

    private final TripStore store;
    private final UserRebuilds rebuilds;

    TripRebuilds(TripStore store, JdbcClient jdbc, @Value("${mailsift.trips.rebuild-delay:1s}") Duration delay) {
        this.store = store;
        this.rebuilds = new UserRebuilds("trips", jdbc, delay, store::rebuild);
    }

    @EventListener
    void onFindingsChanged(FindingsChanged change) {
        rebuilds.accountChanged(change.accountId());
    }

    @EventListener
    void onMailboxUnlinked(MailboxUnlinked unlinked) {
        try {
            store.rebuild(unlinked.userId());
        } catch (RuntimeException e) {
            log.warn("Rebuilding the trips of user {} after an unlink failed; retrying in the background",
                    unlinked.userId(), e);
            rebuilds.requestNow(unlinked.userId());
        }
    }

    /** Trips for reservations stored before this version, or while a node was down. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildEveryTravellerOnStart() {
        rebuilds.requestEach(store::usersWithReservations);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        rebuilds.close();
    }
}
