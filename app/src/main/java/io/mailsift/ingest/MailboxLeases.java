package io.mailsift.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease table ({@code mailbox_leases}, {@code lease_nodes}): which node watches which mailbox. Every statement is
 * one short autocommit transaction and compares times on the database's clock only. See
 * {@code docs/adr/0003-mailbox-leases.md}.
 */
@Component
class MailboxLeases {

    /**
     * Which accounts a node should lease: not waiting for a relink, and either configured (enabled) on this node or
     * user-linked with at least one connector enabled. {@code :configured} is a {@code bigint[]} literal.
     */
    private static final String TO_WATCH = """
            a.state <> 'relink_required'
            AND (a.id = ANY (CAST(:configured AS bigint[]))
                 OR (a.source = 'user' AND EXISTS (SELECT 1 FROM account_connectors c WHERE c.account_id = a.id)))""";

    private final JdbcClient jdbc;

    MailboxLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A renewed lease; {@code wake} when another node asked its watchers to look at their folders now. */
    record Renewal(long accountId, boolean wake) {
    }

    /** A lease gained; {@code previousNode} is the node whose lease had expired, {@code null} for a free one. */
    record Claim(long accountId, @Nullable String previousNode) {
    }

    /**
     * What the fair share is computed from: accounts to watch, nodes alive, and the fewest leases a live node holds.
     * Counts then differ by at most one: nodes fill up to floor(accounts / nodes) first, and only once every live node
     * holds that many do they take the remainder, one each, up to ceil.
     */
    record Share(long accounts, long nodes, long fewestHeld) {

        Share(long accounts, long nodes) {
            this(accounts, nodes, 0);
        }

        /** ceil(accounts / nodes); a node counts itself even before its first heartbeat is visible. */
        int perNode() {
            long live = Math.max(1, nodes);
            return (int) ((accounts + live - 1) / live);
        }

        /** floor(accounts / nodes). */
        int atLeastPerNode() {
            return (int) (accounts / Math.max(1, nodes));
        }

        /**
         * How many leases this node should hold now: floor while some live node holds fewer than floor (the nodes
         * above it give back what it needs), ceil otherwise.
         */
        int target() {
            return fewestHeld < atLeastPerNode() ? atLeastPerNode() : perNode();
        }
    }

    /** Records this node as alive until {@code now + lease}; forgets nodes gone for a day. */
    void heartbeat(String node, Duration lease) {
        jdbc.sql("""
                INSERT INTO lease_nodes (node_id, expires_at) VALUES (:node, now() + :ms * interval '1 millisecond')
                ON CONFLICT (node_id) DO UPDATE SET renewed_at = now(), expires_at = excluded.expires_at""")
                .param("node", node).param("ms", lease.toMillis()).update();
        jdbc.sql("DELETE FROM lease_nodes WHERE expires_at < now() - interval '1 day'").update();
    }

    /**
     * Extends every lease this node holds (expired ones too: nobody took them, and the node stopped their watchers
     * in time) and clears their wake requests. The leases not returned are lost. {@code SKIP LOCKED}: a row locked
     * by another transaction (an unlink deleting the account, which locks its lease through the cascade until it
     * commits) never stalls the round; such a row still in this node's name is returned as {@code kept}, not
     * renewed, and renewed at the next round, unless that transaction deleted it or another node claimed it meanwhile.
     */
    List<Renewal> renew(String node, Duration lease) {
        return jdbc.sql("""
                WITH held AS (
                    SELECT account_id, wake_requested_at FROM mailbox_leases WHERE node_id = :node
                    FOR UPDATE SKIP LOCKED),
                renewed AS (
                    UPDATE mailbox_leases l
                    SET renewed_at = now(), expires_at = now() + :ms * interval '1 millisecond',
                        wake_requested_at = NULL
                    FROM held WHERE l.account_id = held.account_id
                    RETURNING l.account_id, held.wake_requested_at IS NOT NULL AS wake)
                SELECT account_id, wake FROM renewed
                UNION ALL
                SELECT account_id, false FROM mailbox_leases
                WHERE node_id = :node AND expires_at > now() AND account_id NOT IN (SELECT account_id FROM held)""")
                .param("node", node).param("ms", lease.toMillis())
                .query((row, n) -> new Renewal(row.getLong("account_id"), row.getBoolean("wake")))
                .list();
    }

    /**
     * Records a user-linked account with no connector enabled as {@code disabled} (after its watcher stopped, so that
     * a late {@code idle} from the stopping watcher does not stay); a relink required stays shown.
     */
    void recordDisabledWithoutConsent(long accountId) {
        jdbc.sql("""
                UPDATE mail_accounts a SET state = 'disabled',
                    state_changed_at = CASE WHEN a.state = 'disabled' THEN a.state_changed_at ELSE now() END
                WHERE a.id = :id AND a.source = 'user' AND a.state NOT IN ('relink_required', 'disabled')
                    AND NOT EXISTS (SELECT 1 FROM account_connectors c WHERE c.account_id = a.id)""")
                .param("id", accountId).update();
    }

    /**
     * Claims up to {@code limit} free or expired leases of accounts to watch: this node's configured accounts first
     * (no other node may watch them), then the lowest ids. {@code SKIP LOCKED}:
     * rows another node is claiming (or renewing) right now are passed over, never claimed twice.
     */
    List<Claim> claim(String node, Duration lease, Collection<Long> configured, int limit) {
        return claim(node, lease, configured, limit, null);
    }

    /** Claims this one account's lease when it is free or expired and the account is to be watched. */
    List<Claim> claim(String node, Duration lease, Collection<Long> configured, long accountId) {
        return claim(node, lease, configured, 1, accountId);
    }

    private List<Claim> claim(String node, Duration lease, Collection<Long> configured, int limit,
            @Nullable Long only) {
        if (limit < 1) {
            return List.of();
        }
        return jdbc.sql("""
                WITH picked AS (
                    SELECT l.account_id, l.node_id AS previous
                    FROM mailbox_leases l JOIN mail_accounts a ON a.id = l.account_id
                    WHERE (l.node_id IS NULL OR l.expires_at < now()) AND %s
                        AND (CAST(:only AS bigint) IS NULL OR l.account_id = CAST(:only AS bigint))
                    ORDER BY l.account_id = ANY (CAST(:configured AS bigint[])) DESC, l.account_id LIMIT :limit
                    FOR UPDATE OF l SKIP LOCKED)
                UPDATE mailbox_leases l
                SET node_id = :node, acquired_at = now(), renewed_at = now(),
                    expires_at = now() + :ms * interval '1 millisecond', wake_requested_at = NULL
                FROM picked WHERE l.account_id = picked.account_id
                RETURNING l.account_id, picked.previous""".formatted(TO_WATCH))
                .param("node", node).param("ms", lease.toMillis()).param("limit", limit)
                .param("configured", array(configured)).param("only", only, java.sql.Types.BIGINT)
                .query((row, n) -> new Claim(row.getLong("account_id"), row.getString("previous")))
                .list();
    }

    /** This node's configured accounts whose lease is free or expired: only this node (or one configured alike) can watch them. */
    List<Long> freeConfigured(Collection<Long> configured) {
        if (configured.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT l.account_id FROM mailbox_leases l JOIN mail_accounts a ON a.id = l.account_id
                WHERE (l.node_id IS NULL OR l.expires_at < now()) AND a.state <> 'relink_required'
                    AND l.account_id = ANY (CAST(:configured AS bigint[]))
                ORDER BY l.account_id""")
                .param("configured", array(configured)).query(Long.class).list();
    }

    /** The accounts among these that are no longer to be watched (disabled, waiting for a relink). */
    Set<Long> notToWatch(Collection<Long> accountIds, Collection<Long> configured) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT a.id FROM mail_accounts a WHERE a.id = ANY (CAST(:ids AS bigint[])) AND NOT ("
                        + TO_WATCH + ")")
                .param("ids", array(accountIds)).param("configured", array(configured))
                .query(Long.class).list());
    }

    Share share(Collection<Long> configured) {
        return jdbc.sql("SELECT (SELECT count(*) FROM mail_accounts a WHERE " + TO_WATCH + ") AS accounts, "
                        + "(SELECT count(*) FROM lease_nodes WHERE expires_at > now()) AS nodes, "
                        + "(SELECT coalesce(min((SELECT count(*) FROM mailbox_leases l WHERE l.node_id = n.node_id "
                        + "AND l.expires_at > now())), 0) FROM lease_nodes n WHERE n.expires_at > now()) AS fewest")
                .param("configured", array(configured))
                .query((row, n) -> new Share(row.getLong("accounts"), row.getLong("nodes"), row.getLong("fewest")))
                .single();
    }

    /** Frees these leases of this node, for another node to claim at once. */
    void release(String node, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE mailbox_leases SET node_id = NULL, acquired_at = NULL, renewed_at = NULL, expires_at = NULL
                WHERE node_id = :node AND account_id = ANY (CAST(:ids AS bigint[]))""")
                .param("node", node).param("ids", array(accountIds)).update();
    }

    /** Frees every lease of this node and forgets the node (a graceful shutdown). */
    void releaseAll(String node) {
        jdbc.sql("""
                UPDATE mailbox_leases SET node_id = NULL, acquired_at = NULL, renewed_at = NULL, expires_at = NULL
                WHERE node_id = :node""").param("node", node).update();
        jdbc.sql("DELETE FROM lease_nodes WHERE node_id = :node").param("node", node).update();
    }

    /**
     * Asks the holder of this account's lease to wake its watchers at its next renewal; {@code false} when no node
     * holds it (the next node to claim it starts a watcher, which looks at the folder anyway).
     */
    boolean requestWake(long accountId) {
        return jdbc.sql("""
                UPDATE mailbox_leases SET wake_requested_at = now()
                WHERE account_id = :id AND node_id IS NOT NULL AND expires_at > now()""")
                .param("id", accountId).update() > 0;
    }

    private static String array(Collection<Long> ids) {
        StringJoiner array = new StringJoiner(",", "{", "}");
        ids.forEach(id -> array.add(Long.toString(id)));
        return array.toString();
    }
}
