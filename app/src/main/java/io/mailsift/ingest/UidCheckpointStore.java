package io.mailsift.ingest;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Progress per folder, by UID, kept in our database and never in the mailbox. */
@Component
class UidCheckpointStore {

    /** The last UID whose outcome is committed, valid only under its UIDVALIDITY. */
    record Checkpoint(long uidValidity, long lastUid) {
    }

    private final JdbcClient jdbc;

    UidCheckpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Checkpoint> find(long accountId, String folder) {
        return jdbc.sql("SELECT uid_validity, last_uid FROM folder_checkpoints WHERE account_id = :account AND folder = :folder")
                .param("account", accountId)
                .param("folder", folder)
                .query((row, n) -> new Checkpoint(row.getLong("uid_validity"), row.getLong("last_uid")))
                .optional();
    }

    /** Moves the checkpoint to {@code uid}; a new UIDVALIDITY replaces the old checkpoint. Joins the caller's transaction. */
    void advance(long accountId, String folder, long uidValidity, long uid) {
        jdbc.sql("""
                INSERT INTO folder_checkpoints (account_id, folder, uid_validity, last_uid)
                VALUES (:account, :folder, :uidValidity, :uid)
                ON CONFLICT (account_id, folder) DO UPDATE SET
                    last_uid = CASE WHEN folder_checkpoints.uid_validity = excluded.uid_validity
                                    THEN GREATEST(folder_checkpoints.last_uid, excluded.last_uid)
                                    ELSE excluded.last_uid END,
                    uid_validity = excluded.uid_validity,
                    updated_at = now()""")
                .param("account", accountId)
                .param("folder", folder)
                .param("uidValidity", uidValidity)
                .param("uid", uid)
                .update();
    }
}
