package io.mailsift.ingest;

import java.util.Set;

import io.mailsift.account.RegisteredAccount;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.jspecify.annotations.Nullable;

/**
 * One new message of a watched folder, as the channel adapter hands it to ingestion. The message is still attached to
 * the open folder (its UID known): ingestion, called on the watcher's thread, fetches its headers and size with its
 * batch, and the body only when a connector wants it.
 *
 * @param catchupFor {@code null} for the folder's own backfill and live mail (every consented connector, and the
 *                   folder checkpoint moves); else the one connector this message is read again for, in its catch-up
 *                   (see {@link ConnectorCatchups}), whose progress moves instead
 */
record FetchedMessage(RegisteredAccount account, String folder, long uidValidity, long uid, IMAPMessage message,
        @Nullable String catchupFor) {

    FetchedMessage(RegisteredAccount account, String folder, long uidValidity, long uid, IMAPMessage message) {
        this(account, folder, uidValidity, uid, message, null);
    }

    /** Of the connectors consented for the account, those this message is for. */
    Set<String> connectors(Set<String> consented) {
        if (catchupFor == null) {
            return consented;
        }
        return consented.contains(catchupFor) ? Set.of(catchupFor) : Set.of();
    }
}
