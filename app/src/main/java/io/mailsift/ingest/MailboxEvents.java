package io.mailsift.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records what happened to a folder that explains its findings later ({@code mailbox_events}), and logs it. */
@Component
class MailboxEvents {

    private static final Logger log = LoggerFactory.getLogger(MailboxEvents.class);

    private final JdbcClient jdbc;

    MailboxEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The server renumbered the folder: every stored UID is void and the folder is backfilled again. */
    void uidValidityChanged(long accountId, String accountName, String folder, long oldValue, long newValue) {
        log.warn("Account '{}' folder {}: UIDVALIDITY changed from {} to {}; backfilling the folder again "
                + "(findings are upserts, nothing is duplicated)", accountName, folder, oldValue, newValue);
        jdbc.sql("""
                INSERT INTO mailbox_events (account_id, folder, kind, old_value, new_value)
                VALUES (:account, :folder, 'uidvalidity_changed', :old, :new)""")
                .param("account", accountId)
                .param("folder", folder)
                .param("old", Long.toString(oldValue))
                .param("new", Long.toString(newValue))
                .update();
    }
}
