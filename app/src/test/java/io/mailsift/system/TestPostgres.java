package io.mailsift.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server per test JVM, with a fresh database for each Spring context or test that asks: a
 * Testcontainers PostgreSQL when Docker is available, otherwise an embedded one (zonky, real PostgreSQL binaries).
 * Tests run against the real database either way, pay the server's start-up once, and never see each other's rows.
 */
public final class TestPostgres {

    /** How to connect to one database. */
    public record Connection(String url, String username, String password) {
    }

    /** The server: how to reach a database on it by name. */
    private record Server(String urlPrefix, String urlSuffix, String username, String password) {

        Connection database(String name) {
            return new Connection(urlPrefix + name + urlSuffix, username, password);
        }
    }

    private static final AtomicInteger databases = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** Creates an empty database (the server starts on first use and stops when the JVM exits). */
    public static Connection newDatabase() {
        Server server = server();
        String name = "mailsift_test_" + databases.incrementAndGet();
        Connection admin = server.database("postgres");
        try (java.sql.Connection connection = new DriverManagerDataSource(admin.url(), admin.username(),
                admin.password()).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server.database(name);
    }

    /** A new database with the app's migrations applied, for tests without Spring. */
    public static DataSource newMigratedDatabase() {
        Connection c = newDatabase();
        DataSource dataSource = new DriverManagerDataSource(c.url(), c.username(), c.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static synchronized Server server() {
        if (server == null) {
            server = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return server;
    }

    private static boolean dockerAvailable() {
        // Ask Testcontainers only when there is a Docker endpoint at all: its probe logs an ERROR otherwise.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))
                && !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static Server startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Server("jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/", "",
                container.getUsername(), container.getPassword());
    }

    private static Server startEmbedded() {
        try {
            // zonky registers a shutdown hook that stops the server and removes its temporary data directory.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }
}
