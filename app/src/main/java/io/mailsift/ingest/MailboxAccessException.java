package io.mailsift.ingest;

/** Reading from the IMAP server failed mid-message: the watcher reconnects and retries that message. */
final class MailboxAccessException extends RuntimeException {

    MailboxAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
