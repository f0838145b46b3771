package io.mailsift.secret;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The encrypted secrets of user-linked mailboxes, one per account and kind, in {@code account_secrets}. Writes join
 * the caller's transaction when there is one, so that a rotated refresh token and its access token are saved
 * together or not at all.
 */
@Component
public class AccountSecrets {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;

    AccountSecrets(JdbcClient jdbc, SecretCipher cipher, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    /** Encrypts under the active key and stores, replacing any previous value; returns the new version. */
    public long put(long accountId, SecretKind kind, String value, Instant expiresAt) {
        SecretCipher.Sealed sealed = cipher.encrypt(value, associatedData(accountId, kind));
        return jdbc.sql("""
                INSERT INTO account_secrets (account_id, kind, key_id, ciphertext, expires_at)
                VALUES (:account, :kind, :keyId, :ciphertext, :expiresAt)
                ON CONFLICT (account_id, kind) DO UPDATE SET key_id = excluded.key_id,
                    ciphertext = excluded.ciphertext, expires_at = excluded.expires_at,
                    version = account_secrets.version + 1, updated_at = now()
                RETURNING version""")
                .param("account", accountId)
                .param("kind", kind.column())
                .param("keyId", sealed.keyId())
                .param("ciphertext", sealed.bytes())
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
    }

    public Optional<StoredSecret> get(long accountId, SecretKind kind) {
        return read(accountId, kind, "");
    }

    /**
     * Reads and locks the row until the surrounding transaction ends: two nodes refreshing one account's token take
     * turns, and the second sees the first one's result. Must be called inside a transaction.
     */
    public Optional<StoredSecret> getForUpdate(long accountId, SecretKind kind) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("getForUpdate holds a row lock and needs a surrounding transaction");
        }
        return read(accountId, kind, " FOR UPDATE");
    }

    public void delete(long accountId, SecretKind kind) {
        jdbc.sql("DELETE FROM account_secrets WHERE account_id = :account AND kind = :kind")
                .param("account", accountId)
                .param("kind", kind.column())
                .update();
    }

    /**
     * What a re-encryption did.
     *
     * @param moved      secrets now under the active key
     * @param unreadable rows that could not be decrypted (their key is gone or they were altered), as
     *                   "account N kind"; left as they are
     */
    public record Reencryption(int moved, List<String> unreadable) {
    }

    /**
     * Re-encrypts every secret that is not under the active key, one row per transaction (each locked while it is
     * rewritten, so a concurrent token refresh is never overwritten with an older value). A row that cannot be
     * decrypted is reported and skipped, so that one bad row does not stop the rotation of all others.
     */
    public Reencryption reencryptUnderActiveKey() {
        record Row(long accountId, String kind) {
        }
        List<Row> stale = jdbc.sql("SELECT account_id, kind FROM account_secrets WHERE key_id <> :active")
                .param("active", cipher.activeKeyId())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list();
        int moved = 0;
        List<String> unreadable = new java.util.ArrayList<>();
        for (Row row : stale) {
            SecretKind kind = kindOf(row.kind());
            Boolean done;
            try {
                done = transactions.execute(status -> {
                Optional<Encrypted> current = jdbc.sql("""
                        SELECT key_id, ciphertext FROM account_secrets
                        WHERE account_id = :account AND kind = :kind AND key_id <> :active FOR UPDATE""")
                        .param("account", row.accountId())
                        .param("kind", row.kind())
                        .param("active", cipher.activeKeyId())
                        .query((rs, n) -> new Encrypted(rs.getString(1), rs.getBytes(2), null, 0))
                        .optional();
                if (current.isEmpty()) {
                    return false;
                }
                String aad = associatedData(row.accountId(), kind);
                String plaintext = cipher.decrypt(new SecretCipher.Sealed(current.get().keyId(),
                        current.get().ciphertext()), aad);
                SecretCipher.Sealed sealed = cipher.encrypt(plaintext, aad);
                jdbc.sql("""
                        UPDATE account_secrets SET key_id = :keyId, ciphertext = :ciphertext, updated_at = now()
                        WHERE account_id = :account AND kind = :kind""")
                        .param("keyId", sealed.keyId())
                        .param("ciphertext", sealed.bytes())
                        .param("account", row.accountId())
                        .param("kind", row.kind())
                        .update();
                return true;
                });
            } catch (SecretUnavailableException e) {
                unreadable.add("account " + row.accountId() + " " + row.kind());
                continue;
            }
            if (Boolean.TRUE.equals(done)) {
                moved++;
            }
        }
        return new Reencryption(moved, List.copyOf(unreadable));
    }

    /** How many secrets are stored under a key other than the active one (after a rotation, until rekey). */
    public long countNotUnderActiveKey() {
        return jdbc.sql("SELECT count(*) FROM account_secrets WHERE key_id <> :active")
                .param("active", cipher.activeKeyId())
                .query(Long.class)
                .single();
    }

    private record Encrypted(String keyId, byte[] ciphertext, Timestamp expiresAt, long version) {
    }

    private Optional<StoredSecret> read(long accountId, SecretKind kind, String lock) {
        return jdbc.sql("SELECT key_id, ciphertext, expires_at, version FROM account_secrets"
                        + " WHERE account_id = :account AND kind = :kind" + lock)
                .param("account", accountId)
                .param("kind", kind.column())
                .query((rs, n) -> new Encrypted(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3), rs.getLong(4)))
                .optional()
                .map(row -> new StoredSecret(
                        cipher.decrypt(new SecretCipher.Sealed(row.keyId(), row.ciphertext()),
                                associatedData(accountId, kind)),
                        row.expiresAt() == null ? null : row.expiresAt().toInstant(),
                        row.version()));
    }

    private static SecretKind kindOf(String column) {
        for (SecretKind kind : SecretKind.values()) {
            if (kind.column().equals(column)) {
                return kind;
            }
        }
        throw new IllegalStateException("Unknown secret kind in account_secrets: " + column);
    }

    private static String associatedData(long accountId, SecretKind kind) {
        return "mailsift account " + accountId + " " + kind.column();
    }
}
