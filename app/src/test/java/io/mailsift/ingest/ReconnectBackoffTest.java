package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private static final Duration STABLE = Duration.ofMinutes(1);

    @Test
    void shouldDoubleTheCeilingPerFailureUpToTheCap() {
        List<Long> bounds = new ArrayList<>();
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), STABLE, bound -> {
            bounds.add(bound);
            return bound;
        });

        for (int i = 0; i < 6; i++) {
            backoff.next();
        }

        assertThat(bounds).containsExactly(1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L);
    }

    @Test
    void shouldDrawEachWaitAtRandomBelowTheCeiling() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), STABLE);

        for (int i = 0; i < 200; i++) {
            Duration ceiling = backoff.ceiling();
            assertThat(backoff.next()).isBetween(Duration.ZERO, ceiling);
        }
        assertThat(backoff.ceiling()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldStartOverAfterReset() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), STABLE, bound -> bound);
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldNotOverflowAfterManyFailures() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), STABLE, bound -> bound);

        for (int i = 0; i < 1000; i++) {
            backoff.next();
        }

        assertThat(backoff.next()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldKeepGrowingWhenConnectionsDropBeforeTheyAreStable() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), STABLE, bound -> bound);

        assertThat(backoff.afterFailure(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterFailure(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.afterFailure(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void shouldStartOverWhenTheFailedConnectionHadBeenStable() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), STABLE, bound -> bound);
        backoff.afterFailure(null);
        backoff.afterFailure(null);

        assertThat(backoff.afterFailure(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
    }
}
