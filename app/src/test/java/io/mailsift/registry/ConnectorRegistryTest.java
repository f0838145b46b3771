package io.mailsift.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailsift.connector.SpiVersion;
import io.mailsift.registry.ConnectorRegistry.RegisteredConnector;
import io.mailsift.registry.ConnectorRegistry.RejectedConnector;

class ConnectorRegistryTest {

    @TempDir
    static Path plugins;

    private static Path good;
    private static Path future;
    private static Path ancient;
    private static Path missingClass;
    private static Path corrupt;
    private static Path duplicate;
    private static Path throwing;
    private static Path another;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger registryLogger = Logger.getLogger(ConnectorRegistry.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void buildPlugins() throws IOException {
        // Names chosen so that file-name order is the load order the duplicate test relies on.
        good = PluginJar.connector("good", "1.0").writeTo(plugins.resolve("a-good.jar"));
        another = PluginJar.connector("another", "1.0").writeTo(plugins.resolve("b-another.jar"));
        future = PluginJar.connector("future", "2.0").writeTo(plugins.resolve("c-future.jar"));
        ancient = PluginJar.connector("ancient", "0.9").writeTo(plugins.resolve("d-ancient.jar"));
        missingClass = new PluginJar().withServiceEntry("plugin.gone.NoSuchConnector")
                .writeTo(plugins.resolve("e-missing-class.jar"));
        corrupt = Files.writeString(plugins.resolve("f-corrupt.jar"), "this is not a zip file");
        duplicate = new PluginJar().withConnector("plugin.copy", "TestConnector", "good", "1.0", "", "")
                .writeTo(plugins.resolve("g-duplicate.jar"));
        throwing = new PluginJar()
                .withConnector("plugin.ctor", "TestConnector", "bad-ctor", "1.0",
                        "throw new IllegalStateException(\"no config\");", "")
                .withConnector("plugin.desc", "TestConnector", "bad-descriptor", "1.0", "",
                        "if (true) throw new UnsupportedOperationException(\"not ready\");")
                .withConnector("plugin.fine", "TestConnector", "fine", "1.0", "", "")
                .writeTo(plugins.resolve("h-throwing.jar"));
        Files.writeString(plugins.resolve("notes.txt"), "not a jar, ignored");
    }

    @BeforeEach
    void captureLog() {
        registryLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        registryLogger.removeHandler(capture);
    }

    private ConnectorRegistry registry() {
        return ConnectorRegistry.load(getClass().getClassLoader(), plugins);
    }

    @Test
    void shouldLoadCompatibleConnectorsFromPluginJarsSortedById() {
        ConnectorRegistry registry = registry();

        assertThat(registry.registered()).extracting(RegisteredConnector::id, RegisteredConnector::source)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("another", another.toString()),
                        org.assertj.core.groups.Tuple.tuple("fine", throwing.toString()),
                        org.assertj.core.groups.Tuple.tuple("good", good.toString()));
        List<String> ids = registry.registered().stream().map(RegisteredConnector::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates()
                .doesNotContain("future", "ancient", "bad-ctor", "bad-descriptor");
        assertThat(registry.connectors()).hasSameSizeAs(ids);
    }

    @Test
    void shouldGiveEachPluginItsOwnClassLoaderUnderTheApplicationLoader() {
        ConnectorRegistry registry = registry();

        ClassLoader goodLoader = registry.find("good").orElseThrow().getClass().getClassLoader();
        ClassLoader anotherLoader = registry.find("another").orElseThrow().getClass().getClassLoader();
        assertThat(goodLoader).isNotSameAs(anotherLoader).isNotSameAs(getClass().getClassLoader());
        assertThat(goodLoader.getParent()).isSameAs(getClass().getClassLoader());
    }

    @Test
    void shouldFindConnectorById() {
        ConnectorRegistry registry = registry();

        assertThat(registry.find("good")).get()
                .satisfies(c -> assertThat(c.descriptor().id()).isEqualTo("good"));
        assertThat(registry.find("future")).isEmpty();
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void shouldRefuseConnectorsBuiltForAnSpiVersionThePlatformCannotRun() {
        ConnectorRegistry registry = registry();

        assertThat(registry.rejected()).contains(
                new RejectedConnector(future.toString(), "future", "incompatible SPI version"),
                new RejectedConnector(ancient.toString(), "ancient", "incompatible SPI version"));
        assertThat(warnings()).anySatisfy(line -> assertThat(line)
                .contains("'future'", future.toString(), "built for SPI 2.0", "platform runs SPI " + SpiVersion.CURRENT));
        assertThat(warnings()).anySatisfy(line -> assertThat(line)
                .contains("'ancient'", ancient.toString(), "built for SPI 0.9", "platform runs SPI 1.0"));
    }

    @Test
    void shouldRefuseASecondConnectorWithAnIdAlreadyTaken() {
        ConnectorRegistry registry = registry();

        assertThat(registry.find("good").orElseThrow().getClass().getName()).isEqualTo("plugin.good.TestConnector");
        assertThat(registry.rejected()).contains(new RejectedConnector(
                duplicate.toString(), "good", "duplicate id, already loaded from " + good));
    }

    @Test
    void shouldRefuseConnectorsWhoseConstructorOrDescriptorThrowsAndKeepTheRestOfTheJar() {
        ConnectorRegistry registry = registry();

        assertThat(registry.rejected()).filteredOn(r -> r.source().equals(throwing.toString()))
                .extracting(RejectedConnector::connector)
                .containsExactly("plugin.ctor.TestConnector", "plugin.desc.TestConnector");
        assertThat(registry.rejected()).filteredOn(r -> r.connector().equals("plugin.ctor.TestConnector"))
                .singleElement().satisfies(r -> assertThat(r.reason()).startsWith("constructor threw")
                        .contains("no config"));
        assertThat(registry.rejected()).filteredOn(r -> r.connector().equals("plugin.desc.TestConnector"))
                .singleElement().satisfies(r -> assertThat(r.reason()).startsWith("descriptor() threw")
                        .contains("not ready"));
        assertThat(registry.find("fine")).isPresent();
    }

    @Test
    void shouldRefuseAServicesEntryNamingAMissingClass() {
        ConnectorRegistry registry = registry();

        assertThat(registry.rejected()).filteredOn(r -> r.source().equals(missingClass.toString()))
                .singleElement().satisfies(r -> {
                    assertThat(r.connector()).isEqualTo("plugin.gone.NoSuchConnector");
                    assertThat(r.reason()).startsWith("class not found");
                });
    }

    @Test
    void shouldRefuseACorruptJarWithoutFailingTheOthers() {
        ConnectorRegistry registry = registry();

        assertThat(registry.rejected()).filteredOn(r -> r.source().equals(corrupt.toString()))
                .singleElement().satisfies(r -> assertThat(r.reason()).startsWith("not a readable jar"));
        assertThat(registry.find("good")).isPresent();
    }

    @Test
    void shouldLogOneWarningLinePerRefusal() {
        ConnectorRegistry registry = registry();

        assertThat(warnings()).hasSize(registry.rejected().size()).allSatisfy(line -> assertThat(line)
                .startsWith("Refused connector").doesNotContain("\n").contains("platform runs SPI 1.0"));
        assertThat(registry.rejected()).extracting(RejectedConnector::source)
                .doesNotContain(plugins.resolve("notes.txt").toString());
    }

    @Test
    void shouldTreatAMissingPluginsDirectoryAsEmpty() {
        ConnectorRegistry withMissing = ConnectorRegistry.load(getClass().getClassLoader(), plugins.resolve("none"));
        ConnectorRegistry classPathOnly = ConnectorRegistry.discover(getClass().getClassLoader());

        assertThat(withMissing.rejected()).isEmpty();
        assertThat(withMissing.registered()).extracting(RegisteredConnector::id)
                .isEqualTo(classPathOnly.registered().stream().map(RegisteredConnector::id).toList());
        assertThat(classPathOnly.registered()).allSatisfy(r -> assertThat(r.source()).isEqualTo("class path"));
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }
}
