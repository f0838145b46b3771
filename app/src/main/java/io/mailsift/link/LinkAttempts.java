package io.mailsift.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mailsift.account.LinkProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many test logins each user started in the last hour, on this node: linking must not turn Mailsift into a tool
 * for guessing other people's IMAP passwords or for scanning ports, so each user gets
 * {@code mailsift.link.attempts-per-hour}.
 */
@Component
class LinkAttempts {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Clock clock;
    private final Map<Long, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    @Autowired
    LinkAttempts(LinkProperties properties) {
        this(properties.attemptsPerHour(), Clock.systemUTC());
    }

    LinkAttempts(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts one attempt of this user, or refuses it when the user used up the hour's attempts. */
    void count(long userId) throws MailboxLinks.TooManyAttemptsException {
        Instant now = clock.instant();
        Deque<Instant> recent = attempts.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= perHour) {
                throw new MailboxLinks.TooManyAttemptsException(Duration.between(now, recent.peekFirst().plus(WINDOW)));
            }
            recent.addLast(now);
        }
    }
}
