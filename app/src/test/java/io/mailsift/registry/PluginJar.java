package io.mailsift.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.mailsift.connector.Connector;

/** Builds real plugin jars in tests: compiles connector sources against the SPI and packs them with a services file. */
final class PluginJar {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();

    /** A plugin with one connector class {@code plugin.<id>.TestConnector} built for the given SPI version. */
    static PluginJar connector(String id, String spiVersion) {
        return new PluginJar().withConnector("plugin." + id.replace('-', '_'), "TestConnector", id, spiVersion, "", "");
    }

    PluginJar withConnector(String pkg, String simpleName, String id, String spiVersion, String constructorBody,
            String descriptorPrelude) {
        String source = """
                package %1$s;

                import java.util.List;
                import java.util.Set;
                import io.mailsift.connector.*;

                public class %2$s implements Connector {
                    public %2$s() { %5$s }
                    @Override public ConnectorDescriptor descriptor() {
                        %6$s
                        return new ConnectorDescriptor("%3$s", "1.0.0", SpiVersion.parse("%4$s"), Set.of("Order"),
                                ReadScope.BODIES, "test connector %3$s");
                    }
                    @Override public List<Finding> extract(Email email) { return List.of(); }
                }
                """.formatted(pkg, simpleName, id, spiVersion, constructorBody, descriptorPrelude);
        sources.put(pkg + "." + simpleName, source);
        services.add(pkg + "." + simpleName);
        return this;
    }

    /** Adds a services-file line without a class behind it. */
    PluginJar withServiceEntry(String line) {
        services.add(line);
        return this;
    }

    Path writeTo(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-build");
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", spiClassPath(),
                "-proc:none", "-nowarn"));
        for (var entry : sources.entrySet()) {
            Path file = src.resolve(entry.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter diagnostics = new StringWriter();
            int status = javac.run(null, null, new java.io.PrintStream(OutputStream.nullOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) {
                    diagnostics.write(new String(b, off, len, StandardCharsets.UTF_8));
                }
            }, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("plugin did not compile:\n" + diagnostics);
            }
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(ConnectorRegistry.SERVICES_FILE));
            out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Where the SPI classes are: a plugin is compiled against connector-api only, as a real one would be. */
    private static String spiClassPath() {
        try {
            return Path.of(Connector.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
