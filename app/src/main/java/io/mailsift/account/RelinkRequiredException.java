package io.mailsift.account;

/**
 * The provider no longer accepts the account's grant ({@code invalid_grant}); the account is in
 * {@link AccountState#RELINK_REQUIRED} and must not be retried until the user links it again. The message is the
 * provider's reason, fit to show the user; it never contains a token.
 */
public class RelinkRequiredException extends RuntimeException {

    public RelinkRequiredException(String reason) {
        super(reason);
    }
}
