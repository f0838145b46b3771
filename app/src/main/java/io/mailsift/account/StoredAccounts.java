package io.mailsift.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads user-linked mailboxes ({@code source = 'user'}) as the watchers need them. */
@Component
public class StoredAccounts {

    private static final String COLUMNS = """
            SELECT a.id, a.user_id, a.name, a.host, a.port, a.security, a.username, a.folders, a.tls_trust
            FROM mail_accounts a""";

    private final JdbcClient jdbc;

    StoredAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every user-linked mailbox with at least one connector enabled: those to watch at start-up. */
    public List<RegisteredAccount> userLinkedWithConsent() {
        return jdbc.sql(COLUMNS + """
                 WHERE a.source = 'user'
                  AND EXISTS (SELECT 1 FROM account_connectors c WHERE c.account_id = a.id)
                ORDER BY a.id""")
                .query(StoredAccounts::account)
                .list();
    }

    /** A user-linked mailbox by id; empty for configured accounts and unknown ids. */
    public Optional<RegisteredAccount> userLinked(long accountId) {
        return jdbc.sql(COLUMNS + " WHERE a.id = :id AND a.source = 'user'")
                .param("id", accountId)
                .query(StoredAccounts::account)
                .optional();
    }

    private static RegisteredAccount account(ResultSet row, int n) throws SQLException {
        Array folders = row.getArray("folders");
        List<String> names = List.of((String[]) folders.getArray());
        ConfiguredAccount settings = new ConfiguredAccount(row.getString("name"), row.getString("host"),
                row.getInt("port"), Security.valueOf(row.getString("security").toUpperCase(java.util.Locale.ROOT)),
                row.getString("username"), null, names, true, TlsTrust.of(row.getString("tls_trust")));
        return new RegisteredAccount(row.getLong("id"), row.getLong("user_id"), settings, true);
    }
}
