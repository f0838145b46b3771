package io.mailsift.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import io.mailsift.connector.Connector;

/**
 * The connectors this node can run, discovered with {@link ServiceLoader}.
 * Free of Spring so that the offline {@code scan} command uses the same discovery as the service.
 */
public final class ConnectorRegistry {

    private final List<Connector> connectors;

    private ConnectorRegistry(List<Connector> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    /** Discovers connectors on the given class loader. */
    public static ConnectorRegistry discover(ClassLoader classLoader) {
        List<Connector> found = new ArrayList<>();
        ServiceLoader.load(Connector.class, classLoader).forEach(found::add);
        return new ConnectorRegistry(found);
    }

    /** The loaded connectors, in a stable order (by id). */
    public List<Connector> connectors() {
        return connectors;
    }
}
