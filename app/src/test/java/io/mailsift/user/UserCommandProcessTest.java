package io.mailsift.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code mailsift user add NAME --admin} as an operator runs it: its own JVM, the configured database, the password
 * on standard input; it creates the admin and exits without serving or watching anything.
 */
class UserCommandProcessTest {

    @Test
    void shouldAddAnAdminWithThePasswordFromStandardInputAndExit(@TempDir Path dir) throws Exception {
        TestPostgres.Connection connection = TestPostgres.newDatabase();
        DataSource database = new DriverManagerDataSource(connection.url(), connection.username(),
                connection.password());
        Path log = dir.resolve("user-add.log");

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.mailsift.MailsiftApplication", "user", "add", "root", "--admin",
                "--spring.datasource.url=" + connection.url(),
                "--spring.datasource.username=" + connection.username(),
                "--spring.datasource.password=" + connection.password(),
                "--mailsift.data-dir=" + dir.resolve("data"),
                "--mailsift.plugins-dir=" + dir.resolve("no-plugins"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().write("a long enough secret\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(exited).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("User 'root' (id ").doesNotContain("a long enough secret")
                .doesNotContain("Tomcat started");
        var root = JdbcClient.create(database).sql("SELECT password_hash, is_admin FROM users WHERE username = 'root'")
                .query().singleRow();
        assertThat(root).containsEntry("is_admin", true);
        assertThat(new PasswordHashing().passwordEncoder().matches("a long enough secret",
                (String) root.get("password_hash"))).isTrue();
    }
}
