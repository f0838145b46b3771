package io.mailsift.account;

import java.util.Locale;

/** What the watcher of an account is doing, as shown to the user ({@code mail_accounts.state}). */
public enum AccountState {
    /** Opening the IMAP connection and the folder. */
    CONNECTING,
    /** Fetching and processing messages that arrived since the checkpoint. */
    BACKFILLING,
    /** Up to date, waiting for new mail with IMAP IDLE. */
    IDLE,
    /** The last attempt failed ({@code last_error} says why); waiting before the next one. */
    BACKOFF;

    String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
