package io.mailsift.connector.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.JsonLd;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;

/** Small connectors, well-behaved and not, to test the harness with. */
final class SampleConnectors {

    private SampleConnectors() {
    }

    /** Emits every FlightReservation of the structured data, keyed by booking and flight. */
    public static class Flights implements Connector {

        public Flights() {
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("flights", "1.0.0", SpiVersion.CURRENT, Set.of("FlightReservation"),
                    ReadScope.BODIES, "Finds flight bookings in airline confirmations.");
        }

        @Override
        public boolean interestedIn(EmailHeaders headers) {
            return !headers.fromDomain().equals("newsletter.example");
        }

        @Override
        public List<Finding> extract(Email email) {
            List<Finding> findings = new ArrayList<>();
            for (Map<String, Object> object : email.allStructuredData()) {
                if (JsonLd.isA(object, "FlightReservation")) {
                    String key = FindingKey.of("FlightReservation", JsonLd.text(object, "reservationNumber")
                            .orElse(null), JsonLd.text(object, "reservationFor", "flightNumber").orElse(null));
                    findings.add(new Finding("FlightReservation", key, object));
                }
            }
            return findings;
        }
    }

    /** Reads headers only; records what it was given. */
    static final class Senders implements Connector {

        volatile Email lastSeen;

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("senders", "1.0.0", SpiVersion.CURRENT, Set.of("Organization"),
                    ReadScope.HEADERS, "Lists the companies that write to you.");
        }

        @Override
        public List<Finding> extract(Email email) {
            lastSeen = email;
            return List.of(new Finding("Organization", FindingKey.of(email.headers().fromDomain()),
                    Map.of("url", "https://" + email.headers().fromDomain())));
        }
    }

    /** Breaks the contract in a configurable way. */
    static final class Misbehaving implements Connector {

        private final String type;
        private final Map<String, Object> data;
        private final boolean sameKeyTwice;
        private final boolean keyChangesEachRun;
        private final AtomicInteger runs = new AtomicInteger();

        Misbehaving(String type, Map<String, Object> data, boolean sameKeyTwice, boolean keyChangesEachRun) {
            this.type = type;
            this.data = data;
            this.sameKeyTwice = sameKeyTwice;
            this.keyChangesEachRun = keyChangesEachRun;
        }

        static Misbehaving emitting(String type, Map<String, Object> data) {
            return new Misbehaving(type, data, false, false);
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("misbehaving", "0.1.0", SpiVersion.CURRENT, Set.of("Order"),
                    ReadScope.BODIES, "Breaks rules for the tests.");
        }

        @Override
        public List<Finding> extract(Email email) {
            String key = keyChangesEachRun ? "run-" + runs.incrementAndGet() : "fixed";
            Map<String, Object> copy = new LinkedHashMap<>(data);
            Finding finding = new Finding(type, key, copy);
            return sameKeyTwice ? List.of(finding, new Finding(type, key, copy)) : List.of(finding);
        }
    }
}
