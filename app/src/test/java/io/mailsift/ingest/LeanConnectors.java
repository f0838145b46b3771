package io.mailsift.ingest;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.Objects;

import io.mailsift.connector.Connector;
import io.mailsift.registry.ConnectorRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Only {@link SubjectConnector} (headers) and {@link BodyConnector} (bodies, for subjects starting "body:"): the
 * built-in connectors, which read every body, are hidden, so a test can tell which bodies ingestion fetched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LeanConnectors {

    private static final String SERVICES = "META-INF/services/" + Connector.class.getName();

    @Bean
    @Primary
    ConnectorRegistry leanConnectorRegistry() {
        URL directory = Objects.requireNonNull(LeanConnectors.class.getResource("/ingest-lean-connectors/"));
        ClassLoader onlyOwnServices = new URLClassLoader(new URL[] {directory}, LeanConnectors.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                // The parent's service files would add every connector on the test class path.
                return SERVICES.equals(name) ? findResources(name) : super.getResources(name);
            }
        };
        return ConnectorRegistry.discover(onlyOwnServices);
    }
}
