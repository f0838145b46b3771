package io.mailsift.outlook;

import io.mailsift.account.AccountGoneException;
import io.mailsift.account.AuthMethod;
import io.mailsift.account.MailboxCredentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * XOAUTH2 logins of linked Outlook mailboxes: the mailbox address and an access token that stays valid for at least
 * {@code mailsift.outlook.refresh-skew}, refreshed on the way when needed (so on every reconnect after a long session);
 * a token the server refuses is refreshed at once for one more attempt.
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
                .orElseThrow(() -> new AccountGoneException(accountId));
        return Credentials.accessToken(username, tokens.accessToken(accountId));
    }

    /** The server refused the access token: refreshed (unless someone already did), worth one more attempt. */
    @Override
    public boolean refused(long accountId, Credentials refused) {
        tokens.afterRejection(accountId, refused.secret());
        return true;
    }
}
