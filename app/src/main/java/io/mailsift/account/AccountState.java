package io.mailsift.account;

import java.util.Locale;

/**
 * What the watcher of an account is doing, as shown to the user ({@code mail_accounts.state}). See
 * {@code docs/operations.md} for what to do about each.
 */
public enum AccountState {
    /** Opening the IMAP connection and the folder. */
    CONNECTING,
    /** Fetching and processing messages that arrived since the checkpoint (or, on first link, in the window). */
    BACKFILLING,
    /** Up to date, waiting for new mail with IMAP IDLE. */
    IDLE,
    /** Up to date, checking for new mail every {@code poll-interval}: the server lacks IDLE or IDLE is turned off. */
    POLLING,
    /** The last attempt failed ({@code last_error} says why); waiting before the next one. */
    BACKOFF,
    /** The server refused the login ({@code last_error} has its answer); retried slowly, never in a storm. */
    AUTH_FAILED,
    /**
     * The credentials can no longer log in and only the user can fix it (a revoked refresh token, say): not watched
     * until the user links the mailbox again.
     */
    RELINK_REQUIRED,
    /**
     * Not watched: configured with {@code enabled: false}, or a user-linked mailbox with no connector enabled yet.
     */
    DISABLED;

    /** The value stored in {@code mail_accounts.state} and shown by the API. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this state means the mailbox is up to date. */
    boolean healthy() {
        return this == IDLE || this == POLLING;
    }
}
