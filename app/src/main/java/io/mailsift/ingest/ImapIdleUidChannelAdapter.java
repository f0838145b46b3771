package io.mailsift.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.mailsift.account.AccountState;
import io.mailsift.account.AccountStates;
import io.mailsift.account.RegisteredAccount;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Inbound channel adapter for one IMAP folder that never modifies the mailbox, unlike Spring Integration's
 * {@code ImapIdleChannelAdapter} whose receiver selects folders READ_WRITE and marks messages read.
 *
 * <p>On its own virtual thread it connects, opens the folder with EXAMINE (read-only), sends every message with a UID
 * above the stored checkpoint to the output channel in UID order (headers, size and UID prefetched with PEEK), then
 * waits with IMAP IDLE, re-issued every {@code idle-interval}, and fetches again on wake-up. The output channel must be
 * a direct channel whose handler commits the checkpoint: progress is read back from the checkpoint store, never kept
 * here. Failures reconnect with capped exponential backoff. No flag is ever set and nothing is expunged, copied,
 * moved or appended.
 */
final class ImapIdleUidChannelAdapter extends MessageProducerSupport {

    private static final Logger log = LoggerFactory.getLogger(ImapIdleUidChannelAdapter.class);

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final RegisteredAccount account;
    private final String folderName;
    private final ImapSessions sessions;
    private final UidCheckpointStore checkpoints;
    private final AccountStates states;
    private final IngestProperties settings;
    private final ScheduledExecutorService scheduler;

    private volatile boolean watching;
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile @Nullable Thread watcher;
    private volatile @Nullable IMAPFolder openFolder;
    // New-mail notices (EXISTS) seen by Jakarta Mail, and whether the watcher is (about to be) in IDLE.
    private final AtomicLong arrivals = new AtomicLong();
    private volatile boolean idling;
    private @Nullable AccountState lastState;

    ImapIdleUidChannelAdapter(RegisteredAccount account, String folderName, ImapSessions sessions,
            UidCheckpointStore checkpoints, AccountStates states, IngestProperties settings,
            ScheduledExecutorService scheduler) {
        this.account = Objects.requireNonNull(account, "account");
        this.folderName = Objects.requireNonNull(folderName, "folderName");
        this.sessions = sessions;
        this.checkpoints = checkpoints;
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

    @Override
    protected void doStop() {
        watching = false;
        stopSignal.countDown();
        IMAPFolder folder = openFolder;
        if (folder != null) {
            abortIdle(folder);
        }
        Thread thread = watcher;
        if (thread == null) {
            return;
        }
        try {
            if (!thread.join(STOP_GRACE)) {
                // Last resort: interrupting a virtual thread blocked on a socket closes that socket.
                thread.interrupt();
                thread.join(STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        Duration backoff = settings.backoffInitial();
        while (watching) {
            Store store = null;
            IMAPFolder folder = null;
            try {
                recordState(AccountState.CONNECTING, null);
                store = sessions.connect(account.settings());
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
                while (watching) {
                    long seen = arrivals.get();
                    catchUp(folder);
                    backoff = settings.backoffInitial();
                    recordState(AccountState.IDLE, null);
                    awaitChanges((IMAPStore) store, folder, seen);
                }
            } catch (Exception e) {
                if (!watching) {
                    break;
                }
                log.warn("Mailbox '{}' folder {}: {}; retrying in {}", account.name(), folderName, describe(e),
                        backoff);
                recordState(AccountState.BACKOFF, describe(e));
                if (sleep(backoff)) {
                    break;
                }
                backoff = min(backoff.multipliedBy(2), settings.backoffMax());
            } finally {
                openFolder = null;
                close(folder, store);
            }
        }
        log.debug("Watcher of '{}' {} stopped", account.name(), folderName);
    }

    /** Sends every message above the checkpoint, in UID order, until none is left; returns how many. */
    private int catchUp(IMAPFolder folder) throws MessagingException {
        int sent = 0;
        long uidValidity = folder.getUIDValidity();
        while (watching) {
            // A new UIDVALIDITY invalidates every stored UID: start over; finding keys make that an upsert.
            long last = checkpoints.find(account.id(), folderName)
                    .filter(c -> c.uidValidity() == uidValidity)
                    .map(UidCheckpointStore.Checkpoint::lastUid)
                    .orElse(0L);
            List<Message> fresh = newerThan(folder, last);
            if (fresh.isEmpty()) {
                return sent;
            }
            recordState(AccountState.BACKFILLING, null);
            for (int from = 0; from < fresh.size() && watching; from += settings.batchSize()) {
                Message[] batch = fresh.subList(from, Math.min(from + settings.batchSize(), fresh.size()))
                        .toArray(Message[]::new);
                folder.fetch(batch, prefetch());
                for (Message message : batch) {
                    if (!watching) {
                        return sent;
                    }
                    long uid = folder.getUID(message);
                    // Synchronous: returns after the handler committed findings and checkpoint, or throws.
                    sendMessage(MessageBuilder
                            .withPayload(new FetchedMessage(account, folderName, uidValidity, uid,
                                    (IMAPMessage) message))
                            .build());
                    sent++;
                }
            }
        }
        return sent;
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

    private static FetchProfile prefetch() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        // BODY.PEEK[HEADER]: headers for the connectors' prefilter, without fetching bodies nobody wants.
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        return profile;
    }

    /**
     * Blocks in IDLE until the server reports a change or the re-issue timer ends the IDLE. Returns at once when mail
     * arrived since {@code seen}: an EXISTS read while the IDLE is being started (some servers send it before the
     * continuation) does not end {@code idle()}, so the listener ends it instead.
     */
    private void awaitChanges(IMAPStore store, IMAPFolder folder, long seen)
            throws MessagingException, InterruptedException {
        if (!store.hasCapability("IDLE")) {
            // No IDLE: poll instead, at the same interval.
            stopSignal.await(settings.idleInterval().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
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

    /** Waits before the next attempt; returns {@code true} when stopped meanwhile. */
    private boolean sleep(Duration duration) {
        try {
            return stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Records a state change; returns whether anything was written. */
    private boolean recordState(AccountState state, @Nullable String error) {
        if (state == lastState && error == null) {
            return false;
        }
        try {
            states.record(account.id(), state, error);
            lastState = state;
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
}
