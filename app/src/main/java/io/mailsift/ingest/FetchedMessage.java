package io.mailsift.ingest;

import io.mailsift.account.RegisteredAccount;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * One new message of a watched folder, as the channel adapter hands it to ingestion. The message is still attached to
 * the open folder (its UID known): ingestion, called on the watcher's thread, fetches its headers and size with its
 * batch, and the body only when a connector wants it.
 */
record FetchedMessage(RegisteredAccount account, String folder, long uidValidity, long uid, IMAPMessage message) {
}
