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

/** Only the two {@link CountingConnector}s, so that a catch-up test knows every connector that ran. */
@TestConfiguration(proxyBeanMethods = false)
public class CatchupConnectors {

    private static final String SERVICES = "META-INF/services/" + Connector.class.getName();

    @Bean
    @Primary
    ConnectorRegistry catchupConnectorRegistry() {
        URL directory = Objects.requireNonNull(CatchupConnectors.class.getResource("/ingest-catchup-connectors/"));
        ClassLoader onlyOwnServices = new URLClassLoader(new URL[] {directory},
                CatchupConnectors.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return SERVICES.equals(name) ? findResources(name) : super.getResources(name);
            }
        };
        return ConnectorRegistry.discover(onlyOwnServices);
    }
}
