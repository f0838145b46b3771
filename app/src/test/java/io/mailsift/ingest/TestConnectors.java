package io.mailsift.ingest;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Objects;

import io.mailsift.registry.ConnectorRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Adds the test connectors the way a plugin would come: their service file sits in a directory of its own, visible
 * only through this class loader, so no other test discovers them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConnectors {

    @Bean
    @Primary
    ConnectorRegistry testConnectorRegistry() {
        URL directory = Objects.requireNonNull(TestConnectors.class.getResource("/ingest-test-connectors/"));
        return ConnectorRegistry.discover(new URLClassLoader(new URL[] {directory},
                TestConnectors.class.getClassLoader()));
    }
}
