package io.mailsift.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code mailsift secrets rekey} as an operator runs it: its own JVM, the configured database, keys from the
 * environment; it moves every secret to the active key and exits without serving or watching anything.
 */
class RekeyCommandProcessTest {

    @Test
    void shouldMoveEverySecretToTheActiveKeyAndExit(@TempDir Path dir) throws Exception {
        TestPostgres.Connection connection = TestPostgres.newDatabase();
        DataSource database = new DriverManagerDataSource(connection.url(), connection.username(),
                connection.password());
        org.flywaydb.core.Flyway.configure().dataSource(database).locations("classpath:db/migration").load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        String old = SecretKeyRing.newKeyLine("old");
        String current = SecretKeyRing.newKeyLine("new");
        long user = jdbc.sql("INSERT INTO users (username) VALUES ('rekey') RETURNING id").query(Long.class).single();
        long account = jdbc.sql("INSERT INTO mail_accounts (user_id, name, host, port, security, username, source)"
                + " VALUES (?, 'home', 'imap.example.org', 993, 'tls', 'u', 'user') RETURNING id").param(user)
                .query(Long.class).single();
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(database));
        new AccountSecrets(jdbc, new SecretCipher(SecretKeyRing.parse(old, null, "test")), transactions)
                .put(account, SecretKind.IMAP_PASSWORD, "app password", null);
        Path log = dir.resolve("rekey.log");

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.mailsift.MailsiftApplication", "secrets", "rekey",
                "--spring.datasource.url=" + connection.url(),
                "--spring.datasource.username=" + connection.username(),
                "--spring.datasource.password=" + connection.password(),
                "--mailsift.data-dir=" + dir.resolve("data"),
                "--mailsift.plugins-dir=" + dir.resolve("no-plugins"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MAILSIFT_SECRETS_KEYS", old + "," + current);
        builder.environment().put("MAILSIFT_SECRETS_ACTIVE_KEY", "new");
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(exited).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Re-encrypted 1 of 1 secrets under the active key; 0 left under other keys.")
                .doesNotContain("app password").doesNotContain(current.substring(4)).doesNotContain("Tomcat started");
        assertThat(new AccountSecrets(jdbc, new SecretCipher(SecretKeyRing.parse(current, null, "test")), transactions)
                .get(account, SecretKind.IMAP_PASSWORD)).map(StoredSecret::value).hasValue("app password");
    }
}
