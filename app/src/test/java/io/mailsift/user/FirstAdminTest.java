package io.mailsift.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first admin from configuration: created once, with a hashed password that is never logged or replaced. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    private static final JdbcClient jdbc = JdbcClient.create(TestPostgres.newMigratedDatabase());
    private static final PasswordEncoder passwords = new PasswordHashing().passwordEncoder();
    private final Users users = new Users(jdbc, passwords);

    @Test
    void shouldCreateTheAdminFromAPasswordFileWithoutLoggingThePassword(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        Path file = Files.writeString(dir.resolve("admin-password"), "correct horse battery staple\n");

        new FirstAdmin(new AdminProperties("root", null, file), users).run(new DefaultApplicationArguments());

        UserAccount root = users.findByUsername("root").orElseThrow();
        assertThat(root.admin()).isTrue();
        assertThat(passwords.matches("correct horse battery staple", root.passwordHash())).isTrue();
        assertThat(output.getAll()).contains("Admin 'root' created").doesNotContain("correct horse");
        assertThat(new AdminProperties("root", "correct horse battery staple", null).toString())
                .doesNotContain("correct horse");
    }

    @Test
    void shouldNeverReplaceAnExistingPassword() {
        new FirstAdmin(new AdminProperties("keeper", "first password here", null), users)
                .run(new DefaultApplicationArguments());
        new FirstAdmin(new AdminProperties("keeper", "second password here", null), users)
                .run(new DefaultApplicationArguments());

        String hash = users.findByUsername("keeper").orElseThrow().passwordHash();
        assertThat(passwords.matches("first password here", hash)).isTrue();
        assertThat(hash).startsWith("{argon2}$argon2id$");
    }

    @Test
    void shouldGiveThePasswordToTheOwnerOfConfiguredAccountsCreatedBeforeIt() {
        long owner = jdbc.sql("INSERT INTO users (username) VALUES ('ops') RETURNING id").query(Long.class).single();

        new FirstAdmin(new AdminProperties("ops", "operations password", null), users)
                .run(new DefaultApplicationArguments());

        UserAccount ops = users.findByUsername("ops").orElseThrow();
        assertThat(ops.id()).isEqualTo(owner);
        assertThat(ops.admin()).isTrue();
    }

    @Test
    void shouldStopTheStartWhenTheAdminHasNoPassword() {
        FirstAdmin missing = new FirstAdmin(new AdminProperties("nopass", null, null), users);

        assertThatThrownBy(() -> missing.run(new DefaultApplicationArguments()))
                .hasMessageContaining("MAILSIFT_ADMIN_PASSWORD");
    }

    @Test
    void shouldRefuseAShortPassword() {
        assertThatThrownBy(() -> users.createLocal("shorty", "short", false))
                .isInstanceOf(Users.UserCreationException.class).hasMessageContaining("at least 12");
    }
}
