package io.mailsift.account;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credentials of any account: routes to the {@link MailboxCredentials} bean of the account's
 * {@code auth_method}. What the watchers and the link flow call.
 */
@Component
public class LoginCredentials {

    private final JdbcClient jdbc;
    private final Map<AuthMethod, MailboxCredentials> sources = new EnumMap<>(AuthMethod.class);

    LoginCredentials(JdbcClient jdbc, List<MailboxCredentials> sources) {
        this.jdbc = jdbc;
        for (MailboxCredentials source : sources) {
            MailboxCredentials earlier = this.sources.put(source.authMethod(), source);
            if (earlier != null) {
                throw new IllegalStateException("two credential sources for auth method "
                        + source.authMethod().columnValue() + ": " + earlier.getClass().getName() + " and "
                        + source.getClass().getName());
            }
        }
    }

    /**
     * What the next login of this account presents; see {@link MailboxCredentials#forLogin} for the exceptions.
     *
     * @throws AccountGoneException  when the account does not exist (any more)
     * @throws IllegalStateException when no source serves its auth method
     */
    public MailboxCredentials.Credentials forLogin(long accountId) {
        AuthMethod method = jdbc.sql("SELECT auth_method FROM mail_accounts WHERE id = :id")
                .param("id", accountId)
                .query(String.class)
                .optional()
                .map(AuthMethod::of)
                .orElseThrow(() -> new AccountGoneException(accountId));
        return source(method, accountId).forLogin(accountId);
    }

    /** Whether a login refused with {@code refused} is worth one immediate retry; see {@link MailboxCredentials#refused}. */
    public boolean refused(long accountId, MailboxCredentials.Credentials refused) {
        return source(refused.method(), accountId).refused(accountId, refused);
    }

    private MailboxCredentials source(AuthMethod method, long accountId) {
        MailboxCredentials source = sources.get(method);
        if (source == null) {
            throw new IllegalStateException("no credentials source for auth method " + method.columnValue()
                    + " (account " + accountId + ")");
        }
        return source;
    }
}
