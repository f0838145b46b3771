package io.mailsift.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which connectors may read which mailbox ({@code account_connectors}): no row, no reading. Ingestion asks for every
 * message, so answers are cached per account; a change made here takes effect at once on this node, one made on
 * another node within {@link #CACHE_TTL}, and at once for a watcher that reads it with {@link #current}.
 */
@Component
public class AccountConsent {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private record Cached(Set<String> connectorIds, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    // Per account: bumped whenever the cached answer is dropped, so that a read that started before does not put its
    // older answer in the cache afterwards; also the lock that makes reads of one account put their answers in the
    // order they were read (a watcher's catch-up relies on the cache never going back behind its read).
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

    AccountConsent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The connectors enabled for this account (not scoped by user: for ingestion, which has no user). */
    public Set<String> enabled(long accountId) {
        Cached cached = cache.get(accountId);
        Instant now = Instant.now();
        if (cached != null && Duration.between(cached.readAt(), now).compareTo(CACHE_TTL) < 0) {
            return cached.connectorIds();
        }
        return readAndCache(accountId);
    }

    /**
     * The connectors enabled for this account, read from the database now; every later {@link #enabled} answer on
     * this node is at least as recent (the cache is replaced, and a read that started earlier cannot overwrite it).
     */
    public Set<String> current(long accountId) {
        return readAndCache(accountId);
    }

    /**
     * The connectors enabled for this account, read inside the caller's transaction with the account's row and its
     * consent rows locked against deletion (FOR KEY SHARE) until it commits: a connector disabled (or an account
     * unlinked) meanwhile waits for that commit, so what the transaction writes for these connectors is there before
     * the disable commits, and a delete of their findings after it sees every row. The account first, then its
     * consent: the order in which an unlink's cascade locks them.
     */
    public Set<String> lockedForCommit(long accountId) {
        boolean exists = jdbc.sql("SELECT id FROM mail_accounts WHERE id = :id FOR KEY SHARE")
                .param("id", accountId)
                .query(Long.class)
                .optional()
                .isPresent();
        if (!exists) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT connector_id FROM account_connectors WHERE account_id = :id FOR KEY SHARE")
                .param("id", accountId)
                .query(String.class)
                .list());
    }

    private Set<String> readAndCache(long accountId) {
        AtomicLong generation = generation(accountId);
        synchronized (generation) {
            long before = generation.get();
            Instant now = Instant.now();
            Set<String> ids = read(accountId);
            // Dropped meanwhile (a consent change committed): leave it dropped, the next read sees the change.
            cache.compute(accountId, (id, old) -> generation.get() == before ? new Cached(ids, now) : old);
            return ids;
        }
    }

    private Set<String> read(long accountId) {
        return Set.copyOf(jdbc.sql("SELECT connector_id FROM account_connectors WHERE account_id = :id")
                .param("id", accountId)
                .query(String.class)
                .list());
    }

    private AtomicLong generation(long accountId) {
        return generations.computeIfAbsent(accountId, id -> new AtomicLong());
    }

    /** Drops the account's cached answer now and, inside a transaction, again once it committed. */
    private void drop(long accountId) {
        invalidate(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A read between the drop above and the commit would cache the old answer for CACHE_TTL.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate(accountId);
                }
            });
        }
    }

    private void invalidate(long accountId) {
        cache.compute(accountId, (id, old) -> {
            generation(id).incrementAndGet();
            return null;
        });
    }

    /**
     * Enables a connector for an account of this user; returns {@code false} when the user has no such account.
     * Enabling twice is harmless.
     */
    @Transactional
    public boolean enable(long userId, long accountId, String connectorId) {
        int rows = jdbc.sql("""
                INSERT INTO account_connectors (account_id, connector_id)
                SELECT a.id, :connector FROM mail_accounts a WHERE a.id = :id AND a.user_id = :userId
                ON CONFLICT (account_id, connector_id) DO NOTHING""")
                .param("connector", connectorId)
                .param("id", accountId)
                .param("userId", userId)
                .update();
        drop(accountId);
        return rows > 0 || owned(userId, accountId);
    }

    /** Disables a connector for an account of this user; returns {@code false} when the user has no such account. */
    @Transactional
    public boolean disable(long userId, long accountId, String connectorId) {
        jdbc.sql("""
                DELETE FROM account_connectors c USING mail_accounts a
                WHERE c.account_id = a.id AND a.id = :id AND a.user_id = :userId AND c.connector_id = :connector""")
                .param("connector", connectorId)
                .param("id", accountId)
                .param("userId", userId)
                .update();
        drop(accountId);
        return owned(userId, accountId);
    }

    /** Sets the connectors of a configured account to exactly these (configuration decides for those). */
    @Transactional
    public void replace(long accountId, Collection<String> connectorIds) {
        Set<String> wanted = new HashSet<>(connectorIds);
        jdbc.sql("DELETE FROM account_connectors WHERE account_id = :id AND NOT (connector_id = ANY(:ids))")
                .param("id", accountId)
                .param("ids", wanted.toArray(String[]::new))
                .update();
        for (String id : wanted) {
            jdbc.sql("""
                    INSERT INTO account_connectors (account_id, connector_id) VALUES (:id, :connector)
                    ON CONFLICT (account_id, connector_id) DO NOTHING""")
                    .param("id", accountId)
                    .param("connector", id)
                    .update();
        }
        drop(accountId);
    }

    /** Forgets what is cached for the account (after it was unlinked, say). */
    public void forget(long accountId) {
        invalidate(accountId);
    }

    private boolean owned(long userId, long accountId) {
        return jdbc.sql("SELECT count(*) FROM mail_accounts WHERE id = :id AND user_id = :userId")
                .param("id", accountId)
                .param("userId", userId)
                .query(Long.class)
                .single() > 0;
    }
}
