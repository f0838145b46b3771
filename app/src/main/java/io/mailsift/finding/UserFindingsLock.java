package io.mailsift.finding;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One PostgreSQL advisory lock per user, held until the end of the calling transaction, that serialises the
 * transactions which derive a user's views from their findings (the trip and profile rebuilds) with those which delete
 * their findings (unlinking a mailbox, deleting what one connector found).
 *
 * <p>Without it the two take row locks in opposite orders: a rebuild deletes the user's old rows and inserts rows that
 * refer to findings (a key-share lock on each finding), while a deletion removes findings and, by cascade, the rows
 * that refer to them. PostgreSQL then aborts one of them with a deadlock, and the user's unlink answered an error
 * (seen when a mailbox was unlinked right after its backfill, as the held-back rebuilds started). Taken first in both
 * kinds of transaction, the lock makes one wait for the other instead. Safe with several nodes: the lock is the
 * database's. Inserting and updating findings (ingestion) does not take it: a key-share lock does not conflict with
 * an update that leaves the key alone.
 */
public final class UserFindingsLock {

    private UserFindingsLock() {
    }

    /** Waits for, then holds, the user's lock until the current transaction ends. Call it inside a transaction. */
    public static void hold(JdbcClient jdbc, long userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('mailsift.user-findings:' || :userId, 0))")
                .param("userId", userId)
                .query()
                .singleRow();
    }
}
