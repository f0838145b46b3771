package io.mailsift.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir          the application's data directory; the database lives in {@code <data-dir>/postgres} and
 *                         survives restarts (default {@code ./data})
 * @param embeddedPostgres settings of the embedded server
 */
@ConfigurationProperties("mailsift")
record EmbeddedPostgresProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue EmbeddedPostgresSettings embeddedPostgres) {

    /**
     * @param port the TCP port on localhost; {@code 0} (the default) picks a free one, set a fixed one to connect
     *             with {@code psql} while the app runs
     */
    record EmbeddedPostgresSettings(@DefaultValue("0") int port) {

        EmbeddedPostgresSettings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "mailsift.embedded-postgres.port must be between 0 (any free port) and 65535, was " + port);
            }
        }
    }

    Path postgresDirectory() {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
    }
}
