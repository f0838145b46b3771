package io.mailsift.registry;

import java.util.List;
import java.util.Set;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;

/** Connectors found through a services file on a class path (the ServiceLoader path, not a plugin jar). */
final class ClassPathConnectors {

    private ClassPathConnectors() {
    }

    public static final class Fine implements Connector {

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("cp-fine", "1.0", SpiVersion.CURRENT, Set.of("Order"), ReadScope.BODIES,
                    "fine");
        }

        @Override
        public List<Finding> extract(Email email) {
            return List.of();
        }
    }

    public static final class ThrowsInConstructor implements Connector {

        public ThrowsInConstructor() {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public ConnectorDescriptor descriptor() {
            throw new AssertionError("never reached");
        }

        @Override
        public List<Finding> extract(Email email) {
            return List.of();
        }
    }

    public static final class NewerMinor implements Connector {

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("cp-newer", "1.0",
                    new SpiVersion(SpiVersion.CURRENT.major(), SpiVersion.CURRENT.minor() + 1), Set.of("Order"),
                    ReadScope.BODIES, "needs a newer platform");
        }

        @Override
        public List<Finding> extract(Email email) {
            return List.of();
        }
    }
}
