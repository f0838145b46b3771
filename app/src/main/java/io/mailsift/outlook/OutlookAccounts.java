package io.mailsift.outlook;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores linked Outlook mailboxes and their tokens. */
@Component
class OutlookAccounts {

    private final JdbcClient jdbc;
    private final AccountSecrets secrets;
    private final OutlookProperties settings;

    OutlookAccounts(JdbcClient jdbc, AccountSecrets secrets, OutlookProperties settings) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.settings = settings;
    }

    /**
     * Creates the user's account for this address, or relinks it (same user, provider and address): connection
     * settings, tokens and state {@code connecting} in one transaction.
     */
    @Transactional
    Linked link(long userId, String address, String refreshToken, String accessToken, Instant accessTokenExpiresAt) {
        String normalized = address.toLowerCase(Locale.ROOT);
        Long existing = jdbc.sql("""
                SELECT id FROM mail_accounts WHERE user_id = :userId AND provider = 'outlook' AND lower(address) = :address
                FOR UPDATE""")
                .param("userId", userId).param("address", normalized).query(Long.class).optional().orElse(null);
        long id = existing != null ? relink(existing, normalized) : insert(userId, normalized);
        secrets.put(id, SecretKind.REFRESH_TOKEN, refreshToken, null);
        secrets.put(id, SecretKind.ACCESS_TOKEN, accessToken, accessTokenExpiresAt);
        return new Linked(id, existing != null);
    }

    /** A linked account, and whether it existed before. */
    record Linked(long accountId, boolean relinked) {
    }

    private long relink(long id, String address) {
        jdbc.sql("""
                UPDATE mail_accounts SET host = :host, port = :port, security = :security, username = :address,
                    auth_method = 'xoauth2', state = 'connecting', state_changed_at = now()
                WHERE id = :id""")
                .param("host", settings.imapHost()).param("port", settings.imapPort())
                .param("security", settings.imapSecurity().configValue()).param("address", address).param("id", id)
                .update();
        return id;
    }

    private long insert(long userId, String address) {
        // The name is unique per user; a mailbox linked over IMAP under the same address keeps its name.
        for (String name : new String[] {address, address + " (Outlook)"}) {
            Optional<Long> id = jdbc.sql("""
                    INSERT INTO mail_accounts (user_id, name, host, port, security, username, source, provider,
                        auth_method, address)
                    VALUES (:userId, :name, :host, :port, :security, :address, 'user', 'outlook', 'xoauth2', :address)
                    ON CONFLICT (user_id, name) DO NOTHING
                    RETURNING id""")
                    .param("userId", userId).param("name", name).param("host", settings.imapHost())
                    .param("port", settings.imapPort()).param("security", settings.imapSecurity().configValue())
                    .param("address", address)
                    .query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("the user already has two accounts named after " + address);
    }

    /** The address of one of the user's Outlook accounts. */
    Optional<String> address(long userId, long accountId) {
        return jdbc.sql("""
                SELECT address FROM mail_accounts WHERE id = :id AND user_id = :userId AND provider = 'outlook'""")
                .param("id", accountId).param("userId", userId).query(String.class).optional();
    }

    /** The account's state and last error, if it exists. */
    Optional<State> state(long accountId) {
        return jdbc.sql("SELECT state, last_error FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query((row, n) -> new State(row.getString("state"), row.getString("last_error"))).optional();
    }

    record State(String state, @Nullable String lastError) {
    }
}
