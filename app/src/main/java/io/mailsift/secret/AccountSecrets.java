package io.mailsift.secret;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * STUB until the integrator's io.mailsift.secret lands on main (then main's version replaces this file): same API,
 * NO encryption. Never merged on its own.
 */
@Component
public class AccountSecrets {

    private final JdbcClient jdbc;

    AccountSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(long accountId, SecretKind kind, String value, @Nullable Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO account_secrets (account_id, kind, key_id, ciphertext, expires_at)
                VALUES (:id, :kind, 'stub', :value, :expiresAt)
                ON CONFLICT (account_id, kind) DO UPDATE SET ciphertext = excluded.ciphertext,
                    expires_at = excluded.expires_at, version = account_secrets.version + 1, updated_at = now()""")
                .param("id", accountId).param("kind", kind.columnValue())
                .param("value", value.getBytes(StandardCharsets.UTF_8))
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    public Optional<StoredSecret> get(long accountId, SecretKind kind) {
        return read(accountId, kind, "");
    }

    public Optional<StoredSecret> getForUpdate(long accountId, SecretKind kind) {
        return read(accountId, kind, " FOR UPDATE");
    }

    public void delete(long accountId, SecretKind kind) {
        jdbc.sql("DELETE FROM account_secrets WHERE account_id = :id AND kind = :kind").param("id", accountId)
                .param("kind", kind.columnValue()).update();
    }

    private Optional<StoredSecret> read(long accountId, SecretKind kind, String lock) {
        return jdbc.sql("SELECT ciphertext, expires_at, version FROM account_secrets WHERE account_id = :id "
                + "AND kind = :kind" + lock)
                .param("id", accountId).param("kind", kind.columnValue())
                .query((row, n) -> {
                    Timestamp expires = row.getTimestamp("expires_at");
                    return new StoredSecret(new String(row.getBytes("ciphertext"), StandardCharsets.UTF_8),
                            expires == null ? null : expires.toInstant(), row.getLong("version"));
                })
                .optional();
    }
}
