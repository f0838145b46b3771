package io.mailsift.connector.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Turns a raw message into an {@link Email}. Thread-safe; create one and share it.
 *
 * <p>Tolerant by design: malformed MIME, unknown or wrong charsets, broken JSON-LD and invalid microdata degrade to
 * what can be read. It throws {@link MalformedEmailException} only when nothing at all can be read.
 *
 * <p>Memory: {@link #parse(byte[])} does not copy the message; attachments are measured by streaming, and text
 * bodies larger than {@link Limits#maxBodyBytes()} are listed as attachments instead of being decoded.
 */
public final class EmailParser {

    /**
     * Bounds on the work done for one message.
     *
     * @param maxBodyBytes    the largest text, HTML or calendar part decoded, in bytes after transfer decoding;
     *                        larger ones are listed as attachments (default 10 MiB)
     * @param maxForwardDepth how deep {@code message/rfc822} parts are parsed into {@link Email#forwarded()};
     *                        deeper ones are listed as attachments (default 5)
     * @param maxParts        how many MIME parts are looked at; the rest are ignored (default 1000)
     */
    public record Limits(long maxBodyBytes, int maxForwardDepth, int maxParts) {

        /** The defaults: 10 MiB per body, forwards 5 deep, 1000 parts. */
        public static final Limits DEFAULTS = new Limits(10L * 1024 * 1024, 5, 1000);

        public Limits {
            if (maxBodyBytes < 0 || maxForwardDepth < 0 || maxParts < 1) {
                throw new IllegalArgumentException("limits must not be negative and at least one part must be read");
            }
        }
    }

    private final Session session;
    private final Limits limits;

    /** A parser with {@link Limits#DEFAULTS default limits}. */
    public EmailParser() {
        this(Limits.DEFAULTS);
    }

    /** A parser with the given limits. */
    public EmailParser(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        Properties properties = new Properties();
        // lenient reading; Angus reads some of these as system properties only, the parser copes either way
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(properties);
    }

    /** Parses a raw message (RFC 5322 bytes). The stream is read to its end but not closed. */
    public Email parse(InputStream raw) throws MalformedEmailException {
        byte[] bytes;
        try {
            bytes = raw.readAllBytes();
        } catch (IOException e) {
            throw new MalformedEmailException("the message could not be read: " + e.getMessage(), e);
        }
        return parse(bytes);
    }

    /** Parses a raw message (RFC 5322 bytes). The array is not copied and must not change while parsing. */
    public Email parse(byte[] raw) throws MalformedEmailException {
        MimeMessage message;
        try {
            // shared bytes: parts are views of the array, and multiparts are split in it (LenientMultipart)
            message = new MimeMessage(session, new SharedBytes(raw));
        } catch (MessagingException | RuntimeException e) {
            throw new MalformedEmailException("the message headers could not be read: " + e.getMessage(), e);
        }
        return parse(message);
    }

    /**
     * Parses a message already read by Jakarta Mail (for example fetched over IMAP). The body is read through
     * {@link MimeMessage#getRawInputStream()} once; over IMAP that is a fetch of {@code BODY[TEXT]}, so set
     * {@code mail.imap.peek=true} on the session to leave the {@code \Seen} flag alone. For bounded memory with large
     * attachments prefer {@link #parse(byte[])}: a message not backed by shared bytes is buffered part by part.
     *
     * @throws MalformedEmailException when not even the headers can be read
     * @throws UncheckedIOException    when the message's source fails while it is read (a closed folder or a lost
     *                                 connection): nothing is wrong with the message, read it again later
     */
    public Email parse(MimeMessage message) throws MalformedEmailException {
        try {
            return new MessageWalk(session, limits).message(message, 0);
        } catch (MessagingException | RuntimeException e) {
            throw malformedUnlessSourceLost(e);
        }
    }

    /**
     * Decodes only the headers, for {@link io.mailsift.connector.Connector#interestedIn(EmailHeaders)}.
     *
     * @throws MalformedEmailException when no header field can be read
     * @throws UncheckedIOException    when the message's source fails while it is read: read it again later
     */
    public EmailHeaders parseHeaders(MimeMessage message) throws MalformedEmailException {
        try {
            return HeaderReader.read(message);
        } catch (MessagingException | RuntimeException e) {
            throw malformedUnlessSourceLost(e);
        }
    }

    /**
     * Decodes header fields already read, for example those an IMAP {@code FETCH BODY.PEEK[HEADER]} brought: the same
     * result as {@link #parseHeaders(MimeMessage)} on a message with these fields, without reading the block again.
     *
     * @throws MalformedEmailException when no header field can be read
     */
    public EmailHeaders parseHeaders(List<? extends Header> fields) throws MalformedEmailException {
        try {
            return HeaderReader.read(fields);
        } catch (MessagingException | RuntimeException e) {
            throw new MalformedEmailException("the message headers could not be read: " + e.getMessage(), e);
        }
    }

    /** A lost connection says nothing about the message: it must be retried, not quarantined. */
    private static MalformedEmailException malformedUnlessSourceLost(Exception failure) {
        try {
            SourceLost.rethrowIfSourceFailure(failure);
        } catch (SourceLost lost) {
            throw new UncheckedIOException(new IOException(lost.getMessage(), lost.getCause()));
        }
        return new MalformedEmailException("the message headers could not be read: " + failure.getMessage(),
                failure);
    }
}
