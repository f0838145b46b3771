package io.mailsift.registry;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's connectors: those on the class path plus the jars in {@code mailsift.plugins-dir} (default
 * {@code ./plugins}; a missing directory just means no plugins). Refused connectors are logged by the registry.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

    @Bean
    ConnectorRegistry connectorRegistry(@Value("${mailsift.plugins-dir:./plugins}") Path pluginsDir) {
        log.info("Loading connectors from the class path and from {}{}", pluginsDir.toAbsolutePath(),
                Files.isDirectory(pluginsDir) ? "" : " (no such directory: no plugins)");
        return ConnectorRegistry.load(RegistryConfiguration.class.getClassLoader(), pluginsDir);
    }
}
