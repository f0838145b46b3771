package io.mailsift.account;

/**
 * The account no longer exists: it was unlinked (possibly through another node) while something still worked for it.
 * A watcher that meets it ends instead of retrying.
 */
public class AccountGoneException extends IllegalStateException {

    public AccountGoneException(long accountId) {
        super("account " + accountId + " no longer exists (unlinked)");
    }
}
