package io.mailsift.finding;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Whether the incoming row's message is not older than the stored one's: an incoming message without date counts
     * as the latest, a stored one without date as the oldest (else one dateless mail would freeze the finding for
     * good), and of equal dates the later write wins.
     */
    private static final String NOT_OLDER = "COALESCE(excluded.message_date, 'infinity'::timestamptz)"
            + " >= COALESCE(findings.message_date, '-infinity'::timestamptz)";

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
     * Inserts a finding, or merges it into the one with the same key from the same connector in the same account:
     * re-processing a message, or a re-sent confirmation, never adds a second row.
     *
     * <p>The merge is shallow, by top-level property: of the two payloads, the one from the later message (by
     * {@link Provenance#messageDate()}; an incoming finding without date counts as the latest, a stored one without
     * date as the oldest, equal dates as the later write) gives every
     * property it has, and the other keeps those the later one lacks. A shipping notice that names an order
     * therefore sets its status without wiping the items and total its confirmation gave, and an older mail read
     * after a newer one (a backfill of older folders) never moves the status back. Type and provenance are the later
     * message's. A property once given is never removed by a later finding that omits it.
     *
     * <p>An order's or a parcel's status ({@code orderStatus}, {@code deliveryStatus}) only moves forward, whichever
     * mail is newer: a confirmation re-sent after the delivery, or a late shipping notice, does not move a delivered
     * order back; a problem shows until a newer mail says where the order stands (the database's
     * {@code keep_furthest_status}, migration V8).
     */
    public void upsert(long accountId, String connectorId, Finding finding, Provenance provenance) {
        upsertAll(accountId, List.of(new ConnectorFinding(connectorId, finding, provenance)));
    }

    /**
     * {@link #upsert}s the findings of one account in one statement per {@value #ROWS_PER_STATEMENT} instead of one
     * each (a backfill batch's findings are one round trip to the database), with one change event after the commit.
     * Findings with the same connector and key are upserted one after the other, in batch order, exactly as single
     * upserts would be.
     */
    public void upsertAll(long accountId, List<ConnectorFinding> found) {
        if (found.isEmpty()) {
            return;
        }
        // One statement must not touch a row twice (PostgreSQL refuses): the n-th finding of a key goes into round n.
        // Merging them here instead would rank an older finding of the batch above the stored row.
        Map<List<String>, Integer> seen = new HashMap<>();
        List<List<ConnectorFinding>> rounds = new ArrayList<>();
        for (ConnectorFinding each : found) {
            int round = seen.merge(List.of(each.connectorId(), each.finding().key()), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(each);
        }
        for (List<ConnectorFinding> rows : rounds) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                insert(accountId, rows.subList(from, Math.min(from + ROWS_PER_STATEMENT, rows.size())));
            }
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
                    payload = keep_furthest_status(findings.payload, excluded.payload, %2$s, CASE WHEN %2$s
                        THEN findings.payload || excluded.payload ELSE excluded.payload || findings.payload END),
                    type = CASE WHEN %2$s THEN excluded.type ELSE findings.type END,
                    message_id = CASE WHEN %2$s THEN excluded.message_id ELSE findings.message_id END,
                    message_date = CASE WHEN %2$s THEN excluded.message_date ELSE findings.message_date END,
                    sender_domain = CASE WHEN %2$s THEN excluded.sender_domain ELSE findings.sender_domain END,
                    folder = CASE WHEN %2$s THEN excluded.folder ELSE findings.folder END,
                    uid = CASE WHEN %2$s THEN excluded.uid ELSE findings.uid END,
                    updated_at = now()""".formatted(values, NOT_OLDER))
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
