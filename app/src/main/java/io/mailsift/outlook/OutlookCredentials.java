package io.mailsift.outlook;

import io.mailsift.account.AuthMethod;
import io.mailsift.account.MailboxCredentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * XOAUTH2 logins of linked Outlook mailboxes: the mailbox address and an access token that stays valid for at least
 * {@code mailsift.outlook.refresh-skew}, refreshed on the way when needed (so on every reconnect after a long session).
 */
@Component
class OutlookCredentials implements MailboxCredentials {

    private final JdbcClient jdbc;
    private final OutlookAccessTokens tokens;

    OutlookCredentials(JdbcClient jdbc, OutlookAccessTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @Override
    public AuthMethod authMethod() {
        return AuthMethod.XOAUTH2;
    }

    @Override
    public Credentials forLogin(long accountId) {
        String username = jdbc.sql("SELECT username FROM mail_accounts WHERE id = :id").param("id", accountId)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " does not exist (any more)"));
        return Credentials.accessToken(username, tokens.accessToken(accountId));
    }
}
