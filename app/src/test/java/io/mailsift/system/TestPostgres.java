package io.mailsift.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL per test JVM, shared by every Spring test: a Testcontainers PostgreSQL when Docker is available,
 * otherwise an embedded one (zonky, real PostgreSQL binaries). Tests therefore run against the real database either
 * way, and pay its start-up once. Each test keeps its rows apart by using its own account names.
 */
public final class TestPostgres {

    /** How to connect. */
    public record Connection(String url, String username, String password) {
    }

    private static Connection connection;
    private static DataSource migrated;

    private TestPostgres() {
    }

    /** Starts the database on first use; it stops when the JVM exits. */
    public static synchronized Connection connection() {
        if (connection == null) {
            connection = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return connection;
    }

    /** A data source on the shared database with the app's migrations applied, for tests without Spring. */
    public static synchronized DataSource migratedDataSource() {
        if (migrated == null) {
            Connection c = connection();
            DataSource dataSource = new DriverManagerDataSource(c.url(), c.username(), c.password());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            migrated = dataSource;
        }
        return migrated;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static Connection startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Connection startEmbedded() {
        try {
            // zonky registers a shutdown hook that stops the server and removes its temporary data directory.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }
}
