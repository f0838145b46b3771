package io.mailsift.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.mailsift.finding.FindingsChanged;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polling for the page: a request waits until findings change on this node, so a new mail shows at once
 * without the page hammering the database. The answer is only a version number (no user data); the page then
 * reloads its own, user-scoped findings. Changes made by another node show at the latest when the wait times out.
 */
@Component
class FindingChangeFeed {

    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    private final AtomicLong version = new AtomicLong();
    private final Set<DeferredResult<Long>> waiting = ConcurrentHashMap.newKeySet();

    /** Answers at once when the version moved past {@code after}, else when it does or after {@link #MAX_WAIT}. */
    DeferredResult<Long> after(long after) {
        DeferredResult<Long> result = new DeferredResult<>(MAX_WAIT.toMillis(), version::get);
        result.onCompletion(() -> waiting.remove(result));
        waiting.add(result);
        long current = version.get();
        if (current != after) {
            result.setResult(current);
        }
        return result;
    }

    /** Answers every waiting request before the web server's graceful shutdown would wait for them. */
    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        long current = version.get();
        for (DeferredResult<Long> result : waiting) {
            result.setResult(current);
        }
    }

    @EventListener
    void onFindingsChanged(FindingsChanged change) {
        long current = version.incrementAndGet();
        for (DeferredResult<Long> result : waiting) {
            result.setResult(current);
        }
    }
}
