package io.mailsift.cli;

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

/** Small connectors for the scan tests, registered through a services file only those tests see. */
final class ScanTestConnectors {

    private ScanTestConnectors() {
    }

    /** Finds an {@code Order} in every message whose subject starts with "Order", keyed by the subject. */
    public static final class OrderBySubject implements Connector {

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("test-orders", "1.0", SpiVersion.CURRENT, Set.of("Order"),
                    ReadScope.BODIES, "orders by subject");
        }

        @Override
        public boolean interestedIn(EmailHeaders headers) {
            return headers.subject().startsWith("Order");
        }

        @Override
        public List<Finding> extract(Email email) {
            return List.of(new Finding("Order", FindingKey.of(email.headers().subject()), Map.of(
                    "name", email.headers().subject(),
                    "description", email.textBody().orElse("").strip())));
        }
    }

    /** Reads headers only and reports whether it was shown a body, which it must never be. */
    public static final class HeadersOnly implements Connector {

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("test-headers", "1.0", SpiVersion.CURRENT, Set.of("Message"),
                    ReadScope.HEADERS, "headers only");
        }

        @Override
        public List<Finding> extract(Email email) {
            return List.of(new Finding("Message", FindingKey.of(email.headers().subject()), Map.of(
                    "name", email.headers().subject(),
                    "sawBody", email.text() != null)));
        }
    }

    /** Throws on messages whose subject contains "boom". */
    public static final class Exploding implements Connector {

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("test-exploding", "1.0", SpiVersion.CURRENT, Set.of("Order"),
                    ReadScope.BODIES, "throws");
        }

        @Override
        public List<Finding> extract(Email email) {
            if (email.headers().subject().contains("boom")) {
                throw new IllegalStateException("kaboom");
            }
            return List.of();
        }
    }
}
