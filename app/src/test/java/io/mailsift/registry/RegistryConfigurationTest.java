package io.mailsift.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The service loads the built-in connectors plus the jars in {@code mailsift.plugins-dir}. */
class RegistryConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RegistryConfiguration.class);

    @Test
    void shouldLoadPluginJarsFromThePluginsDirectory(@TempDir Path plugins) throws Exception {
        PluginJar.connector("third-party", "1.0").writeTo(plugins.resolve("third-party.jar"));
        PluginJar.connector("from-the-future", "2.0").writeTo(plugins.resolve("future.jar"));

        context.withPropertyValues("mailsift.plugins-dir=" + plugins).run(app -> {
            ConnectorRegistry registry = app.getBean(ConnectorRegistry.class);
            assertThat(registry.find("third-party")).isPresent();
            assertThat(registry.find("travel")).isPresent();
            assertThat(registry.find("purchases")).isPresent();
            assertThat(registry.rejected()).singleElement()
                    .satisfies(r -> {
                        assertThat(r.connector()).isEqualTo("from-the-future");
                        assertThat(r.reason()).contains("incompatible SPI version");
                    });
        });
    }

    @Test
    void shouldStartWithBuiltInConnectorsWhenThePluginsDirectoryIsMissing(@TempDir Path dir) {
        context.withPropertyValues("mailsift.plugins-dir=" + dir.resolve("absent")).run(app ->
                assertThat(app.getBean(ConnectorRegistry.class).connectors()).extracting(c -> c.descriptor().id())
                        .contains("travel", "purchases"));
    }
}
