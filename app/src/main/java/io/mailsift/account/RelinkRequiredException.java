package io.mailsift.account;

/**
 * Thrown by {@link MailboxCredentials#forLogin} when the account cannot log in until its user links it again (a
 * revoked or expired refresh token, a stored password that is gone or cannot be decrypted). The watcher then records
 * state {@code relink_required} with {@link #getMessage()} as the error shown to the user, and stops retrying: no
 * retry storm against a provider that will keep saying no.
 */
public class RelinkRequiredException extends RuntimeException {

    private final long accountId;

    /**
     * @param accountId the account that needs relinking
     * @param reason    what the user is shown, in plain words, with no secret in it
     */
    public RelinkRequiredException(long accountId, String reason) {
        super(reason);
        this.accountId = accountId;
    }

    public RelinkRequiredException(long accountId, String reason, Throwable cause) {
        super(reason, cause);
        this.accountId = accountId;
    }

    public long accountId() {
        return accountId;
    }
}
