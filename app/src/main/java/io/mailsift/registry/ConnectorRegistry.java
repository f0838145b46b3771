package io.mailsift.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.SpiVersion;

/**
 * The connectors this node can run, discovered with {@link ServiceLoader} on the application's class path and in
 * every jar of a plugins directory (one class loader per jar, so plugins cannot see each other).
 *
 * <p>A connector the platform cannot run is refused, never fatal: an SPI version this platform cannot run, an id
 * already taken, a constructor or {@code descriptor()} that throws, a jar that cannot be read or whose services file
 * names a missing class. Each refusal is logged once at WARNING, naming the connector, where it came from, the SPI
 * version it was built for and the platform's, and is kept in {@link #rejected()}.
 *
 * <p>Free of Spring so that the offline {@code scan} command uses the same discovery as the service. Immutable and
 * thread-safe once built.
 */
public final class ConnectorRegistry {

    static final String SERVICES_FILE = "META-INF/services/" + Connector.class.getName();
    static final String CLASS_PATH = "class path";

    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");
    private static final System.Logger LOG = System.getLogger(ConnectorRegistry.class.getName());

    private final List<RegisteredConnector> registered;
    private final List<RejectedConnector> rejected;

    private ConnectorRegistry(List<RegisteredConnector> registered, List<RejectedConnector> rejected) {
        this.registered = registered.stream().sorted(Comparator.comparing(RegisteredConnector::id)).toList();
        this.rejected = List.copyOf(rejected);
    }

    /** Discovers connectors on the given class loader only (no plugins directory). */
    public static ConnectorRegistry discover(ClassLoader classLoader) {
        return load(classLoader, null);
    }

    /**
     * Discovers connectors on the given class loader, then in every {@code *.jar} of {@code pluginsDir} (in file-name
     * order, so that which of two duplicates wins does not depend on the file system). A missing plugins directory
     * is the same as an empty one.
     *
     * @param classLoader the application's class loader, also the parent of every plugin's class loader
     * @param pluginsDir  a directory of connector jars, or {@code null} for none
     */
    public static ConnectorRegistry load(ClassLoader classLoader, @Nullable Path pluginsDir) {
        Discovery discovery = new Discovery();
        discovery.fromClassPath(classLoader);
        if (pluginsDir != null) {
            for (Path jar : pluginJars(pluginsDir, discovery)) {
                discovery.fromJar(jar, classLoader);
            }
        }
        ConnectorRegistry registry = new ConnectorRegistry(List.copyOf(discovery.accepted.values()),
                discovery.rejected);
        LOG.log(Level.INFO, () -> "Connectors loaded: %s%s".formatted(
                registry.registered.isEmpty() ? "none" : String.join(", ", registry.registered.stream()
                        .map(r -> r.id() + " " + r.descriptor().version() + " (" + r.source() + ")").toList()),
                registry.rejected.isEmpty() ? "" : "; refused: " + registry.rejected.size()));
        return registry;
    }

    /** The loaded connectors, in a stable order (by id). */
    public List<Connector> connectors() {
        return registered.stream().map(RegisteredConnector::connector).toList();
    }

    /** The loaded connectors with their descriptor (read once, at load) and origin, in a stable order (by id). */
    public List<RegisteredConnector> registered() {
        return registered;
    }

    /** The connector with this id, if one was loaded. */
    public Optional<Connector> find(String id) {
        return registered.stream().filter(r -> r.id().equals(id)).map(RegisteredConnector::connector).findFirst();
    }

    /** The connectors (or plugin jars) that were refused, in discovery order. */
    public List<RejectedConnector> rejected() {
        return rejected;
    }

    private static List<Path> pluginJars(Path pluginsDir, Discovery discovery) {
        if (!Files.exists(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            discovery.reject(pluginsDir.toString(), "?", null, "plugins directory cannot be listed: " + e);
            return List.of();
        }
    }

    /** A connector this node runs: its descriptor, read once, and where it was loaded from. */
    public record RegisteredConnector(Connector connector, ConnectorDescriptor descriptor, String source) {

        public String id() {
            return descriptor.id();
        }
    }

    /**
     * A connector, or a whole plugin jar, that was refused.
     *
     * @param source    {@code class path} or the path of the plugin jar
     * @param connector the connector's id when known, else its class name, else {@code ?}
     * @param reason    why, in words an operator can act on
     */
    public record RejectedConnector(String source, String connector, String reason) {
    }

    /** Mutable state of one load; not shared. */
    private static final class Discovery {

        private final Map<String, RegisteredConnector> accepted = new LinkedHashMap<>();
        private final List<RejectedConnector> rejected = new ArrayList<>();

        void fromClassPath(ClassLoader classLoader) {
            Iterator<Connector> providers = ServiceLoader.load(Connector.class, classLoader).iterator();
            // ServiceLoader reports a bad entry from next() and then moves on to the following entry; the bound
            // only protects against a class loader that keeps failing on the same resource.
            int failures = 0;
            while (failures < 1000) {
                Connector connector;
                try {
                    if (!providers.hasNext()) {
                        return;
                    }
                    connector = providers.next();
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    failures++;
                    reject(CLASS_PATH, providerIn(e), null, "cannot be instantiated: " + rootMessage(e));
                    continue;
                }
                admit(connector, CLASS_PATH);
            }
        }

        void fromJar(Path jar, ClassLoader parent) {
            String source = jar.toString();
            List<String> classNames;
            try (JarFile file = new JarFile(jar.toFile())) {
                var entry = file.getJarEntry(SERVICES_FILE);
                if (entry == null) {
                    reject(source, "?", null, "jar declares no connector (no " + SERVICES_FILE + ")");
                    return;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    classNames = providerNames(in);
                }
            } catch (IOException | RuntimeException e) {
                reject(source, "?", null, "not a readable jar: " + rootMessage(e));
                return;
            }
            URLClassLoader loader;
            try {
                loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
            } catch (MalformedURLException e) {
                reject(source, "?", null, "not a readable jar: " + e);
                return;
            }
            // Read this jar's own services file rather than ServiceLoader's view, which would also list (and
            // instantiate again) every connector of the parent class path.
            boolean kept = false;
            for (String className : classNames) {
                Optional<Connector> connector = instantiate(className, loader, source);
                kept |= connector.isPresent() && admit(connector.get(), source);
            }
            if (!kept) {
                closeQuietly(loader);
            }
        }

        private static void closeQuietly(URLClassLoader loader) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Cannot close class loader " + loader.getName(), e);
            }
        }

        private Optional<Connector> instantiate(String className, ClassLoader loader, String source) {
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (!Connector.class.isAssignableFrom(type)) {
                    reject(source, className, null, "does not implement " + Connector.class.getName());
                    return Optional.empty();
                }
                return Optional.of((Connector) type.getConstructor().newInstance());
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                reject(source, className, null, "class not found: " + rootMessage(e));
            } catch (NoSuchMethodException e) {
                reject(source, className, null, "has no public no-argument constructor");
            } catch (InvocationTargetException e) {
                reject(source, className, null, "constructor threw " + rootMessage(e.getCause()));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                reject(source, className, null, "cannot be instantiated: " + rootMessage(e));
            }
            return Optional.empty();
        }

        /** Registers the connector unless it must be refused; returns whether it was registered. */
        private boolean admit(Connector connector, String source) {
            String className = connector.getClass().getName();
            ConnectorDescriptor descriptor;
            try {
                descriptor = connector.descriptor();
            } catch (RuntimeException | LinkageError e) {
                reject(source, className, null, "descriptor() threw " + rootMessage(e));
                return false;
            }
            if (descriptor == null) {
                reject(source, className, null, "descriptor() returned null");
                return false;
            }
            if (!SpiVersion.CURRENT.canRun(descriptor.spiVersion())) {
                reject(source, descriptor.id(), descriptor.spiVersion(), "incompatible SPI version");
                return false;
            }
            RegisteredConnector earlier = accepted.get(descriptor.id());
            if (earlier != null) {
                reject(source, descriptor.id(), descriptor.spiVersion(),
                        "duplicate id, already loaded from " + earlier.source());
                return false;
            }
            accepted.put(descriptor.id(), new RegisteredConnector(connector, descriptor, source));
            LOG.log(Level.DEBUG, () -> "Loaded connector '%s' %s from %s".formatted(
                    descriptor.id(), descriptor.version(), source));
            return true;
        }

        void reject(String source, String connector, @Nullable SpiVersion builtFor, String reason) {
            RejectedConnector rejection = new RejectedConnector(source, connector, reason);
            rejected.add(rejection);
            LOG.log(Level.WARNING, "Refused connector '%s' from %s: %s (built for SPI %s, platform runs SPI %s)"
                    .formatted(connector, source, reason, builtFor == null ? "unknown" : builtFor,
                            SpiVersion.CURRENT));
        }
    }

    /** Provider class names of a services file: one per line, {@code #} starts a comment. */
    static List<String> providerNames(InputStream servicesFile) throws IOException {
        List<String> names = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(servicesFile, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** The provider class a ServiceLoader error names ("... Provider a.b.C not found"), or {@code ?}. */
    private static String providerIn(Throwable e) {
        Matcher provider = PROVIDER.matcher(String.valueOf(e.getMessage()));
        return provider.find() ? provider.group(1) : "?";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getMessage() + " (caused by " + root + ")";
    }
}
