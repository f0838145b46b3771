package io.mailsift.ingest;

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

/** Test connector reading headers only: one finding per message, keyed by Message-ID; counts its calls per subject. */
public final class SubjectConnector implements Connector {

    static final String ID = "test-subject";

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

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
        if (email.text() != null || email.html() != null) {
            throw new IllegalStateException("a HEADERS connector was given a body");
        }
        return List.of(new Finding("EmailMessage", FindingKey.of(email.headers().messageId(), subject),
                Map.of("name", subject)));
    }
}
