package io.mailsift.ingest;

import java.sql.Types;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records skipped messages and failing connectors, so that nothing is dropped silently. */
@Component
class ConnectorErrorLog {

    private static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;

    ConnectorErrorLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction. */
    void record(long accountId, String folder, long uid, @Nullable String messageId, IngestError error) {
        String reason = error.reason().length() > MAX_REASON ? error.reason().substring(0, MAX_REASON) : error.reason();
        jdbc.sql("""
                INSERT INTO connector_errors (account_id, folder, uid, message_id, connector_id, kind, reason)
                VALUES (:account, :folder, :uid, :messageId, :connectorId, :kind, :reason)""")
                .param("account", accountId)
                .param("folder", folder)
                .param("uid", uid)
                .param("messageId", messageId, Types.VARCHAR)
                .param("connectorId", error.connectorId(), Types.VARCHAR)
                .param("kind", error.kind().columnValue())
                .param("reason", reason)
                .update();
    }
}
