package io.mailsift.account;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import io.mailsift.secret.SecretUnavailableException;
import io.mailsift.secret.StoredSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Password logins: configured accounts present the password from configuration (never stored); user-linked IMAP
 * accounts the app password they entered, stored encrypted ({@code account_secrets}, kind {@code imap_password}).
 */
@Component
class PasswordCredentials implements MailboxCredentials {

    private final JdbcClient jdbc;
    private final AccountSecrets secrets;
    private final Map<String, ConfiguredAccount> configured;

    PasswordCredentials(JdbcClient jdbc, AccountSecrets secrets, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.configured = properties.accounts().stream()
                .collect(Collectors.toUnmodifiableMap(ConfiguredAccount::name, Function.identity()));
    }

    @Override
    public AuthMethod authMethod() {
        return AuthMethod.PASSWORD;
    }

    @Override
    public Credentials forLogin(long accountId) {
        Login login = jdbc.sql("SELECT name, username, source FROM mail_accounts WHERE id = :id")
                .param("id", accountId)
                .query((row, n) -> new Login(row.getString("name"), row.getString("username"),
                        row.getString("source")))
                .optional()
                .orElseThrow(() -> new AccountGoneException(accountId));
        if (login.source().equals("config")) {
            ConfiguredAccount account = configured.get(login.name());
            if (account == null) {
                throw new IllegalStateException("account '" + login.name() + "' is no longer configured");
            }
            return Credentials.password(account.username(), account.password() == null ? "" : account.password());
        }
        return Credentials.password(login.username(), storedPassword(accountId));
    }

    private String storedPassword(long accountId) {
        try {
            return secrets.get(accountId, SecretKind.IMAP_PASSWORD).map(StoredSecret::value)
                    .orElseThrow(() -> new RelinkRequiredException(accountId,
                            "No password is stored for this mailbox; link it again"));
        } catch (SecretUnavailableException e) {
            // The key it was encrypted with is gone: retrying cannot help, the user must enter it again.
            throw new RelinkRequiredException(accountId,
                    "The stored password can no longer be decrypted; link the mailbox again", e);
        }
    }

    private record Login(String name, String username, String source) {
    }
}
