package io.mailsift.trip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret address of a user's iCalendar feed: {@value #PREFIX} and 32 random bytes, shown once when created,
 * stored only as its SHA-256 hash (it is random, so a fast hash suffices). Calendar apps cannot sign in, so whoever
 * knows the address reads the feed: the user rotates it (the old address stops working) or revokes it.
 */
@Component
public class CalendarFeeds {

    /** Every feed secret starts with this. */
    public static final String PREFIX = "msc_";
    private static final int RANDOM_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 6;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A feed as created: {@code secret} is shown this once. */
    public record IssuedFeed(String secret, String prefix, Instant createdAt) {

        /** The feed's path on this site. */
        public String path() {
            return "/calendar/" + secret + ".ics";
        }

        @Override
        public String toString() {
            return "IssuedFeed[prefix=" + prefix + "]";
        }
    }

    /** The live feed as listed: everything but the secret. */
    public record FeedSummary(String prefix, Instant createdAt, @Nullable Instant lastUsedAt) {
    }

    /** A new secret address for the user's feed; the previous one, if any, stops working. */
    @Transactional
    public IssuedFeed rotate(long userId) {
        revoke(userId);
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = secret.substring(0, SHOWN_PREFIX_LENGTH);
        Instant createdAt = jdbc.sql("""
                INSERT INTO calendar_feeds (user_id, secret_hash, secret_prefix) VALUES (:userId, :hash, :prefix)
                RETURNING created_at""")
                .param("userId", userId)
                .param("hash", sha256(secret))
                .param("prefix", prefix)
                .query((row, n) -> row.getTimestamp("created_at").toInstant())
                .single();
        return new IssuedFeed(secret, prefix, createdAt);
    }

    /** The user's live feed, if any. */
    public Optional<FeedSummary> live(long userId) {
        return jdbc.sql("""
                SELECT secret_prefix, created_at, last_used_at FROM calendar_feeds
                WHERE user_id = :userId AND revoked_at IS NULL""")
                .param("userId", userId)
                .query((row, n) -> new FeedSummary(row.getString("secret_prefix"),
                        row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("last_used_at"))))
                .optional();
    }

    /** Revokes the user's live feed; {@code false} when there was none. */
    public boolean revoke(long userId) {
        return jdbc.sql("UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
                .param("userId", userId)
                .update() > 0;
    }

    /** Whose feed a secret opens: a live feed of a user who is not disabled. Notes its use (once a minute at most). */
    public Optional<Long> owner(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                WITH live AS (
                    SELECT f.id, f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
                    WHERE f.secret_hash = :hash AND f.revoked_at IS NULL AND u.disabled_at IS NULL),
                touched AS (
                    UPDATE calendar_feeds f SET last_used_at = now() FROM live
                    WHERE f.id = live.id AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute'))
                SELECT user_id FROM live""")
                .param("hash", sha256(secret))
                .query(Long.class)
                .optional();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
