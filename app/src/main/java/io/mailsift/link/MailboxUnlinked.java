package io.mailsift.link;

/**
 * Published after a user's mailbox and every row that refers to it have been deleted. Whatever a feature keeps per
 * user from several mailboxes (trips, the shopper profile) is rebuilt from what is left: the account id no longer
 * leads to its user, so the event carries both.
 *
 * @param userId    the user who unlinked the mailbox
 * @param accountId the mailbox that is gone
 */
public record MailboxUnlinked(long userId, long accountId) {
}
