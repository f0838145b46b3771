package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsift.finding.FindingsChanged;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.DeferredResult;

class FindingChangeFeedTest {

    private final FindingChangeFeed feed = new FindingChangeFeed();

    @Test
    void shouldAnswerAtOnceWhenTheCallerIsBehind() {
        assertThat(feed.after(-1).getResult()).isEqualTo(0L);
    }

    @Test
    void shouldHoldARequestUntilFindingsChange() {
        DeferredResult<Long> waiting = feed.after(0);
        assertThat(waiting.hasResult()).isFalse();

        feed.onFindingsChanged(new FindingsChanged(7));

        assertThat(waiting.getResult()).isEqualTo(1L);
        assertThat(feed.after(1).hasResult()).isFalse();
    }

    @Test
    void shouldReleaseWaitingRequestsOnShutdown() {
        DeferredResult<Long> waiting = feed.after(0);

        feed.onShutdown();

        assertThat(waiting.getResult()).isEqualTo(0L);
    }
}
