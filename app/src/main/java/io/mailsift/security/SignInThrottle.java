package io.mailsift.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one user name within
 * {@link #WINDOW}, password sign-in for that name is refused until the window has passed since the last failure,
 * with the same answer as a wrong password. Kept per node, in memory: with N nodes a guesser gets at most N times
 * the attempts, still a handful per quarter hour. The price is that someone who knows a user name can keep that user
 * from signing in with a password (Microsoft sign-in and tokens still work); a proxy that rate-limits
 * {@code POST /signin} per address is the complement.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** More names than this and the oldest entries are dropped, so a flood of made-up names cannot fill memory. */
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether password sign-in for this name is refused now. */
    boolean blocked(String username) {
        Failures seen = failures.get(key(username));
        return seen != null && seen.count() >= MAX_FAILURES && !expired(seen);
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(this::expired);
        }
        Instant now = clock.instant();
        failures.merge(key(event.getAuthentication().getName()), new Failures(1, now),
                (old, one) -> expired(old) ? one : new Failures(old.count() + 1, now));
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private boolean expired(Failures seen) {
        return seen.last().plus(WINDOW).isBefore(clock.instant());
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
