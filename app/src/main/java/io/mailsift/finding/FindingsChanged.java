package io.mailsift.finding;

/**
 * Published after a transaction that wrote findings of one account has committed.
 *
 * @param accountId the mail account whose findings changed
 */
public record FindingsChanged(long accountId) {
}
