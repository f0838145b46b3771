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

/**
 * Rebuild requests coalesce while they wait, a stream of them holds the rebuild back until it pauses (but not for
 * ever), an unlink's request is not held back, a request during a rebuild is never lost, a failure is retried.
 */
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
    void shouldHoldTheRebuildBackWhileRequestsKeepComingAndRebuildOnceWhenTheyPause() throws Exception {
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ofSeconds(1), rebuilt::add);
        try {
            for (int i = 0; i < 30; i++) { // a backfill committing a batch every 50 ms for 1.5 s
                rebuilds.request(1);
                Thread.sleep(50);
            }
            assertThat(rebuilt).as("rebuilt while the batches kept coming").isEmpty();

            await().atMost(Duration.ofSeconds(10)).until(rebuilds::idle);
            assertThat(rebuilt).containsExactly(1L);
        } finally {
            rebuilds.close();
        }
    }

    @Test
    void shouldRebuildAtTheLatestTenDelaysAfterTheFirstRequestOfAStream() throws Exception {
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ofMillis(100), rebuilt::add);
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) { // requests every 10 ms for 3 s: never a pause of 100 ms
                rebuilds.request(1);
                Thread.sleep(10);
            }
            assertThat(rebuilt).as("rebuilt during a stream three times the longest hold").isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).until(rebuilds::idle);
        } finally {
            rebuilds.close();
        }
    }

    @Test
    void shouldBringAWaitingRebuildForwardWhenOneIsAskedForNow() throws Exception {
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ofMinutes(10), rebuilt::add);
        try {
            rebuilds.request(1); // would wait ten minutes
            rebuilds.requestNow(1); // an unlink

            await().atMost(Duration.ofSeconds(10)).until(() -> rebuilt.contains(1L));
            assertThat(rebuilt).containsExactly(1L);
        } finally {
            rebuilds.close();
        }
    }

    @Test
    void shouldNotLetALaterRequestHoldBackARebuildAskedForNow() throws Exception {
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ofMinutes(10), rebuilt::add);
        try {
            rebuilds.request(1);
            rebuilds.requestNow(1); // an unlink
            rebuilds.request(1); // a batch of another of the user's mailboxes, committed right after

            await().atMost(Duration.ofSeconds(10)).until(() -> rebuilt.contains(1L));
            assertThat(rebuilt).containsExactly(1L);
        } finally {
            rebuilds.close();
        }
    }

    @Test
    void shouldRunAWaitingRebuildAtOnceWhenClosed() throws Exception {
        UserRebuilds rebuilds = new UserRebuilds("test", null, Duration.ofMinutes(10), rebuilt::add);
        rebuilds.request(1); // held for ten minutes, then the node shuts down

        long start = System.nanoTime();
        rebuilds.close();

        assertThat(rebuilt).containsExactly(1L);
        assertThat(rebuilds.idle()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
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
