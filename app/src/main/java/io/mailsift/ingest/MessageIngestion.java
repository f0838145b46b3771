package io.mailsift.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mailsift.account.AccountConsent;
import io.mailsift.connector.Connector;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;
import io.mailsift.finding.FindingStore;
import io.mailsift.finding.FindingStore.ConnectorFinding;
import io.mailsift.finding.Provenance;
import io.mailsift.ingest.ConnectorRunner.ConnectorFindings;
import jakarta.mail.FetchProfile;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles a batch of fetched messages: parse each, run the interested connectors, then in one transaction upsert the
 * findings, record the errors and advance the UID checkpoint to the batch's last message. The checkpoint therefore
 * never passes a message whose outcome is not committed; a crash before the commit means the batch is processed again,
 * which the finding keys make harmless. One commit per batch, not per message: each commit waits for a disk flush.
 * Only the connectors enabled for the message's account ({@link AccountConsent}) run.
 */
@Component
class MessageIngestion implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessageIngestion.class);

    /** Read failures in a row on one message after which it is skipped: a poison message must not stall a folder. */
    static final int MAX_READ_ATTEMPTS = 3;

    private final EmailParser parser;
    private final ConnectorRunner connectors;
    private final FindingStore findings;
    private final ConnectorErrorLog errorLog;
    private final UidCheckpointStore checkpoints;
    private final ConnectorCatchups catchups;
    private final TransactionTemplate transaction;
    private final IngestMetrics metrics;
    private final JsonMapper json;
    private final AccountConsent consent;
    private final long maxMessageSize;
    // Consecutive read failures per message (account/folder/uidvalidity/uid); cleared once the message is committed.
    private final Map<String, Integer> readFailures = new ConcurrentHashMap<>();
    // Parsing and connectors run off the watcher's thread, so that the next body is fetched meanwhile; at most one
    // message per processor is parsed at a time across all watchers (it is CPU work).
    private final ExecutorService parsing = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("parse-", 0).factory());
    private final Semaphore parsers = new Semaphore(Runtime.getRuntime().availableProcessors());
    // Each batch's commit waits for its parsing here, off the watcher's thread, which fetches the next batch meanwhile.
    private final ExecutorService committing = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("commit-", 0).factory());
    private final int batchSize;

    /** Fetched bodies of one batch waiting for a parser, at most (one larger message is let through alone). */
    private static final long MAX_BYTES_WAITING_FOR_PARSE = 32L * 1024 * 1024;

    MessageIngestion(EmailParser parser, ConnectorRunner connectors, FindingStore findings, ConnectorErrorLog errorLog,
            UidCheckpointStore checkpoints, TransactionTemplate transaction, IngestProperties settings,
            IngestMetrics metrics, JsonMapper json, AccountConsent consent, ConnectorCatchups catchups) {
        this.consent = consent;
        this.catchups = catchups;
        this.parser = parser;
        this.connectors = connectors;
        this.findings = findings;
        this.errorLog = errorLog;
        this.checkpoints = checkpoints;
        this.transaction = transaction;
        this.metrics = metrics;
        this.json = json;
        this.maxMessageSize = settings.maxMessageSize().toBytes();
        this.batchSize = settings.batchSize();
    }

    /**
     * Parses a sample message, runs the connectors on it and serializes their findings as the finding store does,
     * discarding the result, so that the classes of parsing, extraction, finding keys (Unicode normalization data) and
     * JSON serialization are loaded once on the calling (platform) thread and not by many watchers' virtual threads at
     * once (see {@link ImapSessions#prepare}). Loading a class pins a virtual thread to its carrier; with two carriers,
     * two watchers doing it stall every other watcher, which showed as a one-second stall of the first live
     * deliveries in the latency benchmark.
     */
    void prepare() {
        try {
            Email email = parser.parse(SAMPLE.getBytes(StandardCharsets.UTF_8));
            List<IngestError> errors = new ArrayList<>();
            List<ConnectorFindings> found = connectors.extract(connectors.interested(email.headers(), errors), email,
                    errors);
            for (ConnectorFindings result : found) {
                result.findings().forEach(finding -> json.writeValueAsString(finding.data()));
            }
            log.debug("Prepared ingestion: {} connectors found something in the sample, {} errors", found.size(),
                    errors.size());
        } catch (MalformedEmailException | RuntimeException e) {
            log.debug("Preparing the parser failed: {}", e.toString());
        }
    }

    // Passes the reference connectors' prefilters (booking, order) and carries a reservation, an order and a parcel.
    static final String SAMPLE = """
            From: Mailsift <start@mailsift.invalid>
            To: start@mailsift.invalid
            Subject: Mailsift start: booking and order confirmation
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

            <html><body><script type="application/ld+json">[{"@context":"https://schema.org",
            "@type":"FlightReservation","reservationNumber":"START1","underName":{"@type":"Person","name":"Start"},
            "reservationFor":{"@type":"Flight","flightNumber":"1","airline":{"@type":"Airline","iataCode":"XX"},
            "departureAirport":{"@type":"Airport","iataCode":"AAA"},"departureTime":"2026-11-30T10:00:00+01:00",
            "arrivalAirport":{"@type":"Airport","iataCode":"BBB"},"arrivalTime":"2026-11-30T11:00:00+01:00"}},
            {"@context":"https://schema.org","@type":"Order","orderNumber":"START-1","price":"1.00",
            "priceCurrency":"EUR","merchant":{"@type":"Organization","name":"Mailsift"},
            "acceptedOffer":{"@type":"Offer","itemOffered":{"@type":"Product","name":"start"},"price":1,
            "eligibleQuantity":{"@type":"QuantitativeValue","value":1}}},
            {"@context":"https://schema.org","@type":"ParcelDelivery","trackingNumber":"START1",
            "carrier":{"@type":"Organization","name":"Mailsift"},"expectedArrivalUntil":"2026-12-01T00:00:00Z",
            "partOfOrder":{"@type":"Order","orderNumber":"START-1"}}]</script>
            <div itemscope itemtype="https://schema.org/Thing"><span itemprop="name">start</span></div>
            </body></html>
            --b2--
            --b1
            Content-Type: application/octet-stream; name="a.bin"
            Content-Disposition: attachment; filename="a.bin"
            Content-Transfer-Encoding: base64

            AAEC
            --b1--
            """.replace("\n", "\r\n");

    void ingest(FetchedMessage fetched) {
        ingest(List.of(fetched));
    }

    /**
     * Processes messages of one folder, in ascending UID order, and commits their outcomes in transactions of
     * {@code batch-size} messages each, in that order; returns once every one is committed. For each batch, on this
     * (the watcher's) thread, the headers are fetched (one command for the batch) and offered to the connectors'
     * prefilters; then the bodies some connector wants are fetched, several per IMAP command, and parsed meanwhile
     * with the connectors run on other virtual threads, at most one per processor across all watchers. The batch's
     * commit waits for its parsing on yet another virtual thread, after the batch before it committed: meanwhile this
     * thread already fetches and hands out the next batch, so that the parsers do not idle while a batch commits and
     * the next one's headers come in. At most two batches are in flight. When the server fails to deliver a message,
     * the messages before it are committed and the failure is thrown, so that the watcher reconnects and goes on from
     * that message; a failed commit stops every later one (the checkpoint never passes an uncommitted message).
     */
    void ingest(List<FetchedMessage> messages) {
        CompletableFuture<Void> committed = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> committedBefore = committed;
        // The messages of the batch before the current one, and of the current one: what a stop must cancel.
        List<Pending> previous = List.of();
        List<Pending> current = List.of();
        MailboxAccessException failure = null;
        // Set when this call gives up: a batch whose commit has not started yet is then never committed.
        AtomicBoolean abandoned = new AtomicBoolean();
        try {
            for (int from = 0; from < messages.size(); from += batchSize) {
                // At most two batches in flight: this one being fetched, the one before it being parsed or committed.
                await(committedBefore);
                previous = current;
                current = List.of();
                Started started = start(messages.subList(from, Math.min(from + batchSize, messages.size())),
                        previous);
                current = started.pending();
                committedBefore = committed;
                if (!current.isEmpty()) {
                    List<Pending> batch = current;
                    committed = committed.thenRunAsync(() -> finish(batch, abandoned), committing);
                }
                if (started.failure() != null) {
                    failure = started.failure();
                    break;
                }
            }
            await(committed);
        } catch (RuntimeException | Error e) {
            abandoned.set(true);
            previous.forEach(Pending::cancel);
            current.forEach(Pending::cancel);
            // A commit already under way ends before this call does (join() ignores interrupts): once the watcher
            // stops, nothing more is written for the account (a disabled connector's findings, errors twice).
            committed.exceptionally(ignored -> null).join();
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for a batch's commit (and every one before it); throws what made one of them fail. */
    private static void await(CompletableFuture<Void> committed) {
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxAccessException("stopped while committing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("committing a batch failed", cause);
        }
    }

    /** A batch handed out for parsing: its messages in UID order, up to the first the server failed to deliver. */
    private record Started(List<Pending> pending, @Nullable MailboxAccessException failure) {
    }

    /**
     * Fetches a batch's headers, asks the prefilters, fetches the wanted bodies and starts parsing them; the
     * {@code earlier} messages' bodies still waiting for a parser count against the memory bound.
     */
    private Started start(List<FetchedMessage> batch, List<Pending> earlier) {
        List<Pending> pending = new ArrayList<>(batch.size());
        try {
            fetchHeaders(batch);
        } catch (MessagingException | RuntimeException e) {
            // A closed folder or a lost connection (Angus Mail throws either): the batches before are committed first.
            return new Started(pending, new MailboxAccessException("could not fetch the headers of UIDs "
                    + batch.getFirst().uid() + " to " + batch.getLast().uid() + " of " + batch.getFirst().folder(),
                    e));
        }
        MailboxAccessException failure = null;
        List<Object> decided = new ArrayList<>(batch.size());
        for (FetchedMessage fetched : batch) {
            try {
                decided.add(decide(fetched));
            } catch (MailboxAccessException e) {
                failure = e;
                break;
            }
        }
        BodyPrefetch prefetch = new BodyPrefetch(decided.stream()
                .filter(Wanted.class::isInstance).map(Wanted.class::cast).toList());
        List<Pending> waiting = new ArrayList<>(earlier);
        for (Object decision : decided) {
            if (decision instanceof Pending done) {
                pending.add(done);
                continue;
            }
            try {
                Pending started = fetchAndParse((Wanted) decision, prefetch, waiting);
                pending.add(started);
                waiting.add(started);
            } catch (MailboxAccessException e) {
                failure = e;
                break;
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            pending.forEach(Pending::cancel);
            throw new MailboxAccessException("stopped while processing " + batch.getFirst().folder(),
                    new InterruptedException());
        }
        return new Started(pending, failure);
    }

    /** Waits until every message of a batch is parsed, then commits the batch unless the ingestion gave up. */
    private void finish(List<Pending> batch, AtomicBoolean abandoned) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        try {
            for (Pending message : batch) {
                outcomes.add(message.outcome());
            }
        } catch (InterruptedException e) {
            batch.forEach(Pending::cancel);
            Thread.currentThread().interrupt();
            throw new MailboxAccessException("stopped while processing a batch", e);
        }
        if (abandoned.get()) {
            throw new MailboxAccessException("stopped before committing a batch", new InterruptedException());
        }
        commit(outcomes);
    }

    /**
     * Headers, size and UID of a batch's messages in one command ({@code BODY.PEEK[HEADER]}: headers for the
     * connectors' prefilters, without fetching bodies nobody wants); what is already fetched is not fetched again.
     */
    private static void fetchHeaders(List<FetchedMessage> batch) throws MessagingException {
        if (batch.getFirst().message().getFolder() instanceof IMAPFolder folder) {
            folder.fetch(batch.stream().map(FetchedMessage::message).toArray(Message[]::new), HEADER_FETCH);
        }
    }

    private static final FetchProfile HEADER_FETCH = new FetchProfile();

    static {
        HEADER_FETCH.add(UIDFolder.FetchProfileItem.UID);
        HEADER_FETCH.add(FetchProfile.Item.SIZE);
        HEADER_FETCH.add(IMAPFolder.FetchProfileItem.HEADERS);
        // When the server received the message: bounds a Date header set in the future (see messageDate).
        HEADER_FETCH.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
    }

    /** A message some interested connector wants the body of. */
    private record Wanted(FetchedMessage fetched, List<Connector> interested, List<IngestError> errors,
            Provenance provenance, int size) {
    }

    /**
     * Reads one message's (already fetched) headers and asks the connectors whether they want it: gives a finished
     * {@link Pending} when no body is needed, else a {@link Wanted}; throws {@link MailboxAccessException} when the
     * server failed to deliver it (and may still).
     */
    private Object decide(FetchedMessage fetched) {
        List<IngestError> errors = new ArrayList<>();
        Provenance provenance = new Provenance(null, null, null, fetched.folder(), fetched.uid());
        try {
            IMAPMessage message = fetched.message();
            int size = message.getSize();
            if (size > maxMessageSize) {
                errors.add(new IngestError(null, IngestError.Kind.OVERSIZED,
                        "message of " + size + " bytes is over the limit of " + maxMessageSize + " bytes"));
                return Pending.done(new Outcome(fetched, List.of(), errors, provenance));
            }
            EmailHeaders headers = parser.parseHeaders(headerFields(message));
            provenance = provenance(headers, fetched);
            headers = dated(headers, provenance);
            // Only the connectors the account consented to: the others neither see headers nor cause a body fetch.
            // A catch-up message: only its one connector (the others read it already).
            List<Connector> interested = connectors.interested(headers,
                    fetched.connectors(consent.enabled(fetched.account().id())), errors);
            if (interested.isEmpty()) {
                return Pending.done(new Outcome(fetched, List.of(), errors, provenance));
            }
            if (!ConnectorRunner.needBodies(interested)) {
                Email email = new Email(headers, null, null, List.of(), List.of(), List.of(), List.of());
                return Pending.done(new Outcome(fetched, connectors.extract(interested, email, errors), errors,
                        provenance));
            }
            return new Wanted(fetched, interested, errors, provenance, size);
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
            errors.add(unreadable(fetched, e));
        }
        return Pending.done(new Outcome(fetched, List.of(), errors, provenance));
    }

    /**
     * Fetches a wanted message's body (the prefetch has usually brought it already) and starts parsing and
     * extraction; throws {@link MailboxAccessException} when the server failed to deliver it (and may still).
     */
    private Pending fetchAndParse(Wanted wanted, BodyPrefetch prefetch, List<Pending> earlier) {
        FetchedMessage fetched = wanted.fetched();
        List<IngestError> errors = wanted.errors();
        try {
            // Bodies waiting for a parser are bounded, so that a batch of large messages does not fill the heap.
            awaitParsedBelow(earlier, MAX_BYTES_WAITING_FOR_PARSE - wanted.size());
            prefetch.loadFrom(wanted);
            byte[] raw = prefetch.take(fetched.uid());
            if (raw == null) {
                raw = rawMessage(fetched);
            } else {
                metrics.bodyFetched(fetched.account().name(), fetched.folder());
            }
            byte[] body = raw;
            return new Pending(parsing.submit(() -> parseAndExtract(fetched, body, wanted.interested(), errors,
                    wanted.provenance())), body.length);
        } catch (MessageRemovedException e) {
            log.debug("UID {} in {} was expunged before it was read", fetched.uid(), fetched.folder());
        } catch (RuntimeException e) {
            if (e instanceof MailboxAccessException stopped) {
                throw stopped;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new MailboxAccessException("stopped while processing UID " + fetched.uid(), e);
            }
            errors.add(IngestError.of(null, IngestError.Kind.PARSE, e));
        } catch (MessagingException e) {
            errors.add(unreadable(fetched, e));
        }
        return Pending.done(new Outcome(fetched, List.of(), errors, wanted.provenance()));
    }

    /**
     * A read failure: thrown as {@link MailboxAccessException} (most likely the connection: the watcher reconnects and
     * the message is read again) until it happened {@link #MAX_READ_ATTEMPTS} times in a row, then the error to record.
     */
    private IngestError unreadable(FetchedMessage fetched, MessagingException e) {
        int attempts = readFailures.merge(readFailureKey(fetched), 1, Integer::sum);
        if (attempts < MAX_READ_ATTEMPTS) {
            throw new MailboxAccessException("could not read UID " + fetched.uid() + " of " + fetched.folder()
                    + " (attempt " + attempts + " of " + MAX_READ_ATTEMPTS + ")", e);
        }
        return new IngestError(null, IngestError.Kind.UNREADABLE,
                "the server failed to deliver it " + attempts + " times in a row, last: " + e);
    }

    /**
     * Fetches the wanted bodies of a batch several at a time, one {@code FETCH ... (UID BODY.PEEK[])} per chunk of up
     * to {@link #PREFETCH_MESSAGES} messages and {@link #PREFETCH_BYTES}, instead of one command and one round trip
     * per message: a round trip to a remote provider costs tens of milliseconds. A chunk is fetched while the one
     * before it is being parsed, so fetching and parsing still overlap. The bodies are taken from the responses, by
     * UID, and handed out once: they are not left in the folder's message objects, which Angus Mail keeps for as long
     * as the folder is open (a whole backfill). Best effort: when a chunk's fetch fails, or a body is missing from it,
     * the message is fetched on its own and its failure handled there.
     */
    private static final class BodyPrefetch {

        private final List<Wanted> wanted;
        private final Map<Long, byte[]> bodies = new HashMap<>();
        private int loadedUpTo;

        BodyPrefetch(List<Wanted> wanted) {
            this.wanted = wanted;
        }

        /** Makes sure the chunk starting at this message is fetched. */
        void loadFrom(Wanted message) {
            int at = wanted.indexOf(message);
            if (at < loadedUpTo) {
                return;
            }
            List<Wanted> chunk = new ArrayList<>();
            long bytes = 0;
            int next = at;
            while (next < wanted.size() && chunk.size() < PREFETCH_MESSAGES
                    && (chunk.isEmpty() || bytes + wanted.get(next).size() <= PREFETCH_BYTES)) {
                chunk.add(wanted.get(next));
                bytes += wanted.get(next).size();
                next++;
            }
            loadedUpTo = next;
            if (chunk.size() < 2) {
                return;
            }
            int[] numbers = chunk.stream().mapToInt(each -> each.fetched().message().getMessageNumber()).toArray();
            IMAPFolder folder = (IMAPFolder) chunk.getFirst().fetched().message().getFolder();
            try {
                folder.doCommand(protocol -> {
                    // BODY.PEEK[], never BODY[]: fetching must not set \Seen.
                    for (Response response : protocol.fetch(MessageSet.createMessageSets(numbers),
                            "UID BODY.PEEK[]")) {
                        if (response instanceof FetchResponse fetch) {
                            UID uid = fetch.getItem(UID.class);
                            BODY body = fetch.getItem(BODY.class);
                            if (uid != null && body != null && !body.isHeader()) {
                                ByteArray content = body.getByteArray();
                                bodies.put(uid.uid, Arrays.copyOfRange(content.getBytes(), content.getStart(),
                                        content.getStart() + content.getCount()));
                            }
                        }
                    }
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                log.debug("Fetching {} bodies at once failed, one at a time instead: {}", chunk.size(), e.toString());
            }
        }

        /** The prefetched body of this UID, handed out once, or {@code null}. */
        byte @Nullable [] take(long uid) {
            return bodies.remove(uid);
        }
    }

    /** Bodies fetched with one IMAP command, at most (a larger message is fetched alone). */
    private static final long PREFETCH_BYTES = 2L * 1024 * 1024;
    private static final int PREFETCH_MESSAGES = 8;

    private Outcome parseAndExtract(FetchedMessage fetched, byte[] raw, List<Connector> interested,
            List<IngestError> errors, Provenance provenance) throws InterruptedException {
        parsers.acquire();
        try {
            Email email = parser.parse(raw);
            EmailHeaders headers = dated(email.headers(), provenance);
            if (headers != email.headers()) {
                email = email.withHeaders(headers);
            }
            return new Outcome(fetched, connectors.extract(interested, email, errors), errors, provenance);
        } catch (MalformedEmailException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Shutting down: not the message's fault, so nothing is recorded against it.
                throw new MailboxAccessException("stopped while processing UID " + fetched.uid(), e);
            }
            // A parser failure on one message must not stall the folder: record it and move on.
            errors.add(IngestError.of(null, IngestError.Kind.PARSE, e));
            return new Outcome(fetched, List.of(), errors, provenance);
        } finally {
            parsers.release();
        }
    }

    /** Waits until the bodies of {@code earlier} messages not yet parsed add up to at most {@code bytes}. */
    private static void awaitParsedBelow(List<Pending> earlier, long bytes) {
        long waiting = 0;
        for (Pending message : earlier) {
            waiting += message.waitingBytes();
        }
        for (Pending message : earlier) {
            if (waiting <= Math.max(bytes, 0)) {
                return;
            }
            long before = message.waitingBytes();
            try {
                message.outcome();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MailboxAccessException("stopped while processing", e);
            }
            waiting -= before;
        }
    }

    /** In one transaction, in UID order: the findings, the errors and the checkpoint of every message. */
    private void commit(List<Outcome> outcomes) {
        long accountId = outcomes.getFirst().fetched().account().id();
        transaction.executeWithoutResult(status -> {
            // Only connectors still consented now: one disabled while the batch was read gets nothing written, so
            // findings the user deletes right after disabling it do not come back from a batch that was in flight.
            // The consent rows stay locked until this commit: a disable meanwhile waits for it.
            Set<String> consented = consent.lockedForCommit(accountId);
            // The batch's findings in one statement (a round trip each would wait on PostgreSQL once per finding).
            List<ConnectorFinding> found = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                for (ConnectorFindings result : outcome.found()) {
                    if (consented.contains(result.connectorId())) {
                        result.findings().forEach(f -> found.add(new ConnectorFinding(result.connectorId(), f,
                                outcome.provenance())));
                    }
                }
            }
            findings.upsertAll(accountId, found);
            for (Outcome outcome : outcomes) {
                FetchedMessage fetched = outcome.fetched();
                for (IngestError error : outcome.errors()) {
                    errorLog.record(accountId, fetched.folder(), fetched.uid(), outcome.provenance().messageId(),
                            error);
                }
            }
            // A batch is one folder under one UIDVALIDITY; grouped anyway, so that a mixed list stays correct.
            Map<String, List<FetchedMessage>> byFolder = new LinkedHashMap<>();
            for (Outcome outcome : outcomes) {
                FetchedMessage fetched = outcome.fetched();
                byFolder.computeIfAbsent(fetched.folder() + "\u0000" + fetched.uidValidity() + "\u0000"
                        + fetched.catchupFor(), key -> new ArrayList<>()).add(fetched);
            }
            for (List<FetchedMessage> messages : byFolder.values()) {
                FetchedMessage first = messages.getFirst();
                List<Long> uids = messages.stream().map(FetchedMessage::uid).toList();
                if (first.catchupFor() == null) {
                    checkpoints.advance(accountId, first.folder(), first.uidValidity(), uids);
                } else {
                    // A catch-up's messages are below the checkpoint: its own progress moves.
                    catchups.advance(accountId, first.folder(), first.catchupFor(), first.uidValidity(), uids);
                }
            }
        });
        for (Outcome outcome : outcomes) {
            FetchedMessage fetched = outcome.fetched();
            readFailures.remove(readFailureKey(fetched));
            metrics.committed(fetched.account().name(), fetched.folder(),
                    outcome.found().stream().mapToInt(result -> result.findings().size()).sum(), outcome.errors());
            if (!outcome.errors().isEmpty()) {
                log.warn("Account '{}' {} UID {}: {}", fetched.account().name(), fetched.folder(), fetched.uid(),
                        outcome.errors());
            }
        }
    }

    private static String readFailureKey(FetchedMessage fetched) {
        return fetched.account().id() + "/" + fetched.folder() + "/" + fetched.uidValidity() + "/" + fetched.uid();
    }

    /** What one message comes to: committed together with the rest of its batch. */
    private record Outcome(FetchedMessage fetched, List<ConnectorFindings> found, List<IngestError> errors,
            Provenance provenance) {
    }

    /** A message being parsed, or already done; {@code bytes} of body held until it is parsed. */
    private record Pending(Future<Outcome> future, long bytes) {

        static Pending done(Outcome outcome) {
            return new Pending(CompletableFuture.completedFuture(outcome), 0);
        }

        Outcome outcome() throws InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                // parseAndExtract records a message's failures itself; what comes here is a stop (or a bug).
                if (e.getCause() instanceof MailboxAccessException stopped) {
                    throw stopped;
                }
                throw new MailboxAccessException("processing a message was stopped", e.getCause());
            }
        }

        long waitingBytes() {
            return future.isDone() ? 0 : bytes;
        }

        void cancel() {
            future.cancel(true);
        }
    }

    private static Provenance provenance(EmailHeaders headers, FetchedMessage fetched) {
        String domain = headers.fromDomain();
        return new Provenance(headers.messageId(), messageDate(headers.date(), receivedAt(fetched.message())),
                domain.isEmpty() ? null : domain, fetched.folder(), fetched.uid());
    }

    /**
     * The headers as connectors see them: dated like the message's findings ({@link #messageDate}), so that a mail
     * without a Date header (or with one from a clock set wrong) is read with the day the server received it, not
     * with a guess; the same headers when their own date stands.
     */
    private static EmailHeaders dated(EmailHeaders headers, Provenance provenance) {
        return Objects.equals(headers.date(), provenance.messageDate()) ? headers
                : headers.withDate(provenance.messageDate());
    }

    /** How far a Date header may be ahead of the server's receipt before it counts as wrong (a sender's bad clock). */
    static final Duration SENDER_CLOCK_SLACK = Duration.ofDays(1);

    /**
     * The date a finding's message counts with when findings of one key are merged (the later message wins): the
     * {@code Date} header, unless it lies after the server received the message (plus {@link #SENDER_CLOCK_SLACK})
     * or is missing; then the server's INTERNALDATE. Taken as it is, a Date in 2099 would make its finding win
     * against every later mail of the same booking or order, for ever.
     */
    static @Nullable Instant messageDate(@Nullable Instant sent, @Nullable Instant received) {
        if (received == null || sent != null && !sent.isAfter(received.plus(SENDER_CLOCK_SLACK))) {
            return sent;
        }
        return received;
    }

    /** The INTERNALDATE the header fetch brought; {@code null} when the server gave none. */
    private static @Nullable Instant receivedAt(IMAPMessage message) {
        try {
            java.util.Date received = message.getReceivedDate();
            return received == null ? null : received.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    /**
     * The already fetched header fields, detached from the message, so that decoding them does no I/O and an IMAP
     * failure (here, a {@link MessagingException}) is never mistaken for a malformed message. The fields are taken as
     * Angus Mail parsed them from the {@code BODY.PEEK[HEADER]} response, not written out and parsed again.
     */
    private static List<Header> headerFields(IMAPMessage message) throws MessagingException {
        return Collections.list(message.getAllHeaders());
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

    @Override
    public void destroy() {
        parsing.shutdownNow();
        committing.shutdownNow();
    }
}
