package io.mailsift.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import io.mailsift.account.AccountConsent;
import io.mailsift.account.AccountGoneException;
import io.mailsift.account.AccountState;
import io.mailsift.account.AccountStates;
import io.mailsift.account.RegisteredAccount;
import io.mailsift.account.RelinkRequiredException;
import io.mailsift.ingest.ConnectorCatchups.Catchup;
import io.mailsift.ingest.IngestMetrics.BackfillGauges;
import io.mailsift.ingest.UidCheckpointStore.Checkpoint;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Inbound channel adapter for one IMAP folder that never modifies the mailbox, unlike Spring Integration's
 * {@code ImapIdleChannelAdapter} whose receiver selects folders READ_WRITE and marks messages read.
 *
 * <p>On its own virtual thread it connects, opens the folder with EXAMINE (read-only) and catches up: on first link
 * (no checkpoint, or a new UIDVALIDITY, which is recorded as a mailbox event) it fixes a backfill window with
 * {@code UID SEARCH SINCE} (the last {@code backfill-days}), stored with the checkpoint so that a restart resumes it;
 * older messages are never fetched and the checkpoint is set past them. Messages go to the output channel in
 * ascending UID order, which is arrival order, oldest first, so the checkpoint only moves forward; the handler fetches
 * headers and size batch by batch with PEEK, and the bodies it needs. Then it waits with IMAP IDLE, re-issued every
 * {@code idle-interval} by a shared scheduler, or polls every {@code poll-interval} where IDLE is unavailable or turned
 * off, and catches up again on every wake-up and after every reconnect. A connector consented after the folder was
 * read gets the window read again for it alone (a catch-up, see {@link #fixCatchups}) before live mail goes on; enabling
 * one wakes the watcher ({@link #wake}). The output channel must be a direct channel
 * whose handler commits the checkpoint: progress is read back from the checkpoint store, never kept here.
 *
 * <p>Failures reconnect with capped exponential backoff and full jitter, reset only after a connection stayed up for
 * {@code stable-after}; a refused login waits {@code auth-retry-interval} instead (state {@code auth_failed}). When the
 * credentials say the account must be relinked, the watcher records {@code relink_required} and ends. No flag
 * is ever set and nothing is expunged, copied, moved or appended.
 */
final class ImapIdleUidChannelAdapter extends MessageProducerSupport {

    private static final Logger log = LoggerFactory.getLogger(ImapIdleUidChannelAdapter.class);

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    // How long a stop waits for the watcher's thread before interrupting it, and again after; see stopWithin.
    private volatile Duration stopGrace = STOP_GRACE;
    private static final Duration STATE_REFRESH = Duration.ofMinutes(1);
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

    private final RegisteredAccount account;
    private final String folderName;
    private final ImapSessions sessions;
    private final UidCheckpointStore checkpoints;
    private final MailboxEvents events;
    private final IngestMetrics metrics;
    private final AccountStates states;
    private final IngestProperties settings;
    private final ScheduledExecutorService scheduler;
    private final ConnectorCatchups catchups;
    private final AccountConsent consent;
    // Released by wake() and stop: ends a wait between two polls early.
    private final Semaphore wakeups = new Semaphore(0);

    private volatile boolean watching;
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile @Nullable Thread watcher;
    private volatile @Nullable IMAPFolder openFolder;
    // New-mail notices (EXISTS) seen by Jakarta Mail, and whether the watcher is (about to be) in IDLE.
    private final AtomicLong arrivals = new AtomicLong();
    private volatile boolean idling;
    private @Nullable AccountState lastState;
    private Instant lastRecorded = Instant.EPOCH;
    private final BackfillGauges gauges;

    ImapIdleUidChannelAdapter(RegisteredAccount account, String folderName, ImapSessions sessions,
            UidCheckpointStore checkpoints, MailboxEvents events, IngestMetrics metrics, AccountStates states,
            IngestProperties settings, ScheduledExecutorService scheduler, ConnectorCatchups catchups,
            AccountConsent consent) {
        this.catchups = catchups;
        this.consent = consent;
        this.account = Objects.requireNonNull(account, "account");
        this.folderName = Objects.requireNonNull(folderName, "folderName");
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.events = events;
        this.metrics = metrics;
        this.gauges = metrics.backfill(account.name(), folderName);
        this.states = states;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @Override
    public String getComponentType() {
        return "mailsift:imap-idle-uid-channel-adapter";
    }

    @Override
    protected void doStart() {
        watching = true;
        stopSignal = new CountDownLatch(1);
        watcher = Thread.ofVirtual().name("mailbox-" + account.name() + "/" + folderName).start(this::watch);
    }

    /** Whether the watcher thread still runs: it ends when stopped, unlinked, or when a relink is required. */
    boolean alive() {
        Thread thread = watcher;
        return thread != null && thread.isAlive();
    }

    /**
     * Makes the watcher look at its folder again at once (a connector was enabled, so a catch-up may be due): ends a
     * running IDLE as new mail does, or the wait between two polls.
     */
    void wake() {
        arrivals.incrementAndGet();
        wakeups.release();
        IMAPFolder folder = openFolder;
        if (idling && folder != null) {
            abortIdle(folder);
        }
    }

    /**
     * Stops within about twice {@code grace} instead of twice {@link #STOP_GRACE}: for the lease guard, which must
     * have stopped every watcher before the leases can expire. A commit cut short here is done again by the next
     * holder (upserts).
     */
    void stopWithin(Duration grace) {
        stopGrace = grace;
        stop();
    }

    @Override
    protected void doStop() {
        Duration grace = stopGrace;
        watching = false;
        stopSignal.countDown();
        wakeups.release();
        IMAPFolder folder = openFolder;
        if (folder != null) {
            abortIdle(folder);
        }
        Thread thread = watcher;
        if (thread == null) {
            return;
        }
        try {
            if (!thread.join(grace)) {
                // Last resort: interrupting a virtual thread blocked on a socket closes that socket.
                thread.interrupt();
                if (!thread.join(grace)) {
                    log.error("The watcher of {} of account {} did not stop within {} of an interrupt", folderName,
                            account.id(), grace);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        ReconnectBackoff backoff = new ReconnectBackoff(settings.backoffInitial(), settings.backoffMax(),
                settings.stableAfter());
        while (watching) {
            Store store = null;
            IMAPFolder folder = null;
            Instant connectedAt = null;
            try {
                recordState(AccountState.CONNECTING, null);
                store = login();
                connectedAt = Instant.now();
                folder = (IMAPFolder) store.getFolder(folderName);
                // EXAMINE: the server itself then refuses any change, and \Recent is left alone.
                folder.open(Folder.READ_ONLY);
                IMAPFolder opened = folder;
                folder.addMessageCountListener(new MessageCountAdapter() {
                    @Override
                    public void messagesAdded(MessageCountEvent event) {
                        arrivals.incrementAndGet();
                        if (idling) {
                            abortIdle(opened);
                        }
                    }
                });
                openFolder = folder;
                boolean idle = settings.useIdle() && ((IMAPStore) store).hasCapability("IDLE");
                if (!idle) {
                    log.info("Account '{}' folder {}: polling every {} ({})", account.name(), folderName,
                            settings.pollInterval(), settings.useIdle() ? "the server lacks IDLE"
                                    : "mailsift.ingest.use-idle is false");
                }
                while (watching) {
                    long seen = arrivals.get();
                    // After every (re)connect and every wake-up: whatever arrived meanwhile, by UID.
                    readNew(folder);
                    if (!watching) {
                        break;
                    }
                    recordState(idle ? AccountState.IDLE : AccountState.POLLING, null);
                    if (idle) {
                        awaitChanges(folder, seen);
                    } else if (!pause(settings.pollInterval())) {
                        // NOOP: lets the server report new messages (EXISTS) before the UID FETCH.
                        folder.getMessageCount();
                    }
                }
            } catch (AccountGoneException e) {
                // Unlinked, perhaps through another node: nothing left to watch or to record.
                log.info("Account '{}' folder {}: the account was unlinked; watcher ends", account.name(),
                        folderName);
                break;
            } catch (RelinkRequiredException e) {
                // Only the user can fix this: say so and stop, rather than retry against a provider that says no.
                log.warn("Account '{}' folder {}: relink required: {}; not watched until it is linked again",
                        account.name(), folderName, e.getMessage());
                recordState(AccountState.RELINK_REQUIRED, e.getMessage());
                break;
            } catch (AuthenticationFailedException e) {
                if (!watching) {
                    break;
                }
                String answer = e.getMessage() == null ? "authentication failed" : e.getMessage();
                log.warn("Account '{}' folder {}: the server refused the login: {}; next attempt in {} "
                        + "(fix the credentials and restart to retry at once)", account.name(), folderName, answer,
                        settings.authRetryInterval());
                recordState(AccountState.AUTH_FAILED, answer);
                if (sleep(settings.authRetryInterval())) {
                    break;
                }
            } catch (Exception e) {
                if (!watching) {
                    break;
                }
                if (accessTokenExpired(e) && connectedAt != null
                        && Duration.between(connectedAt, Instant.now()).compareTo(settings.stableAfter()) >= 0) {
                    // Exchange ends a session when its access token expires, about every hour: expected, not a
                    // failure. Reconnect at once; the login refreshes the token. Only after a stable session, so that
                    // a server that keeps saying it does not make us reconnect in a loop.
                    log.info("Account '{}' folder {}: the server ended the session as its access token expired; "
                            + "reconnecting with a fresh one", account.name(), folderName);
                    continue;
                }
                Duration wait = backoff.afterFailure(
                        connectedAt == null ? null : Duration.between(connectedAt, Instant.now()));
                log.warn("Account '{}' folder {}: {}; retrying in {}", account.name(), folderName, describe(e), wait);
                recordState(AccountState.BACKOFF, describe(e));
                if (sleep(wait)) {
                    break;
                }
            } finally {
                openFolder = null;
                close(folder, store);
            }
        }
        log.debug("Watcher of '{}' {} stopped", account.name(), folderName);
    }

    /** Connects and logs in, counting the attempt by outcome. */
    private Store login() throws MessagingException {
        try {
            Store store = sessions.connect(account);
            metrics.login(account.name(), folderName, "success");
            return store;
        } catch (AuthenticationFailedException e) {
            metrics.login(account.name(), folderName, "auth_failed");
            throw e;
        } catch (MessagingException | RuntimeException e) {
            metrics.login(account.name(), folderName, "failed");
            throw e;
        }
    }

    /**
     * Processes what is new since the checkpoint: first what is left of the folder's backfill window, then the
     * catch-ups of connectors consented since the folder was read, then every message above the checkpoint, each in
     * ascending UID order (oldest first), until nothing is left.
     */
    private void readNew(IMAPFolder folder) throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        Checkpoint checkpoint = checkpoint(folder, uidValidity);
        if (checkpoint.backfilling()) {
            backfill(folder, checkpoint);
            if (!watching) {
                return;
            }
        }
        while (watching) {
            runCatchups(folder, uidValidity);
            if (!watching) {
                return;
            }
            // Read back after every round: the handler commits the checkpoint, this adapter keeps no progress.
            long last = checkpoints.find(account.id(), folderName)
                    .filter(c -> c.uidValidity() == uidValidity)
                    .map(Checkpoint::lastUid)
                    .orElseThrow(() -> new IllegalStateException("the checkpoint of " + folderName
                            + " disappeared or changed its UIDVALIDITY while watching"));
            List<Message> fresh = newerThan(folder, last);
            if (fresh.isEmpty()) {
                return;
            }
            if (fresh.size() > settings.batchSize()) {
                // A real catch-up (after an outage, say), not one new mail: show it.
                recordState(AccountState.BACKFILLING, null);
            }
            send(folder, uidValidity, fresh, null, null);
        }
    }

    /**
     * The stored checkpoint under this UIDVALIDITY; without one (first link, or the server renumbered the folder) a
     * new backfill window is fixed first.
     */
    private Checkpoint checkpoint(IMAPFolder folder, long uidValidity) throws MessagingException {
        Optional<Checkpoint> stored = checkpoints.find(account.id(), folderName);
        if (stored.isPresent() && stored.get().uidValidity() == uidValidity) {
            return stored.get();
        }
        if (stored.isPresent()) {
            events.uidValidityChanged(account.id(), account.name(), folderName, stored.get().uidValidity(),
                    uidValidity);
        }
        // The highest UID before the search: whatever arrives later is above it, hence live mail, never skipped.
        int count = folder.getMessageCount();
        long until = count == 0 ? 0 : folder.getUID(folder.getMessage(count));
        Instant since = windowStart();
        long[] window = window(folder, since, 0, until);
        long start = window.length == 0 ? until : window[0] - 1;
        // Read before any batch of the backfill: each of them sees these connectors consented (or later ones, which
        // the next round boundary gives a catch-up). Recorded before the window is fixed: a crash in between leaves
        // no checkpoint, so the next start fixes the window and records this again, instead of a checkpoint without
        // these rows, which would have had every consented connector read the backfill's first part twice.
        catchups.coveredByBackfill(account.id(), folderName, uidValidity,
                catchups.loaded(consent.current(account.id())));
        checkpoints.startBackfill(account.id(), folderName, uidValidity, start, since, until, window.length);
        log.info("Account '{}' folder {}: linking; {} of the messages up to UID {} arrived since {}, "
                + "processing them oldest first", account.name(), folderName, window.length, until,
                since == null ? "ever" : since);
        return checkpoints.find(account.id(), folderName).orElseThrow();
    }

    /** Processes what is left of the backfill window, then moves the checkpoint past the older messages. */
    private void backfill(IMAPFolder folder, Checkpoint checkpoint) throws MessagingException {
        recordState(AccountState.BACKFILLING, null);
        long[] left = window(folder, checkpoint.backfillSince(), checkpoint.lastUid(), checkpoint.backfillUntilUid());
        BackfillProgress progress = new BackfillProgress("backfill", checkpoint.backfillTotal(),
                checkpoint.backfillDone());
        log.info("Account '{}' folder {}: backfill {}/{} done, {} to go", account.name(), folderName,
                progress.done, progress.total, left.length);
        for (int from = 0; from < left.length && watching; from += roundSize()) {
            List<Message> messages = present(folder,
                    Arrays.copyOfRange(left, from, Math.min(from + roundSize(), left.length)));
            send(folder, checkpoint.uidValidity(), messages, progress, null);
        }
        if (watching) {
            checkpoints.finishBackfill(account.id(), folderName, checkpoint.uidValidity());
            progress.finish();
            log.info("Account '{}' folder {}: backfill complete, {} messages", account.name(), folderName,
                    progress.total);
        }
    }

    /** The UIDs above {@code after} and up to {@code until} of messages that arrived since that day, ascending. */
    private static long[] window(IMAPFolder folder, @Nullable Instant since, long after, long until)
            throws MessagingException {
        return LongStream.of(searchUids(folder, since)).filter(uid -> uid > after && uid <= until).toArray();
    }

    /** The messages of these UIDs that are still in the folder (one expunged meanwhile is left out). */
    private static List<Message> present(IMAPFolder folder, long[] uids) throws MessagingException {
        List<Message> messages = new ArrayList<>();
        for (Message message : folder.getMessagesByUID(uids)) {
            if (message != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** The first day of the backfill window as of today ({@code null}: the whole folder). */
    private @Nullable Instant windowStart() {
        return settings.backfillDays() == 0 ? null
                : LocalDate.now(ZoneOffset.UTC).minusDays(settings.backfillDays()).atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
    }

    /**
     * Fixes a catch-up for every consented connector that has not been given this folder's window: those messages of
     * the window up to the folder's checkpoint as read now are read again for it alone.
     *
     * <p>Called only at a round boundary, where no batch of this folder is in flight: every batch before committed,
     * so every UID it held is at or below the checkpoint read here, inside the catch-up's bound. The consent is read
     * from the database here with {@link AccountConsent#current}, which leaves the cache no older than this read, so
     * every later batch (all above the checkpoint) sees the connector consented, unless it was disabled since, which
     * deletes its row and makes the next boundary start it again when it is enabled again. A connector enabled after
     * this read is found at the next boundary, with that boundary's checkpoint. So each UID is read for the connector
     * by the catch-up or by the normal path, perhaps both (an upsert), never neither.
     *
     * @return whether a catch-up of the folder is left to run
     */
    private boolean fixCatchups(IMAPFolder folder, long uidValidity) throws MessagingException {
        Set<String> consented = consent.current(account.id());
        List<Catchup> known = catchups.find(account.id(), folderName);
        if (known.stream().anyMatch(catchup -> catchup.uidValidity() != uidValidity)) {
            catchups.dropOtherThan(account.id(), folderName, uidValidity);
            known = known.stream().filter(catchup -> catchup.uidValidity() == uidValidity).toList();
        }
        // One for a connector whose plugin is not loaded now waits until it is (read by nobody, it would end as read).
        boolean unfinished = known.stream()
                .anyMatch(catchup -> !catchup.finished() && catchups.isLoaded(catchup.connectorId()));
        Set<String> missing = new TreeSet<>(catchups.loaded(consented));
        known.forEach(catchup -> missing.remove(catchup.connectorId()));
        if (missing.isEmpty()) {
            return unfinished;
        }
        long until = checkpoints.find(account.id(), folderName)
                .filter(checkpoint -> checkpoint.uidValidity() == uidValidity)
                .map(Checkpoint::lastUid)
                .orElse(0L);
        Instant since = windowStart();
        long total = window(folder, since, 0, until).length;
        for (String connectorId : missing) {
            if (catchups.start(account.id(), folderName, connectorId, uidValidity, since, until, total)) {
                log.info("Account '{}' folder {}: reading {} again for connector {}; {} messages",
                        account.name(), folderName,
                        since == null ? "every message" : "the last " + settings.backfillDays() + " days",
                        connectorId, total);
                unfinished |= total > 0;
            }
        }
        return unfinished;
    }

    /** Runs the folder's unfinished catch-ups, one connector after the other, fixing new ones at round boundaries. */
    private void runCatchups(IMAPFolder folder, long uidValidity) throws MessagingException {
        if (!fixCatchups(folder, uidValidity)) {
            // The usual case, after every new mail: nothing to read again, one query fewer.
            return;
        }
        @Nullable Catchup last = null;
        while (watching) {
            Optional<Catchup> next = catchups.find(account.id(), folderName).stream()
                    .filter(catchup -> !catchup.finished() && catchup.uidValidity() == uidValidity
                            && catchups.isLoaded(catchup.connectorId()))
                    .findFirst();
            if (next.isEmpty() || next.get().equals(last)) {
                // Nothing left, or the one just run is unchanged (not finished, no progress): the next round retries.
                return;
            }
            last = next.get();
            runCatchup(folder, last);
        }
    }

    /**
     * Reads what is left of one connector's catch-up window for that connector alone, oldest first; ends early when
     * the connector was disabled (its row is gone).
     */
    private void runCatchup(IMAPFolder folder, Catchup catchup) throws MessagingException {
        recordState(AccountState.BACKFILLING, null);
        String connectorId = catchup.connectorId();
        long[] left = window(folder, catchup.since(), catchup.lastUid(), catchup.untilUid());
        BackfillProgress progress = new BackfillProgress("catch-up for connector " + connectorId, catchup.total(),
                catchup.done());
        log.info("Account '{}' folder {}: catch-up for connector {} {}/{} done, {} to go", account.name(),
                folderName, connectorId, progress.done, progress.total, left.length);
        for (int from = 0; from < left.length && watching; from += roundSize()) {
            if (!running(catchup)) {
                log.info("Account '{}' folder {}: connector {} was disabled; its catch-up ends", account.name(),
                        folderName, connectorId);
                progress.finish();
                return;
            }
            List<Message> messages = present(folder,
                    Arrays.copyOfRange(left, from, Math.min(from + roundSize(), left.length)));
            send(folder, catchup.uidValidity(), messages, progress, connectorId);
        }
        if (watching && running(catchup)) {
            catchups.finish(account.id(), folderName, catchup);
            progress.finish();
            log.info("Account '{}' folder {}: catch-up for connector {} complete, {} messages", account.name(),
                    folderName, connectorId, progress.total);
        }
    }

    /**
     * Whether this catch-up is still to run: disabling the connector deletes its row, and enabling it again makes a
     * new one (another start), which the loop in {@link #runCatchups(IMAPFolder, long)} then runs from its own bound.
     */
    private boolean running(Catchup catchup) {
        return catchups.find(account.id(), folderName, catchup.connectorId())
                .filter(row -> !row.finished() && row.startedAt().equals(catchup.startedAt()))
                .isPresent();
    }

    /**
     * Sends messages in UID order, in rounds of {@link #BATCHES_PER_ROUND} batches: ingestion fetches each batch's
     * headers while the batch before it is parsed and committed, and returns once the whole round is committed. The
     * messages' UIDs are known already (the UID FETCH or SEARCH that found them).
     */
    private void send(IMAPFolder folder, long uidValidity, List<Message> messages, @Nullable BackfillProgress progress,
            @Nullable String catchupFor) throws MessagingException {
        for (int from = 0; from < messages.size() && watching; from += roundSize()) {
            // A round boundary: nothing of this folder in flight (see fixCatchups).
            fixCatchups(folder, uidValidity);
            List<Message> round = messages.subList(from, Math.min(from + roundSize(), messages.size()));
            List<FetchedMessage> fetched = new ArrayList<>(round.size());
            for (Message message : round) {
                fetched.add(new FetchedMessage(account, folderName, uidValidity, folder.getUID(message),
                        (IMAPMessage) message, catchupFor));
            }
            // Synchronous: returns after the handler committed findings and checkpoint of the round, or throws.
            sendMessage(MessageBuilder.withPayload(new FetchedBatch(fetched)).build());
            if (progress != null) {
                progress.done(fetched.size());
            }
        }
    }

    /**
     * Batches handed to ingestion at once: enough that the fetch of a batch overlaps the parsing and commit of the one
     * before it for most batches, few enough that a stop is not kept waiting long (a round ends before the watcher
     * looks at its stop flag again).
     */
    private static final int BATCHES_PER_ROUND = 4;

    private int roundSize() {
        return settings.batchSize() * BATCHES_PER_ROUND;
    }

    /** UIDs of the messages that arrived on or after {@code since} (all when {@code null}), ascending. */
    private static long[] searchUids(IMAPFolder folder, @Nullable Instant since) throws MessagingException {
        String criteria = since == null ? "ALL"
                : "SINCE " + IMAP_DATE.format(since.atZone(ZoneOffset.UTC).toLocalDate());
        long[] uids = (long[]) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID SEARCH " + criteria, null);
            Response status = responses[responses.length - 1];
            LongStream.Builder found = LongStream.builder();
            if (status.isOK()) {
                for (int i = 0; i < responses.length; i++) {
                    if (responses[i] instanceof IMAPResponse response && response.keyEquals("SEARCH")) {
                        for (long uid = response.readLong(); uid != -1; uid = response.readLong()) {
                            found.add(uid);
                        }
                        responses[i] = null;
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(status);
            return found.build().sorted().distinct().toArray();
        });
        return uids;
    }

    private static List<Message> newerThan(IMAPFolder folder, long lastUid) throws MessagingException {
        List<Message> fresh = new ArrayList<>();
        // "UID FETCH n:*" answers with the last message even when every UID is below n, so filter again.
        for (Message message : folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID)) {
            if (message != null && folder.getUID(message) > lastUid) {
                fresh.add(message);
            }
        }
        fresh.sort(Comparator.comparingLong(message -> uid(folder, message)));
        return fresh;
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("UID was fetched but is not available", e);
        }
    }

    /**
     * Blocks in IDLE until the server reports a change or the re-issue timer ends the IDLE. Returns at once when mail
     * arrived since {@code seen}: an EXISTS read while the IDLE is being started (some servers send it before the
     * continuation) does not end {@code idle()}, so the listener ends it instead.
     */
    private void awaitChanges(IMAPFolder folder, long seen) throws MessagingException {
        ScheduledFuture<?> reissue = scheduler.schedule(() -> abortIdle(folder),
                settings.idleInterval().toMillis(), TimeUnit.MILLISECONDS);
        idling = true;
        try {
            if (watching && arrivals.get() == seen) {
                folder.idle(true);
            }
        } finally {
            idling = false;
            reissue.cancel(false);
        }
    }

    /** Any command from another thread ends a running IDLE (Jakarta Mail sends DONE first); NOOP is the cheapest. */
    private static void abortIdle(IMAPFolder folder) {
        Thread.ofVirtual().name("idle-abort").start(() -> {
            try {
                folder.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                log.debug("Could not end IDLE on {}: {}", folder.getFullName(), e.toString());
            }
        });
    }

    /** Waits until the next poll, or until woken; returns {@code true} when stopped meanwhile. */
    private boolean pause(Duration duration) {
        try {
            wakeups.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeups.drainPermits();
            return !watching;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Waits before the next attempt; returns {@code true} when stopped meanwhile. */
    private boolean sleep(Duration duration) {
        try {
            return stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Records a state change, or refreshes an unchanged state now and then (so that {@code last_success_at} stays
     * recent); returns whether anything was written.
     */
    private boolean recordState(AccountState state, @Nullable String error) {
        Instant now = Instant.now();
        if (state == lastState && error == null && Duration.between(lastRecorded, now).compareTo(STATE_REFRESH) < 0) {
            return false;
        }
        try {
            states.record(account.id(), state, error);
            lastState = state;
            lastRecorded = now;
            return true;
        } catch (RuntimeException e) {
            // The database may be what failed; the state is informational, the loop must go on.
            log.debug("Could not record state {} of account '{}': {}", state, account.name(), e.toString());
            return false;
        }
    }

    private static void close(@Nullable Folder folder, @Nullable Store store) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing folder: {}", e.toString());
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing store: {}", e.toString());
        }
    }

    /** Whether the server ended the session because the OAuth2 access token expired (Exchange: {@code BYE ... AccessTokenExpired}). */
    private static boolean accessTokenExpired(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("AccessTokenExpired")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e ? text : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Backfill (or catch-up) progress of this folder: logged now and then, and behind the backfill gauges. */
    private final class BackfillProgress {

        private final String what;
        private final long total;
        private long done;
        private Instant lastLogged = Instant.now();

        BackfillProgress(String what, long total, long done) {
            this.what = what;
            this.total = total;
            this.done = done;
            gauges.total().set(total);
            gauges.remaining().set(Math.max(0, total - done));
        }

        void done(int messages) {
            done = Math.min(done + messages, total);
            gauges.remaining().set(total - done);
            Instant now = Instant.now();
            if (Duration.between(lastLogged, now).compareTo(settings.progressLogInterval()) >= 0) {
                lastLogged = now;
                log.info("Account '{}' folder {}: {} {}/{}", account.name(), folderName, what, done, total);
            }
        }

        void finish() {
            done = total;
            gauges.remaining().set(0);
        }
    }
}
