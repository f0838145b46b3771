package io.mailsift.finding;

import java.sql.Types;
import java.time.ZoneOffset;

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

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    FindingStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /**
     * Inserts a finding, or updates payload and provenance of the one with the same key from the same connector in
     * the same account: re-processing a message, or a re-sent confirmation, never adds a second row.
     */
    public void upsert(long accountId, String connectorId, Finding finding, Provenance provenance) {
        jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload,
                    message_id, message_date, sender_domain, folder, uid)
                VALUES (:accountId, :connectorId, :key, :type, CAST(:payload AS jsonb),
                    :messageId, :messageDate, :senderDomain, :folder, :uid)
                ON CONFLICT (account_id, connector_id, finding_key) DO UPDATE SET
                    type = excluded.type, payload = excluded.payload, message_id = excluded.message_id,
                    message_date = excluded.message_date, sender_domain = excluded.sender_domain,
                    folder = excluded.folder, uid = excluded.uid, updated_at = now()""")
                .param("accountId", accountId)
                .param("connectorId", connectorId)
                .param("key", finding.key())
                .param("type", finding.type())
                .param("payload", json.writeValueAsString(finding.data()))
                .param("messageId", provenance.messageId())
                .param("messageDate", provenance.messageDate() == null ? null
                        : provenance.messageDate().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("senderDomain", provenance.senderDomain())
                .param("folder", provenance.folder())
                .param("uid", provenance.uid(), Types.BIGINT)
                .update();
        announceAfterCommit(new FindingsChanged(accountId));
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
