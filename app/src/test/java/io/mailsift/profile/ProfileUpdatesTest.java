package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rebuild requests coalesce while they wait, and a request during a rebuild is never lost. */
class ProfileUpdatesTest {

    /** Records which users were rebuilt; the first rebuild waits until the test lets it finish. */
    static final class RecordingRebuild extends ProfileRebuild {

        final List<Long> rebuilt = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @SuppressWarnings("DataFlowIssue") // no database: rebuild() is replaced
        RecordingRebuild() {
            super(null, null, null, null, null);
        }

        @Override
        void rebuild(long userId) {
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rebuilt.add(userId);
        }
    }

    private final RecordingRebuild rebuild = new RecordingRebuild();
    @SuppressWarnings("DataFlowIssue")
    private final ProfileUpdates updates = new ProfileUpdates(rebuild, null, Duration.ZERO);

    @AfterEach
    void stop() throws InterruptedException {
        rebuild.release.countDown();
        updates.shutdown();
    }

    @Test
    void shouldCoalesceWaitingRequestsAndRebuildOnceMoreAfterAChangeDuringARebuild() throws Exception {
        updates.request(1);
        assertThat(rebuild.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            updates.request(1); // while user 1 is being rebuilt
            updates.request(2);
        }
        assertThat(updates.idle()).isFalse();

        rebuild.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(updates::idle);

        assertThat(rebuild.rebuilt).containsExactly(1L, 1L, 2L);
    }
}
