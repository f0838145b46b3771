package io.mailsift.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mailsift.connector.Connector;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;
import io.mailsift.finding.FindingStore;
import io.mailsift.finding.Provenance;
import io.mailsift.ingest.ConnectorRunner.ConnectorFindings;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one fetched message: parse, run the interested connectors, then in one transaction upsert the findings,
 * record the errors and advance the UID checkpoint. The checkpoint therefore never passes a message whose outcome is
 * not committed; a crash before the commit means the message is processed again, which the finding keys make harmless.
 */
@Component
class MessageIngestion {

    private static final Logger log = LoggerFactory.getLogger(MessageIngestion.class);

    /** Read failures in a row on one message after which it is skipped: a poison message must not stall a folder. */
    static final int MAX_READ_ATTEMPTS = 3;

    private final EmailParser parser;
    private final ConnectorRunner connectors;
    private final FindingStore findings;
    private final ConnectorErrorLog errorLog;
    private final UidCheckpointStore checkpoints;
    private final TransactionTemplate transaction;
    private final IngestMetrics metrics;
    private final long maxMessageSize;
    // Consecutive read failures per message (account/folder/uidvalidity/uid); cleared once the message is committed.
    private final Map<String, Integer> readFailures = new ConcurrentHashMap<>();

    MessageIngestion(EmailParser parser, ConnectorRunner connectors, FindingStore findings, ConnectorErrorLog errorLog,
            UidCheckpointStore checkpoints, TransactionTemplate transaction, IngestProperties settings,
            IngestMetrics metrics) {
        this.parser = parser;
        this.connectors = connectors;
        this.findings = findings;
        this.errorLog = errorLog;
        this.checkpoints = checkpoints;
        this.transaction = transaction;
        this.metrics = metrics;
        this.maxMessageSize = settings.maxMessageSize().toBytes();
    }

    /**
     * Parses a sample message and runs the connectors on it, discarding the result, so that the classes of parsing and
     * extraction are loaded once on the calling (platform) thread and not by many watchers' virtual threads at once
     * (see {@link ImapSessions#prepare}).
     */
    void prepare() {
        try {
            Email email = parser.parse(SAMPLE.getBytes(StandardCharsets.UTF_8));
            List<IngestError> ignored = new ArrayList<>();
            connectors.extract(connectors.interested(email.headers(), ignored), email, ignored);
        } catch (MalformedEmailException | RuntimeException e) {
            log.debug("Preparing the parser failed: {}", e.toString());
        }
    }

    private static final String SAMPLE = """
            From: Mailsift <start@mailsift.invalid>
            To: start@mailsift.invalid
            Subject: Mailsift start
            Date: Mon, 30 Nov 2026 00:00:00 +0000
            Message-ID: <start@mailsift.invalid>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: multipart/alternative; boundary="b2"

            --b2
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            start=C3=A9
            --b2
            Content-Type: text/html; charset=utf-8

            <html><body><script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"Thing","name":"start"}</script><div itemscope itemtype="https://schema.org/Thing">
            <span itemprop="name">start</span></div></body></html>
            --b2--
            --b1
            Content-Type: application/octet-stream; name="a.bin"
            Content-Disposition: attachment; filename="a.bin"
            Content-Transfer-Encoding: base64

            AAEC
            --b1--
            """.replace("\n", "\r\n");

    void ingest(FetchedMessage fetched) {
        List<IngestError> errors = new ArrayList<>();
        List<ConnectorFindings> found = List.of();
        Provenance provenance = new Provenance(null, null, null, fetched.folder(), fetched.uid());
        try {
            IMAPMessage message = fetched.message();
            int size = message.getSize();
            if (size > maxMessageSize) {
                errors.add(new IngestError(null, IngestError.Kind.OVERSIZED,
                        "message of " + size + " bytes is over the limit of " + maxMessageSize + " bytes"));
            } else {
                EmailHeaders headers = parser.parseHeaders(headerCopy(message));
                provenance = provenance(headers, fetched);
                List<Connector> interested = connectors.interested(headers, errors);
                if (!interested.isEmpty()) {
                    // The body is fetched only here: when some interested connector reads bodies.
                    Email email = ConnectorRunner.needBodies(interested)
                            ? parser.parse(rawMessage(fetched))
                            : new Email(headers, null, null, List.of(), List.of(), List.of(), List.of());
                    found = connectors.extract(interested, email, errors);
                }
            }
        } catch (MessageRemovedException e) {
            // Expunged by another client while we were reading it: nothing left to process.
            log.debug("UID {} in {} was expunged before it was read", fetched.uid(), fetched.folder());
        } catch (MalformedEmailException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new MailboxAccessException("stopped while processing UID " + fetched.uid(), e);
            }
            // A parser failure on one message must not stall the folder: record it and move on.
            errors.add(IngestError.of(null, IngestError.Kind.PARSE, e));
        } catch (MessagingException e) {
            String message = fetched.account().id() + "/" + fetched.folder() + "/" + fetched.uidValidity() + "/"
                    + fetched.uid();
            int attempts = readFailures.merge(message, 1, Integer::sum);
            if (attempts < MAX_READ_ATTEMPTS) {
                // Most likely the connection: the watcher reconnects and this message is read again.
                throw new MailboxAccessException("could not read UID " + fetched.uid() + " of " + fetched.folder()
                        + " (attempt " + attempts + " of " + MAX_READ_ATTEMPTS + ")", e);
            }
            errors.add(new IngestError(null, IngestError.Kind.UNREADABLE,
                    "the server failed to deliver it " + attempts + " times in a row, last: " + e));
        }
        commit(fetched, found, errors, provenance);
        readFailures.keySet().removeIf(key -> key.startsWith(fetched.account().id() + "/" + fetched.folder() + "/"));
    }

    private void commit(FetchedMessage fetched, List<ConnectorFindings> found, List<IngestError> errors,
            Provenance provenance) {
        long accountId = fetched.account().id();
        transaction.executeWithoutResult(status -> {
            for (ConnectorFindings result : found) {
                result.findings().forEach(f -> findings.upsert(accountId, result.connectorId(), f, provenance));
            }
            for (IngestError error : errors) {
                errorLog.record(accountId, fetched.folder(), fetched.uid(), provenance.messageId(), error);
            }
            checkpoints.advance(accountId, fetched.folder(), fetched.uidValidity(), fetched.uid());
        });
        metrics.committed(fetched.account().name(), fetched.folder(),
                found.stream().mapToInt(result -> result.findings().size()).sum(), errors);
        if (!errors.isEmpty()) {
            log.warn("Account '{}' {} UID {}: {}", fetched.account().name(), fetched.folder(), fetched.uid(), errors);
        }
    }

    private static Provenance provenance(EmailHeaders headers, FetchedMessage fetched) {
        String domain = headers.fromDomain();
        return new Provenance(headers.messageId(), headers.date(), domain.isEmpty() ? null : domain,
                fetched.folder(), fetched.uid());
    }

    /**
     * The already fetched header block as a detached message, so that parsing headers does no I/O and an IMAP failure
     * is never mistaken for a malformed message.
     */
    private static MimeMessage headerCopy(IMAPMessage message) throws MessagingException {
        StringBuilder block = new StringBuilder();
        Enumeration<String> lines = message.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            block.append(lines.nextElement()).append("\r\n");
        }
        block.append("\r\n");
        return new MimeMessage((Session) null,
                new ByteArrayInputStream(block.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The whole message, fetched with BODY.PEEK[] (the session sets {@code peek}), so \Seen is not set. */
    private byte[] rawMessage(FetchedMessage fetched) throws MessagingException {
        IMAPMessage message = fetched.message();
        metrics.bodyFetched(fetched.account().name(), fetched.folder());
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("could not read the message body", e);
        }
        return raw.toByteArray();
    }
}
