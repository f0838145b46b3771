package io.mailsift.connector.mail;

import java.net.SocketException;

import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;

/**
 * The message's source (an IMAP connection) failed while the message was being read. Unlike broken content this
 * says nothing about the message, so it must not be degraded into an empty body: the caller retries instead.
 */
final class SourceLost extends RuntimeException {

    private SourceLost(Throwable cause) {
        super("the message source failed while reading: " + cause.getMessage(), cause);
    }

    /** Rethrows {@code failure} as {@link SourceLost} when it is a connection failure rather than bad content. */
    static void rethrowIfSourceFailure(Throwable failure) {
        if (failure instanceof SourceLost lost) {
            throw lost;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FolderClosedException || cause instanceof StoreClosedException
                    || cause instanceof SocketException || cause instanceof java.net.SocketTimeoutException) {
                throw new SourceLost(failure);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
    }
}
