package io.mailsift.interop;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the tests read back from Mailsift's database about one account. */
record MailsiftDatabase(JdbcClient jdbc) {

    /** The reservation numbers of the account's travel findings, one entry per stored row. */
    List<String> reservationNumbers(String account) {
        return jdbc.sql("""
                SELECT f.payload->>'reservationNumber' FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE a.name = :account AND f.connector_id = 'travel' ORDER BY 1""")
                .param("account", account).query(String.class).list();
    }

    @Nullable String state(String account) {
        return jdbc.sql("SELECT state FROM mail_accounts WHERE name = :account").param("account", account)
                .query(String.class).optional().orElse(null);
    }

    @Nullable String lastError(String account) {
        return jdbc.sql("SELECT last_error FROM mail_accounts WHERE name = :account").param("account", account)
                .query(String.class).optional().orElse(null);
    }

    /** The INBOX checkpoint, 0 before the first message was committed. */
    long lastUid(String account) {
        Optional<Long> uid = jdbc.sql("""
                SELECT c.last_uid FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
                WHERE a.name = :account AND c.folder = 'INBOX'""")
                .param("account", account).query(Long.class).optional();
        return uid.orElse(0L);
    }
}
