package io.mailsift.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Embedded by default: when no {@code spring.datasource.url} is configured, a real PostgreSQL is started in-process
 * with its data under {@code <mailsift.data-dir>/postgres}, so a newcomer needs nothing installed and the findings
 * survive a restart. Flyway then migrates it like any other database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path directory = properties.postgresDirectory();
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // Keep the cluster: zonky would otherwise wipe it, and with it every finding, on each start.
                    .setCleanDataDirectory(false)
                    .setPort(properties.embeddedPostgres().port())
                    // zonky's test defaults trade durability for speed (-F, synchronous_commit=off); these are real.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL in " + directory + " did not start (" + e
                    + "). Is another Mailsift using this data directory? Set mailsift.data-dir to another directory,"
                    + " or spring.datasource.url to use your own PostgreSQL.", e);
        }
        log.info("Embedded PostgreSQL on localhost:{} with data in {} (set spring.datasource.url to use your own)",
                postgres.getPort(), directory);
        return postgres;
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    /**
     * A server left running by an app that was killed (its child process survives it) would keep the cluster locked:
     * ask it to shut down, as a clean stop would have.
     */
    private static void stopOrphanedServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        long pid;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(process -> {
                    log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, directory);
                    process.destroy();
                    try {
                        process.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        log.warn("PostgreSQL (pid {}) did not stop: {}", pid, e.toString());
                    }
                });
    }

    /** Matches when {@code spring.datasource.url} is absent or blank. */
    static final class NoDataSourceConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
