package io.mailsift.ingest;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Waits between reconnect attempts: exponential with full jitter, capped. The n-th wait in a row is drawn uniformly
 * from {@code [0, min(max, initial * 2^n)]}, so that many mailboxes of one server that failed together do not come
 * back together. Not thread-safe: one per watcher.
 */
final class ReconnectBackoff {

    private final Duration initial;
    private final Duration max;
    private final Duration stableAfter;
    // Given a bound in milliseconds, a uniformly drawn value in [0, bound].
    private final LongUnaryOperator random;
    private int failures;

    ReconnectBackoff(Duration initial, Duration max, Duration stableAfter, LongUnaryOperator random) {
        if (!initial.isPositive() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("initial must be positive and at most max");
        }
        this.initial = initial;
        this.max = max;
        this.stableAfter = stableAfter;
        this.random = random;
    }

    ReconnectBackoff(Duration initial, Duration max, Duration stableAfter) {
        this(initial, max, stableAfter,
                bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /**
     * The wait after a failure. A connection that had stayed up for {@code stableAfter} proved itself, so its failure
     * starts a new series from {@code initial}; a shorter one (or none) continues the current series.
     *
     * @param connectedFor how long the failed connection had been up, {@code null} when it never came up
     */
    Duration afterFailure(@Nullable Duration connectedFor) {
        if (connectedFor != null && connectedFor.compareTo(stableAfter) >= 0) {
            reset();
        }
        return next();
    }

    /** The wait before the next attempt, one failure later. */
    Duration next() {
        Duration ceiling = ceiling();
        failures++;
        return Duration.ofMillis(random.applyAsLong(ceiling.toMillis()));
    }

    /** The upper bound of the next wait. */
    Duration ceiling() {
        // Shifting past the cap is pointless and would overflow.
        int doublings = Math.min(failures, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** After a connection that stayed up long enough: start again from {@code initial}. */
    void reset() {
        failures = 0;
    }
}
