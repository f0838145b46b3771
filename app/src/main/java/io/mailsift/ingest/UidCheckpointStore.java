package io.mailsift.ingest;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Progress per folder, by UID, kept in our database and never in the mailbox; with the folder's backfill window, so
 * that a restart resumes the same window with the same totals.
 */
@Component
class UidCheckpointStore {

    /**
     * The last UID whose outcome is committed, valid only under its UIDVALIDITY.
     *
     * @param backfillSince    messages with a UID up to {@code backfillUntilUid} are processed only when they arrived
     *                         on or after this day ({@code null}: all of them)
     * @param backfillUntilUid the highest UID when the folder was linked; later UIDs are live mail
     * @param backfillTotal    messages in the window when it was fixed
     * @param backfillDone     of those, how many are committed
     */
    record Checkpoint(long uidValidity, long lastUid, @Nullable Instant backfillSince, long backfillUntilUid,
            long backfillTotal, long backfillDone) {

        Checkpoint(long uidValidity, long lastUid) {
            this(uidValidity, lastUid, null, 0, 0, 0);
        }

        /** Whether messages of the backfill window are still ahead of the checkpoint. */
        boolean backfilling() {
            return lastUid < backfillUntilUid;
        }

        long backfillRemaining() {
            return Math.max(0, backfillTotal - backfillDone);
        }
    }

    private final JdbcClient jdbc;

    UidCheckpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Checkpoint> find(long accountId, String folder) {
        return jdbc.sql("""
                SELECT uid_validity, last_uid, backfill_since, backfill_until_uid, backfill_total, backfill_done
                FROM folder_checkpoints WHERE account_id = :account AND folder = :folder""")
                .param("account", accountId)
                .param("folder", folder)
                .query((row, n) -> {
                    Timestamp since = row.getTimestamp("backfill_since");
                    return new Checkpoint(row.getLong("uid_validity"), row.getLong("last_uid"),
                            since == null ? null : since.toInstant(), row.getLong("backfill_until_uid"),
                            row.getLong("backfill_total"), row.getLong("backfill_done"));
                })
                .optional();
    }

    /**
     * Fixes a new backfill window for the folder under {@code uidValidity}, replacing whatever was stored: the
     * checkpoint starts just below the window's first UID, so older messages are never fetched.
     */
    void startBackfill(long accountId, String folder, long uidValidity, long startUid, @Nullable Instant since,
            long untilUid, long total) {
        jdbc.sql("""
                INSERT INTO folder_checkpoints (account_id, folder, uid_validity, last_uid, backfill_since,
                    backfill_until_uid, backfill_total, backfill_done, backfill_started_at)
                VALUES (:account, :folder, :uidValidity, :startUid, :since, :untilUid, :total, 0, now())
                ON CONFLICT (account_id, folder) DO UPDATE SET
                    uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
                    backfill_since = excluded.backfill_since, backfill_until_uid = excluded.backfill_until_uid,
                    backfill_total = excluded.backfill_total, backfill_done = 0,
                    backfill_started_at = excluded.backfill_started_at, updated_at = now()""")
                .param("account", accountId)
                .param("folder", folder)
                .param("uidValidity", uidValidity)
                .param("startUid", startUid)
                .param("since", since == null ? null : since.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("untilUid", untilUid)
                .param("total", total)
                .update();
    }

    /**
     * Ends the backfill window: the checkpoint moves past the older messages after its last processed one, and a
     * message of the window that was expunged before it could be read counts as done.
     */
    void finishBackfill(long accountId, String folder, long uidValidity) {
        jdbc.sql("""
                UPDATE folder_checkpoints SET last_uid = GREATEST(last_uid, backfill_until_uid),
                    backfill_done = backfill_total, updated_at = now()
                WHERE account_id = :account AND folder = :folder AND uid_validity = :uidValidity""")
                .param("account", accountId)
                .param("folder", folder)
                .param("uidValidity", uidValidity)
                .update();
    }

    /**
     * Moves the checkpoint to the highest of {@code uids} (one batch of a folder, committed together), counting as
     * done those in the backfill window above the old checkpoint; a new UIDVALIDITY replaces the old checkpoint. One
     * statement per batch, not per message: the row would otherwise be rewritten for every message. Joins the caller's
     * transaction.
     */
    void advance(long accountId, String folder, long uidValidity, List<Long> uids) {
        UidBatch batch = UidBatch.of(uids);
        jdbc.sql("""
                INSERT INTO folder_checkpoints (account_id, folder, uid_validity, last_uid)
                VALUES (:account, :folder, :uidValidity, :uid)
                ON CONFLICT (account_id, folder) DO UPDATE SET
                    last_uid = CASE WHEN folder_checkpoints.uid_validity = excluded.uid_validity
                                    THEN GREATEST(folder_checkpoints.last_uid, excluded.last_uid)
                                    ELSE excluded.last_uid END,
                    backfill_done = CASE WHEN folder_checkpoints.uid_validity = excluded.uid_validity
                                         THEN LEAST(folder_checkpoints.backfill_done
                                                    + (SELECT count(DISTINCT batch.uid)
                                                       FROM unnest(CAST(:uids AS bigint[])) AS batch(uid)
                                                       WHERE batch.uid > folder_checkpoints.last_uid
                                                         AND batch.uid <= folder_checkpoints.backfill_until_uid),
                                                    folder_checkpoints.backfill_total)
                                         ELSE folder_checkpoints.backfill_done END,
                    uid_validity = excluded.uid_validity,
                    updated_at = now()""")
                .param("account", accountId)
                .param("folder", folder)
                .param("uidValidity", uidValidity)
                .param("uid", batch.highest())
                .param("uids", batch.array())
                .update();
    }
}
