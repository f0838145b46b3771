package io.mailsift.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;

/** Test connector reading bodies, so that bodies are fetched: a finding with the text of messages that say "body:". */
public final class BodyConnector implements Connector {

    static final String ID = "test-body";

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "1.0", SpiVersion.CURRENT, Set.of("TextDigitalDocument"), ReadScope.BODIES,
                "The text of messages whose subject starts with 'body:'.");
    }

    @Override
    public boolean interestedIn(EmailHeaders headers) {
        return headers.subject().startsWith("body:");
    }

    private static final java.util.Map<String, java.util.Optional<java.time.Instant>> DATES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The date the connector was given with the message of this subject; null before it saw one. */
    static java.util.Optional<java.time.Instant> dateSeen(String subject) {
        return DATES.get(subject);
    }

    @Override
    public List<Finding> extract(Email email) {
        DATES.put(email.headers().subject(), java.util.Optional.ofNullable(email.headers().date()));
        return List.of(new Finding("TextDigitalDocument", FindingKey.of(email.headers().messageId()),
                Map.of("text", email.textBody().orElse("").strip())));
    }
}
