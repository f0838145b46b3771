package io.mailsift.account;

import java.util.Objects;

/**
 * Where the credentials of one kind of mailbox login come from. The watcher asks for them on every (re)connect of every
 * folder it watches, never caching them, so that a changed password or a refreshed access token is used at once.
 *
 * <p>One Spring bean per {@link AuthMethod}: {@link LoginCredentials} routes each account to the bean whose
 * {@link #authMethod()} matches its {@code mail_accounts.auth_method}. The password variant (configured accounts and
 * user-linked IMAP accounts) ships with the account package; the XOAUTH2 variant with the Outlook link flow.
 *
 * <p>Implementations are thread-safe: watchers of many accounts ask at once, and several folders of one account may
 * ask for it at the same time. They may block (to refresh a token, say) but should not retry on their own: the
 * watcher's backoff spaces the attempts.
 */
public interface MailboxCredentials {

    /** The {@code mail_accounts.auth_method} of the accounts this source serves. */
    AuthMethod authMethod();

    /**
     * What the next IMAP login of this account presents.
     *
     * @param accountId a {@code mail_accounts.id} whose {@code auth_method} is {@link #authMethod()}
     * @return the login and the secret, never {@code null}
     * @throws RelinkRequiredException when only the user can fix it (a revoked refresh token, a lost password): the
     *                                 watcher records state {@code relink_required} and stops until
     *                                 {@code MailboxWatchers.watch(accountId)} is called again (after the relink)
     * @throws RuntimeException        any other failure (the token endpoint is down, say): the watcher records it,
     *                                 backs off and asks again
     */
    Credentials forLogin(long accountId);

    /**
     * The server refused {@code refused} at login. Returns whether the next {@link #forLogin} may present something
     * new worth one immediate retry, e.g. an access token refreshed now because the server found the stored one
     * expired or revoked (Exchange ends such sessions with {@code BYE ... AccessTokenExpired}). The default, for
     * passwords: {@code false}, the refusal stands.
     *
     * @throws RelinkRequiredException as {@link #forLogin} does
     */
    default boolean refused(long accountId, Credentials refused) {
        return false;
    }

    /**
     * A login: the user name and a secret whose meaning {@code method} gives.
     *
     * @param username the IMAP login (for XOAUTH2 the mailbox address, sent as {@code user=})
     * @param secret   the password for {@link AuthMethod#PASSWORD}, the OAuth2 access token for
     *                 {@link AuthMethod#XOAUTH2}; never logged, left out of {@link #toString()}
     * @param method   how {@code secret} is presented
     */
    record Credentials(String username, String secret, AuthMethod method) {

        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(method, "method");
        }

        /** A password (or app password) login. */
        public static Credentials password(String username, String password) {
            return new Credentials(username, password, AuthMethod.PASSWORD);
        }

        /** An XOAUTH2 login with an access token. */
        public static Credentials accessToken(String username, String accessToken) {
            return new Credentials(username, accessToken, AuthMethod.XOAUTH2);
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", secret=******, method=" + method.columnValue() + "]";
        }
    }
}
