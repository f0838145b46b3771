package io.mailsift.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;

/**
 * Test connector reading headers only: one finding per message, keyed by Message-ID; counts its calls per subject. A
 * message whose subject contains "[held]" is held in {@code extract} after {@link #holdNext} until {@link #release}
 * (at most 5 s), so that a test can act while the message is being read.
 */
public final class SubjectConnector implements Connector {

    static final String ID = "test-subject";

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private static final Map<String, java.util.Optional<java.time.Instant>> DATES = new ConcurrentHashMap<>();

    /** The date the connector was given with the message of this subject; null before it saw one. */
    static java.util.Optional<java.time.Instant> dateSeen(String subject) {
        return DATES.get(subject);
    }

    private static final Semaphore HELD = new Semaphore(0);
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    public static void holdNext() {
        gate = new CountDownLatch(1);
    }

    public static boolean awaitHeld(Duration timeout) throws InterruptedException {
        return HELD.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static void release() {
        gate.countDown();
    }

    static int calls(String subject) {
        AtomicInteger count = CALLS.get(subject);
        return count == null ? 0 : count.get();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "1.0", SpiVersion.CURRENT, Set.of("EmailMessage"), ReadScope.HEADERS,
                "One finding per message, with its subject.");
    }

    @Override
    public boolean interestedIn(EmailHeaders headers) {
        return !headers.subject().startsWith("[ignore]");
    }

    @Override
    public List<Finding> extract(Email email) {
        String subject = email.headers().subject();
        CALLS.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
        DATES.put(subject, java.util.Optional.ofNullable(email.headers().date()));
        if (subject.contains("[held]")) {
            HELD.release();
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (email.text() != null || email.html() != null) {
            throw new IllegalStateException("a HEADERS connector was given a body");
        }
        return List.of(new Finding("EmailMessage", FindingKey.of(email.headers().messageId(), subject),
                Map.of("name", subject)));
    }
}
