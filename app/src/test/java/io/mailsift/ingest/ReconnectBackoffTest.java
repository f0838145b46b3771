package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void shouldDoubleTheCeilingPerFailureUpToTheCap() {
        List<Long> bounds = new ArrayList<>();
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), bound -> {
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
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

        for (int i = 0; i < 200; i++) {
            Duration ceiling = backoff.ceiling();
            assertThat(backoff.next()).isBetween(Duration.ZERO, ceiling);
        }
        assertThat(backoff.ceiling()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldStartOverAfterReset() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), bound -> bound);
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldNotOverflowAfterManyFailures() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), bound -> bound);

        for (int i = 0; i < 1000; i++) {
            backoff.next();
        }

        assertThat(backoff.next()).isEqualTo(Duration.ofMinutes(5));
    }
}
