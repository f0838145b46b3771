package io.mailsift.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what the user sees of their mailboxes: state, last error and per-folder progress. Scoped by user. */
@Component
public class AccountStatuses {

    private final JdbcClient jdbc;

    AccountStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The status of one folder: its UIDVALIDITY, the last UID whose findings are committed, the backfill of its
     * window (messages since {@code backfillSince}): {@code backfillDone} of {@code backfillTotal} processed, and the
     * catch-ups under way (the window read again for a connector enabled later).
     */
    public record FolderProgress(String folder, long uidValidity, long lastUid, Instant updatedAt,
            @Nullable Instant backfillSince, long backfillTotal, long backfillDone, List<CatchupProgress> catchups) {

        /** Messages of the backfill window still to process. */
        public long backfillRemaining() {
            return Math.max(0, backfillTotal - backfillDone);
        }
    }

    /** A connector's catch-up of a folder under way: {@code done} of the {@code total} messages of the window. */
    public record CatchupProgress(String connectorId, long total, long done) {
    }

    /**
     * The status of one mail account.
     *
     * @param state         one of {@code connecting, backfilling, idle, polling, backoff, auth_failed,
     *                      relink_required, disabled}
     * @param lastError     the last failure, kept after recovery
     * @param lastErrorAt   when {@code lastError} happened
     * @param lastSuccessAt when the account was last seen up to date ({@code idle} or {@code polling})
     * @param source        {@code config} (set up by the operator) or {@code user} (linked by the user)
     * @param provider      {@code imap} or {@code outlook}
     * @param watchedBy     the id of the node holding the mailbox's lease ({@code mailsift.node.id}); {@code null}
     *                      while no node holds a live one, and for whoever may not see the nodes' names
     *                      ({@link #withoutNode()})
     * @param watched       whether some node holds a live lease of the mailbox
     */
    public record AccountStatus(long id, String name, String host, String username, String state,
            @Nullable String lastError, Instant stateChangedAt, List<FolderProgress> folders,
            @Nullable Instant lastErrorAt, @Nullable Instant lastSuccessAt, String source, String provider,
            @Nullable String watchedBy, boolean watched) {

        /** This status without the node's name: internal host names are for operators only. */
        public AccountStatus withoutNode() {
            return new AccountStatus(id, name, host, username, state, lastError, stateChangedAt, folders, lastErrorAt,
                    lastSuccessAt, source, provider, null, watched);
        }
    }

    /** Every account of one user, by name, with its folders. */
    public List<AccountStatus> forUser(long userId) {
        Map<Long, AccountStatus> accounts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.id, a.name, a.host, a.username, a.state, a.last_error, a.state_changed_at, a.last_error_at,
                       a.last_success_at, a.source, a.provider, l.node_id
                FROM mail_accounts a
                LEFT JOIN mailbox_leases l ON l.account_id = a.id AND l.expires_at > now()
                WHERE a.user_id = :userId ORDER BY a.name""")
                .param("userId", userId)
                .query((ResultSet row, int n) -> new AccountStatus(row.getLong("id"), row.getString("name"),
                        row.getString("host"), row.getString("username"), row.getString("state"),
                        row.getString("last_error"), row.getTimestamp("state_changed_at").toInstant(),
                        new ArrayList<>(), instant(row.getTimestamp("last_error_at")),
                        instant(row.getTimestamp("last_success_at")), row.getString("source"),
                        row.getString("provider"), row.getString("node_id"),
                        row.getString("node_id") != null))
                .list()
                .forEach(account -> accounts.put(account.id(), account));
        jdbc.sql("""
                SELECT c.account_id, c.folder, c.uid_validity, c.last_uid, c.updated_at, c.backfill_since,
                       c.backfill_total, c.backfill_done
                FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.user_id = :userId ORDER BY c.folder""")
                .param("userId", userId)
                .query((ResultSet row, int n) -> {
                    // An account linked between the queries has no entry: it shows next time.
                    AccountStatus account = accounts.get(row.getLong("account_id"));
                    if (account != null) {
                        account.folders().add(folder(row));
                    }
                    return null;
                })
                .list();
        jdbc.sql("""
                SELECT c.account_id, c.folder, c.connector_id, c.total, c.done
                FROM connector_catchups c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.user_id = :userId AND c.finished_at IS NULL ORDER BY c.started_at, c.connector_id""")
                .param("userId", userId)
                .query((ResultSet row, int n) -> {
                    String name = row.getString("folder");
                    CatchupProgress catchup = new CatchupProgress(row.getString("connector_id"), row.getLong("total"),
                            row.getLong("done"));
                    // As above: an account linked between the queries shows next time.
                    Optional.ofNullable(accounts.get(row.getLong("account_id"))).stream()
                            .flatMap(account -> account.folders().stream())
                            .filter(folder -> folder.folder().equals(name))
                            .findFirst()
                            .ifPresent(folder -> folder.catchups().add(catchup));
                    return null;
                })
                .list();
        return accounts.values().stream()
                .map(a -> new AccountStatus(a.id(), a.name(), a.host(), a.username(), a.state(), a.lastError(),
                        a.stateChangedAt(), a.folders().stream().map(f -> new FolderProgress(f.folder(),
                                f.uidValidity(), f.lastUid(), f.updatedAt(), f.backfillSince(), f.backfillTotal(),
                                f.backfillDone(), List.copyOf(f.catchups()))).toList(),
                        a.lastErrorAt(), a.lastSuccessAt(), a.source(), a.provider(), a.watchedBy(), a.watched()))
                .toList();
    }

    /** One account of one user; empty when the user has no such account (another user's included). */
    public Optional<AccountStatus> forUser(long userId, long accountId) {
        return forUser(userId).stream().filter(account -> account.id() == accountId).findFirst();
    }

    private static FolderProgress folder(ResultSet row) throws SQLException {
        return new FolderProgress(row.getString("folder"), row.getLong("uid_validity"), row.getLong("last_uid"),
                row.getTimestamp("updated_at").toInstant(), instant(row.getTimestamp("backfill_since")),
                row.getLong("backfill_total"), row.getLong("backfill_done"), new ArrayList<>());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
