package io.mailsift.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The users table: local users with a password, Microsoft identities, and owners of configured accounts. */
@Component
public class Users {

    /** Shortest password accepted for a local user. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final String SELECT = """
            SELECT id, username, display_name, password_hash, is_admin, disabled_at IS NOT NULL AS disabled
            FROM users""";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** What went wrong creating a user, in words for the person who asked. */
    public static final class UserCreationException extends RuntimeException {

        UserCreationException(String message) {
            super(message);
        }
    }

    /**
     * Creates a local user with a password, or gives a password to an existing user that has none (such as the owner
     * of configured accounts, created before anyone could sign in). Never replaces an existing password.
     *
     * @return the user's id
     * @throws UserCreationException when the name is taken by a user with a password, or the password is too short
     */
    @Transactional
    public long createLocal(String username, String password, boolean admin) {
        String name = username.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new UserCreationException("a user name must have 1 to 100 printable characters");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserCreationException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Optional<UserAccount> existing = findByUsername(name);
        if (existing.isPresent() && existing.get().passwordHash() != null) {
            throw new UserCreationException("user '" + name + "' already exists and has a password");
        }
        return jdbc.sql("""
                INSERT INTO users (username, password_hash, is_admin) VALUES (:username, :hash, :admin)
                ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
                    is_admin = users.is_admin OR excluded.is_admin
                RETURNING id""")
                .param("username", name)
                .param("hash", passwords.encode(password))
                .param("admin", admin)
                .query(Long.class)
                .single();
    }

    /** The user of that name, with or without a password. */
    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :username").param("username", username).query(Users::map)
                .optional();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Users::map).optional();
    }

    /**
     * The user signed in with this OpenID Connect identity, created on first sign-in. Users are matched only by
     * (issuer, subject), never by e-mail address: an address is not proof of owning an existing local user.
     *
     * @param preferredName a name to show and to derive the user name from (e-mail or preferred_username)
     */
    @Transactional
    public UserAccount signInWithOidc(String issuer, String subject, @Nullable String preferredName,
            @Nullable String email) {
        String base = preferredName == null || preferredName.isBlank() ? "user" : preferredName.strip();
        base = base.length() > 80 ? base.substring(0, 80) : base;
        // A user name is unique: a second person with the same address at another issuer gets a suffix. A
        // concurrent first sign-in of the same identity makes the insert do nothing; the next round finds it.
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<UserAccount> known = jdbc.sql(SELECT + " WHERE oidc_issuer = :issuer AND oidc_subject = :subject")
                    .param("issuer", issuer).param("subject", subject).query(Users::map).optional();
            if (known.isPresent()) {
                return known.get();
            }
            String username = attempt == 0 ? base : base + "-" + (attempt + 1);
            Optional<Long> id = jdbc.sql("""
                    INSERT INTO users (username, display_name, email, oidc_issuer, oidc_subject)
                    VALUES (:username, :displayName, :email, :issuer, :subject)
                    ON CONFLICT DO NOTHING
                    RETURNING id""")
                    .param("username", username)
                    .param("displayName", preferredName)
                    .param("email", email)
                    .param("issuer", issuer)
                    .param("subject", subject)
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                return findById(id.get()).orElseThrow();
            }
        }
        throw new IllegalStateException("no free user name for '" + base + "' after 100 attempts");
    }

    /** Notes a successful sign-in (shown to operators; helps spot unused accounts). */
    public void recordSignIn(long userId) {
        jdbc.sql("UPDATE users SET last_sign_in_at = now() WHERE id = :id").param("id", userId).update();
    }

    private static UserAccount map(ResultSet row, int rowNumber) throws SQLException {
        return new UserAccount(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                row.getString("password_hash"), row.getBoolean("is_admin"), row.getBoolean("disabled"));
    }
}
