package io.mailsift.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Test connectors reading headers only, one finding per message (its subject), that count how often their prefilter
 * and their extraction saw each subject, and can be slowed down to keep a backfill or catch-up running for a while.
 * The late one throws on subjects containing "poison".
 */
public abstract class CountingConnector implements Connector {

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, Duration> DELAYS = new ConcurrentHashMap<>();

    private final String id;

    CountingConnector(String id) {
        this.id = id;
    }

    /** How often this connector's prefilter was asked about this subject. */
    static int asked(String connectorId, String subject) {
        return count(connectorId + "/asked/" + subject);
    }

    /** How often this connector extracted from a message with this subject. */
    static int extracted(String connectorId, String subject) {
        return count(connectorId + "/extracted/" + subject);
    }

    /** Makes every extraction of this connector take this long (zero: as fast as it goes). */
    static void slowDown(String connectorId, Duration delay) {
        DELAYS.put(connectorId, delay);
    }

    private static int count(String key) {
        AtomicInteger count = COUNTS.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(id, "1.0", SpiVersion.CURRENT, Set.of("EmailMessage"), ReadScope.HEADERS,
                "Counts the messages it is given.");
    }

    @Override
    public boolean interestedIn(EmailHeaders headers) {
        COUNTS.computeIfAbsent(id + "/asked/" + headers.subject(), key -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    @Override
    public List<Finding> extract(Email email) {
        String subject = email.headers().subject();
        Duration delay = DELAYS.getOrDefault(id, Duration.ZERO);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        COUNTS.computeIfAbsent(id + "/extracted/" + subject, key -> new AtomicInteger()).incrementAndGet();
        if (id.equals(Late.ID) && subject.contains("poison")) {
            throw new IllegalArgumentException("cannot read " + subject);
        }
        return List.of(new Finding("EmailMessage", FindingKey.of(email.headers().messageId(), subject),
                Map.of("name", subject)));
    }

    /** The connector consented first. */
    public static final class First extends CountingConnector {

        static final String ID = "test-first";

        public First() {
            super(ID);
        }
    }

    /** The connector consented later. */
    public static final class Late extends CountingConnector {

        static final String ID = "test-late";

        public Late() {
            super(ID);
        }
    }
}
