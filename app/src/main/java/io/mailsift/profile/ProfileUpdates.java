package io.mailsift.profile;

import java.time.Duration;

import io.mailsift.finding.FindingsChanged;
import io.mailsift.finding.UserRebuilds;
import io.mailsift.link.MailboxUnlinked;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps profiles current: after findings of a mailbox changed, its user's profile is rebuilt in the background
 * {@code mailsift.profile.rebuild-delay} later (after an unlink at once), once for all changes meanwhile
 * ({@link UserRebuilds}): a rebuild reads all of the user's orders, and once per committed batch made a
 * 10,000-message backfill spend a fifth of its CPU on it.
 */
@Component
public class ProfileUpdates {

    private final ProfileRebuild rebuild;
    private final UserRebuilds rebuilds;

    ProfileUpdates(ProfileRebuild rebuild, JdbcClient jdbc,
            @Value("${mailsift.profile.rebuild-delay:3s}") Duration delay) {
        this.rebuild = rebuild;
        this.rebuilds = new UserRebuilds("profile", jdbc, delay, rebuild::rebuild);
    }

    @EventListener
    void onFindingsChanged(FindingsChanged change) {
        rebuilds.accountChanged(change.accountId());
    }

    /** The unlinked mailbox's rows went with it; what it contributed to per-user rows goes now. */
    @EventListener
    void onMailboxUnlinked(MailboxUnlinked unlinked) {
        rebuilds.requestNow(unlinked.userId());
    }

    /** Profiles of users whose orders were found before the profile existed. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuilds.requestEach(rebuild::usersWithOrdersButNoProfile);
    }

    /** Asks for the user's profile to be rebuilt soon; returns at once. */
    public void request(long userId) {
        rebuilds.request(userId);
    }

    /** True when no rebuild waits or runs on this node. */
    public boolean idle() {
        return rebuilds.idle();
    }

    /** Lets a running rebuild finish before the database goes away (context shutdown). */
    @PreDestroy
    void shutdown() throws InterruptedException {
        rebuilds.close();
    }
}
