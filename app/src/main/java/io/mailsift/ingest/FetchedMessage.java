package io.mailsift.ingest;

import io.mailsift.account.RegisteredAccount;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * One new message of a watched folder, as the channel adapter hands it to ingestion. The message is still attached to
 * the open folder (its headers, size and UID already fetched): ingestion runs synchronously on the watcher's thread
 * and fetches the body only when a connector wants it.
 */
record FetchedMessage(RegisteredAccount account, String folder, long uidValidity, long uid, IMAPMessage message) {
}
