package io.mailsift.ingest;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailsift.registry.ConnectorRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which connectors have been given a folder's backfill window ({@code connector_catchups}), and the progress of those
 * that are being given it again because they were consented after the folder was read. A row goes with its consent
 * row (foreign key, cascade): disabling a connector ends its catch-up, and enabling it again leaves it without a row,
 * so it gets a new one.
 */
@Component
class ConnectorCatchups {

    /**
     * One connector's catch-up of one folder.
     *
     * @param since    messages with a UID up to {@code untilUid} are read when they arrived on or after this day
     *                 ({@code null}: all of them)
     * @param untilUid the folder's checkpoint when the catch-up was fixed: every later message is read by the normal
     *                 path with the connector consented
     * @param lastUid  every message of the window up to this UID is committed for the connector
     */
    record Catchup(String connectorId, long uidValidity, @Nullable Instant since, long untilUid, long lastUid,
            long total, long done, boolean finished, Instant startedAt) {
    }

    private final JdbcClient jdbc;
    private final Set<String> loaded;

    ConnectorCatchups(JdbcClient jdbc, ConnectorRegistry registry) {
        this.jdbc = jdbc;
        this.loaded = registry.registered().stream().map(ConnectorRegistry.RegisteredConnector::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Of these consented connectors, those loaded: only they can read a window. One consented but not loaded (its
     * plugin missing) gets no row, so that it gets its catch-up once it is loaded.
     */
    Set<String> loaded(Set<String> consented) {
        return consented.stream().filter(loaded::contains).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this connector is loaded, so that a catch-up for it can run (one whose plugin is missing waits). */
    boolean isLoaded(String connectorId) {
        return loaded.contains(connectorId);
    }

    /** Every connector's row for this folder, oldest catch-up first. */
    List<Catchup> find(long accountId, String folder) {
        return jdbc.sql("""
                SELECT connector_id, uid_validity, since, until_uid, last_uid, total, done, finished_at, started_at
                FROM connector_catchups WHERE account_id = :account AND folder = :folder
                ORDER BY started_at, connector_id""")
                .param("account", accountId)
                .param("folder", folder)
                .query((row, n) -> {
                    Timestamp since = row.getTimestamp("since");
                    return new Catchup(row.getString("connector_id"), row.getLong("uid_validity"),
                            since == null ? null : since.toInstant(), row.getLong("until_uid"),
                            row.getLong("last_uid"), row.getLong("total"), row.getLong("done"),
                            row.getTimestamp("finished_at") != null, row.getTimestamp("started_at").toInstant());
                })
                .list();
    }

    Optional<Catchup> find(long accountId, String folder, String connectorId) {
        return find(accountId, folder).stream().filter(c -> c.connectorId().equals(connectorId)).findFirst();
    }

    /**
     * Records that these connectors read the folder with its own backfill (first link, or a new UIDVALIDITY, which
     * makes every earlier catch-up of the folder meaningless): they need no catch-up.
     */
    void coveredByBackfill(long accountId, String folder, long uidValidity, Collection<String> connectorIds) {
        jdbc.sql("DELETE FROM connector_catchups WHERE account_id = :account AND folder = :folder")
                .param("account", accountId)
                .param("folder", folder)
                .update();
        for (String connectorId : connectorIds) {
            insert(accountId, folder, connectorId, uidValidity, null, 0, 0, true);
        }
    }

    /** Drops the folder's rows of another UIDVALIDITY: their UIDs mean nothing any more. */
    void dropOtherThan(long accountId, String folder, long uidValidity) {
        jdbc.sql("""
                DELETE FROM connector_catchups
                WHERE account_id = :account AND folder = :folder AND uid_validity <> :uidValidity""")
                .param("account", accountId)
                .param("folder", folder)
                .param("uidValidity", uidValidity)
                .update();
    }

    /**
     * Fixes a catch-up of the window for one connector; returns {@code false} when the connector is no longer
     * consented (disabled meanwhile) or already has a row.
     */
    boolean start(long accountId, String folder, String connectorId, long uidValidity, @Nullable Instant since,
            long untilUid, long total) {
        return insert(accountId, folder, connectorId, uidValidity, since, untilUid, total, total == 0);
    }

    private boolean insert(long accountId, String folder, String connectorId, long uidValidity,
            @Nullable Instant since, long untilUid, long total, boolean finished) {
        try {
            // From the consent row: a connector disabled a moment ago gets no row (and the foreign key holds).
            return jdbc.sql("""
                    INSERT INTO connector_catchups (account_id, folder, connector_id, uid_validity, since, until_uid,
                        total, finished_at)
                    SELECT account_id, :folder, connector_id, :uidValidity, :since, :untilUid, :total,
                        CASE WHEN :finished THEN now() END
                    FROM account_connectors WHERE account_id = :account AND connector_id = :connector
                    ON CONFLICT (account_id, folder, connector_id) DO NOTHING""")
                    .param("account", accountId)
                    .param("folder", folder)
                    .param("connector", connectorId)
                    .param("uidValidity", uidValidity)
                    .param("since", since == null ? null : since.atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("untilUid", untilUid)
                    .param("total", total)
                    .param("finished", finished)
                    .update() > 0;
        } catch (DataIntegrityViolationException e) {
            // The consent row went between the SELECT and the foreign key check: disabled, nothing to read.
            return false;
        }
    }

    /**
     * Moves a catch-up's progress to the highest of {@code uids} (one batch, committed with the connector's findings),
     * counting those above the old progress. Joins the caller's transaction; does nothing once the row is gone.
     */
    void advance(long accountId, String folder, String connectorId, long uidValidity, List<Long> uids) {
        UidBatch batch = UidBatch.of(uids);
        jdbc.sql("""
                UPDATE connector_catchups c SET
                    done = LEAST(c.done + (SELECT count(DISTINCT batch.uid)
                                           FROM unnest(CAST(:uids AS bigint[])) AS batch(uid)
                                           WHERE batch.uid > c.last_uid AND batch.uid <= c.until_uid), c.total),
                    last_uid = GREATEST(c.last_uid, :uid),
                    updated_at = now()
                WHERE account_id = :account AND folder = :folder AND connector_id = :connector
                  AND uid_validity = :uidValidity""")
                .param("account", accountId)
                .param("folder", folder)
                .param("connector", connectorId)
                .param("uidValidity", uidValidity)
                .param("uid", batch.highest())
                .param("uids", batch.array())
                .update();
    }

    /**
     * Ends this catch-up: a message of the window expunged before it could be read counts as done. Only this one: a
     * row of the same connector started since (disabled and enabled again meanwhile) is left to run.
     */
    void finish(long accountId, String folder, Catchup catchup) {
        jdbc.sql("""
                UPDATE connector_catchups SET last_uid = GREATEST(last_uid, until_uid), done = total,
                    finished_at = now(), updated_at = now()
                WHERE account_id = :account AND folder = :folder AND connector_id = :connector
                  AND uid_validity = :uidValidity AND started_at = :startedAt""")
                .param("account", accountId)
                .param("folder", folder)
                .param("connector", catchup.connectorId())
                .param("uidValidity", catchup.uidValidity())
                .param("startedAt", catchup.startedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }
}
