package io.mailsift.outlook;

/**
 * Published after an Outlook mailbox was linked or relinked and its tokens committed: its watcher may (re)start.
 *
 * @param accountId the linked account
 * @param userId    its owner
 * @param relinked  whether the account existed before (e.g. it was in {@code relink_required})
 */
public record OutlookMailboxLinked(long accountId, long userId, boolean relinked) {
}
