package io.mailsift.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Rebuild requests coalesce while they wait, a request during a rebuild is never lost, a failure is retried. */
class UserRebuildsTest {

    private final List<Long> rebuilt = new CopyOnWriteArrayList<>();

    @Test
    void shouldCoalesceWaitingRequestsAndRebuildOnceMoreAfterAChangeDuringARebuild() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ZERO, userId -> {
            firstStarted.countDown();
            awaitQuietly(release);
            rebuilt.add(userId);
        });
        try {
            rebuilds.request(1);
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100; i++) {
                rebuilds.request(1); // while user 1 is being rebuilt
                rebuilds.request(2);
            }
            assertThat(rebuilds.idle()).isFalse();

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(rebuilds::idle);

            assertThat(rebuilt).containsExactly(1L, 1L, 2L);
        } finally {
            release.countDown();
            rebuilds.close();
        }
    }

    @Test
    void shouldTryAFailedRebuildAgainLater() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ZERO, userId -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database restarting");
            }
            rebuilt.add(userId);
        }, Duration.ofMillis(50));
        try {
            rebuilds.requestNow(7);
            await().atMost(Duration.ofSeconds(10)).until(() -> rebuilt.contains(7L));

            assertThat(attempts).hasValue(2);
            await().atMost(Duration.ofSeconds(10)).until(rebuilds::idle);
        } finally {
            rebuilds.close();
        }
    }

    @Test
    void shouldSurviveAFailingListOfUsersAndKeepServingRequests() throws Exception {
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ZERO, rebuilt::add);
        try {
            rebuilds.requestEach(() -> {
                throw new IllegalStateException("no database");
            });
            rebuilds.accountChanged(3); // no database to find the owner: logged, not thrown
            rebuilds.requestEach(() -> List.of(4L, 5L));

            await().atMost(Duration.ofSeconds(10)).until(rebuilds::idle);
            assertThat(rebuilt).containsExactlyInAnyOrder(4L, 5L);
        } finally {
            rebuilds.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
