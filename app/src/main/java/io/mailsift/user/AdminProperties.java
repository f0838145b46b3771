package io.mailsift.user;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created at start when missing: {@code mailsift.admin.username} with its password from
 * {@code mailsift.admin.password} (pass it as {@code MAILSIFT_ADMIN_PASSWORD}) or {@code mailsift.admin.password-file}
 * (e.g. a Docker secret). An existing password is never replaced, so the variable can stay set.
 *
 * @param username     the admin's user name; unset: no admin from configuration (use {@code mailsift user add})
 * @param password     the admin's password; only ever in memory, never logged
 * @param passwordFile a file holding the password (trailing newline ignored); wins over {@code password}
 */
@ConfigurationProperties("mailsift.admin")
public record AdminProperties(@Nullable String username, @Nullable String password, @Nullable Path passwordFile) {

    /** Masks the password: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (password == null ? "(none)" : "******")
                + ", passwordFile=" + passwordFile + "]";
    }
}
