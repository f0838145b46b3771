package io.mailsift.finding;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.mailsift.connector.Finding;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes findings. Joins the caller's transaction, so that findings and the UID checkpoint commit together.
 */
@Component
public class FindingStore {

    /** Rows per statement in {@link #upsertAll}: 10 parameters each, far below PostgreSQL's 65,535. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    FindingStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** A finding a connector made from a message, to be stored. */
    public record ConnectorFinding(String connectorId, Finding finding, Provenance provenance) {
    }

    /**
     * Inserts a finding, or updates payload and provenance of the one with the same key from the same connector in
     * the same account: re-processing a message, or a re-sent confirmation, never adds a second row.
     */
    public void upsert(long accountId, String connectorId, Finding finding, Provenance provenance) {
        upsertAll(accountId, List.of(new ConnectorFinding(connectorId, finding, provenance)));
    }

    /**
     * {@link #upsert}s the findings of one account in one statement per {@value #ROWS_PER_STATEMENT} instead of one
     * each (a backfill batch's findings are one round trip to the database), with one change event after the commit.
     * Of findings with the same connector and key, the last one wins, as it would in one upsert after the other.
     */
    public void upsertAll(long accountId, List<ConnectorFinding> found) {
        if (found.isEmpty()) {
            return;
        }
        // One statement must not touch a row twice (PostgreSQL refuses), so equal keys are merged first.
        Map<List<String>, ConnectorFinding> latest = new LinkedHashMap<>();
        for (ConnectorFinding each : found) {
            List<String> key = List.of(each.connectorId(), each.finding().key());
            latest.remove(key);
            latest.put(key, each);
        }
        List<ConnectorFinding> rows = new ArrayList<>(latest.values());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            insert(accountId, rows.subList(from, Math.min(from + ROWS_PER_STATEMENT, rows.size())));
        }
        announceAfterCommit(new FindingsChanged(accountId));
    }

    private void insert(long accountId, List<ConnectorFinding> rows) {
        StringJoiner values = new StringJoiner(",\n");
        for (int i = 0; i < rows.size(); i++) {
            values.add(("(:accountId, :connectorId%1$d, :key%1$d, :type%1$d, CAST(:payload%1$d AS jsonb), "
                    + ":messageId%1$d, :messageDate%1$d, :senderDomain%1$d, :folder%1$d, :uid%1$d)").formatted(i));
        }
        JdbcClient.StatementSpec statement = jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload,
                    message_id, message_date, sender_domain, folder, uid)
                VALUES %s
                ON CONFLICT (account_id, connector_id, finding_key) DO UPDATE SET
                    type = excluded.type, payload = excluded.payload, message_id = excluded.message_id,
                    message_date = excluded.message_date, sender_domain = excluded.sender_domain,
                    folder = excluded.folder, uid = excluded.uid, updated_at = now()""".formatted(values))
                .param("accountId", accountId);
        for (int i = 0; i < rows.size(); i++) {
            ConnectorFinding row = rows.get(i);
            Provenance provenance = row.provenance();
            statement = statement
                    .param("connectorId" + i, row.connectorId())
                    .param("key" + i, row.finding().key())
                    .param("type" + i, row.finding().type())
                    .param("payload" + i, json.writeValueAsString(row.finding().data()))
                    .param("messageId" + i, provenance.messageId())
                    .param("messageDate" + i, provenance.messageDate() == null ? null
                            : provenance.messageDate().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("senderDomain" + i, provenance.senderDomain())
                    .param("folder" + i, provenance.folder())
                    .param("uid" + i, provenance.uid(), Types.BIGINT);
        }
        statement.update();
    }

    /** Tells listeners (the page's change feed) only once the finding is visible to other transactions. */
    private void announceAfterCommit(FindingsChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(change);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(change);
            }
        });
    }
}
