package io.mailsift.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal access tokens for the REST API: 32 random bytes behind the recognisable prefix {@value #PREFIX} (so that
 * secret scanners and people spot a leaked one), shown once, stored only as their SHA-256 hash. A token is as strong
 * as a password but random, so a fast hash is enough: nobody can guess their way to a match.
 */
@Component
public class PersonalAccessTokens {

    /** Every token starts with this. */
    public static final String PREFIX = "msp_";
    private static final int RANDOM_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 6;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    PersonalAccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A token as issued: {@code token} is the secret, shown to its owner this once and never again.
     */
    public record IssuedToken(long id, String name, String token, String prefix, Instant createdAt,
            @Nullable Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", name=" + name + ", prefix=" + prefix + "]";
        }
    }

    /** Whom a valid token authenticates. */
    public record TokenOwner(long userId, boolean admin) {
    }

    /** A token as listed: everything but the secret. */
    public record TokenSummary(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
            @Nullable Instant expiresAt, @Nullable Instant revokedAt) {
    }

    /** Issues a new token for a user; {@code expiresAt} {@code null} means it works until revoked. */
    public IssuedToken issue(long userId, String name, @Nullable Instant expiresAt) {
        String label = name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new IllegalArgumentException("a token name must have 1 to 100 characters");
        }
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, SHOWN_PREFIX_LENGTH);
        record Created(long id, Instant createdAt) {
        }
        Created created = jdbc.sql("""
                INSERT INTO personal_access_tokens (user_id, name, token_hash, token_prefix, expires_at)
                VALUES (:userId, :name, :hash, :prefix, :expiresAt)
                RETURNING id, created_at""")
                .param("userId", userId)
                .param("name", label)
                .param("hash", sha256(token))
                .param("prefix", prefix)
                .param("expiresAt", expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .query((row, n) -> new Created(row.getLong("id"), row.getTimestamp("created_at").toInstant()))
                .single();
        return new IssuedToken(created.id(), label, token, prefix, created.createdAt(), expiresAt);
    }

    /** A user's tokens, newest first, revoked ones included (marked). */
    public List<TokenSummary> list(long userId) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, created_at, last_used_at, expires_at, revoked_at
                FROM personal_access_tokens WHERE user_id = :userId ORDER BY created_at DESC, id DESC""")
                .param("userId", userId)
                .query(PersonalAccessTokens::summary)
                .list();
    }

    /** Revokes one of the user's own tokens; {@code false} when the user has no such token. */
    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("""
                UPDATE personal_access_tokens SET revoked_at = COALESCE(revoked_at, now())
                WHERE id = :id AND user_id = :userId""")
                .param("id", tokenId)
                .param("userId", userId)
                .update() == 1;
    }

    /**
     * The user a presented token belongs to, when the token is known, neither revoked nor expired, and its user is
     * not disabled; notes its use. Lookup is by hash, so no timing of string comparison reveals a token.
     */
    public Optional<TokenOwner> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        // last_used_at is written at most once a minute per token: a busy API client must not turn reads into
        // a stream of writes.
        return jdbc.sql("""
                WITH valid AS (
                    SELECT t.id, t.user_id, u.is_admin FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
                    WHERE t.token_hash = :hash AND t.revoked_at IS NULL
                      AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL),
                touched AS (
                    UPDATE personal_access_tokens t SET last_used_at = now() FROM valid
                    WHERE t.id = valid.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute'))
                SELECT user_id, is_admin FROM valid""")
                .param("hash", sha256(presented))
                .query((row, n) -> new TokenOwner(row.getLong("user_id"), row.getBoolean("is_admin")))
                .optional();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static TokenSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new TokenSummary(row.getLong("id"), row.getString("name"), row.getString("token_prefix"),
                row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("last_used_at")),
                instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
