package io.mailsift.finding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads stored findings for pages and the API. Every read is scoped by user, except the operator's {@link #latest}. */
@Component
public class FindingQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final String SELECT = """
            SELECT f.id, a.user_id, a.name AS account_name, f.connector_id, f.type, f.finding_key, f.payload::text,
                   f.message_id, f.message_date, f.sender_domain, f.folder, f.uid, f.updated_at
            FROM findings f JOIN mail_accounts a ON a.id = f.account_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FindingQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The most recently written findings of one user's accounts, newest first.
     *
     * @param userId the user ({@code users.id}); findings of other users are never returned
     * @param limit  at most this many
     */
    public List<StoredFinding> latestForUser(long userId, int limit) {
        return jdbc.sql(SELECT + " WHERE a.user_id = :userId ORDER BY f.updated_at DESC, f.id DESC LIMIT :limit")
                .param("userId", userId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * The most recently written findings of one account of one user, newest first; empty for another user's account.
     */
    public List<StoredFinding> latestForAccount(long userId, long accountId, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE a.user_id = :userId AND a.id = :accountId ORDER BY f.updated_at DESC, f.id DESC LIMIT :limit""")
                .param("userId", userId)
                .param("accountId", accountId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The most recently written findings of every user, newest first: for a single-user node and for operators. */
    public List<StoredFinding> latest(int limit) {
        return jdbc.sql(SELECT + " ORDER BY f.updated_at DESC, f.id DESC LIMIT :limit")
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    private StoredFinding map(ResultSet row, int rowNumber) throws SQLException {
        long uid = row.getLong("uid");
        Long uidOrNull = row.wasNull() ? null : uid;
        return new StoredFinding(
                row.getLong("id"),
                row.getLong("user_id"),
                row.getString("account_name"),
                row.getString("connector_id"),
                row.getString("type"),
                row.getString("finding_key"),
                json.readValue(row.getString("payload"), JSON_OBJECT),
                new Provenance(row.getString("message_id"), instant(row.getTimestamp("message_date")),
                        row.getString("sender_domain"), row.getString("folder"), uidOrNull),
                row.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
