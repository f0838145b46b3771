package io.mailsift.connector.mail;

import java.io.IOException;
import java.io.InputStream;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Turns a raw message into an {@link Email}. Thread-safe; create one and share it.
 *
 * <p>Tolerant by design: malformed MIME, unknown or wrong charsets, broken JSON-LD and invalid microdata degrade to
 * what can be read. It throws {@link MalformedEmailException} only when nothing at all can be read.
 */
public final class EmailParser {

    /** A parser with default limits. */
    public EmailParser() {
    }

    /** Parses a raw message (RFC 5322 bytes). */
    public Email parse(InputStream raw) throws MalformedEmailException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Parses a raw message (RFC 5322 bytes). */
    public Email parse(byte[] raw) throws MalformedEmailException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Parses a message already read by Jakarta Mail (for example fetched over IMAP). */
    public Email parse(MimeMessage message) throws MalformedEmailException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Decodes only the headers, for {@link io.mailsift.connector.Connector#interestedIn(EmailHeaders)}. */
    public EmailHeaders parseHeaders(MimeMessage message) throws MalformedEmailException {
        throw new UnsupportedOperationException("not yet");
    }
}
