package io.mailsift.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identity and declared behaviour of a connector.
 *
 * @param id           stable identifier, lower-case letters, digits and dashes (e.g. {@code travel}); findings are
 *                     stored under it, so it must never change
 * @param version      the connector's own version, free-form (e.g. {@code 1.2.0})
 * @param spiVersion   the SPI version it was built for, normally {@link SpiVersion#CURRENT}
 * @param findingTypes the schema.org types it emits (e.g. {@code FlightReservation})
 * @param reads        what it reads; shown to the user on the consent page
 * @param description  one sentence for the user: what it finds and why
 */
public record ConnectorDescriptor(
        String id, String version, SpiVersion spiVersion, Set<String> findingTypes, ReadScope reads,
        String description) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "connector id must be lower-case letters, digits and dashes (at most 63), was '" + id + "'");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(spiVersion, "spiVersion");
        findingTypes = Set.copyOf(findingTypes);
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(description, "description");
    }

    /**
     * The version of the connector whose class is given, for {@link #version()}: the {@code version} property of
     * the {@code connector.properties} resource in that class's package (let the build fill it in, e.g. with Maven
     * resource filtering: {@code version=@project.version@}), else the {@code Implementation-Version} of the
     * class's jar manifest.
     *
     * @throws IllegalStateException when neither gives a version: the connector was packaged without one
     */
    public static String versionOf(Class<?> connectorClass) {
        try (InputStream in = connectorClass.getResourceAsStream("connector.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector.properties of " + connectorClass.getName(), e);
        }
        String manifestVersion = connectorClass.getPackage().getImplementationVersion();
        if (manifestVersion != null && !manifestVersion.isBlank()) {
            return manifestVersion.strip();
        }
        throw new IllegalStateException("no version for " + connectorClass.getName() + ": put connector.properties "
                + "with a version property next to it, or an Implementation-Version in its jar's manifest");
    }
}
