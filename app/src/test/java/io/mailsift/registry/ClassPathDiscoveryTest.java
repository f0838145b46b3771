package io.mailsift.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailsift.registry.ConnectorRegistry.RegisteredConnector;
import io.mailsift.registry.ConnectorRegistry.RejectedConnector;

class ClassPathDiscoveryTest {

    @Test
    void shouldSkipBrokenClassPathEntriesAndKeepTheRest(@TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.mailsift.connector.Connector"), String.join("\n",
                "# a comment, then entries",
                "io.mailsift.registry.NoSuchConnector",
                ClassPathConnectors.ThrowsInConstructor.class.getName(),
                ClassPathConnectors.NewerMinor.class.getName(),
                ClassPathConnectors.Fine.class.getName() + "  # trailing comment"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            ConnectorRegistry registry = ConnectorRegistry.discover(loader);

            assertThat(registry.registered()).extracting(RegisteredConnector::id).contains("cp-fine")
                    .doesNotContain("cp-newer");
            assertThat(registry.find("cp-fine")).isPresent();
            assertThat(registry.rejected()).extracting(RejectedConnector::source).containsOnly("class path");
            assertThat(registry.rejected()).extracting(RejectedConnector::connector).containsExactly(
                    "io.mailsift.registry.NoSuchConnector", ClassPathConnectors.ThrowsInConstructor.class.getName(),
                    "cp-newer");
            assertThat(registry.rejected()).extracting(RejectedConnector::reason)
                    .anySatisfy(reason -> assertThat(reason).contains("NoSuchConnector"))
                    .anySatisfy(reason -> assertThat(reason).contains("ThrowsInConstructor", "cannot start"))
                    .contains("incompatible SPI version");
        }
    }
}
