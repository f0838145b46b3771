package io.mailsift.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migrations against a real PostgreSQL: they apply cleanly and the schema enforces what the app relies on. */
class MigrationsTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrate() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        execute("TRUNCATE users RESTART IDENTITY CASCADE");
    }

    @Test
    void shouldCreateEveryTable() throws SQLException {
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .contains("users", "mail_accounts", "folder_checkpoints", "findings", "connector_errors",
                        "mailbox_events");
    }

    @Test
    void shouldRejectASecondFindingWithTheSameKeyForTheSameAccountAndConnector() throws SQLException {
        long account = insertAccount(insertUser("alice"), "home");
        insertFinding(account, "travel", "k1");

        assertThatThrownBy(() -> insertFinding(account, "travel", "k1"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
    }

    @Test
    void shouldAllowTheSameKeyUnderAnotherConnectorOrAccount() throws SQLException {
        long user = insertUser("alice");
        long home = insertAccount(user, "home");
        long work = insertAccount(user, "work");
        insertFinding(home, "travel", "k1");
        insertFinding(home, "purchases", "k1");
        insertFinding(work, "travel", "k1");

        assertThat(count("findings")).isEqualTo(3);
    }

    @Test
    void shouldUpsertAFindingOnItsKey() throws SQLException {
        long account = insertAccount(insertUser("alice"), "home");
        insertFinding(account, "travel", "k1");
        execute("INSERT INTO findings (account_id, connector_id, finding_key, type, payload) VALUES (" + account
                + ", 'travel', 'k1', 'FlightReservation', '{\"v\": 2}') ON CONFLICT (account_id, connector_id,"
                + " finding_key) DO UPDATE SET payload = excluded.payload, updated_at = now()");

        assertThat(strings("SELECT payload->>'v' FROM findings")).containsExactly("2");
    }

    @Test
    void shouldDeleteEverythingDerivedFromAnAccountWithTheAccount() throws SQLException {
        long user = insertUser("alice");
        long account = insertAccount(user, "home");
        insertDerivedRows(account);

        execute("DELETE FROM mail_accounts WHERE id = " + account);

        assertThat(count("folder_checkpoints")).isZero();
        assertThat(count("findings")).isZero();
        assertThat(count("connector_errors")).isZero();
        assertThat(count("mailbox_events")).isZero();
        assertThat(count("account_secrets")).isZero();
        assertThat(count("account_connectors")).isZero();
        assertThat(count("connector_catchups")).isZero();
    }

    @Test
    void shouldCascadeEveryReferenceToAnAccountSoThatUnlinkingIsOneDelete() throws SQLException {
        // A table added later that refers to mail_accounts without ON DELETE CASCADE would make unlinking fail or
        // leave rows behind: this guards every such reference, present and future.
        assertThat(strings("""
                SELECT c.conrelid::regclass || ' ' || c.confdeltype FROM pg_constraint c
                WHERE c.contype = 'f' AND c.confrelid IN ('mail_accounts'::regclass, 'users'::regclass)"""))
                .isNotEmpty()
                .allSatisfy(reference -> assertThat(reference).endsWith(" c"));
    }

    @Test
    void shouldEndAConnectorsCatchupWithItsConsent() throws SQLException {
        long account = insertAccount(insertUser("alice"), "home");
        execute("INSERT INTO account_connectors (account_id, connector_id) VALUES (" + account + ", 'travel'), ("
                + account + ", 'purchases')");
        for (String connector : List.of("travel", "purchases")) {
            execute("INSERT INTO connector_catchups (account_id, folder, connector_id, uid_validity, until_uid, total)"
                    + " VALUES (" + account + ", 'INBOX', '" + connector + "', 1, 9, 5)");
        }

        execute("DELETE FROM account_connectors WHERE connector_id = 'purchases'");

        assertThat(strings("SELECT connector_id FROM connector_catchups")).containsExactly("travel");
        assertThatThrownBy(() -> execute("INSERT INTO connector_catchups (account_id, folder, connector_id, "
                + "uid_validity) VALUES (" + account + ", 'INBOX', 'purchases', 1)")).isInstanceOf(SQLException.class);
    }

    @Test
    void shouldKeepOneSecretPerAccountAndKindAndRelinkRequiredAsAState() throws SQLException {
        long account = insertAccount(insertUser("alice"), "home");
        insertSecret(account, "refresh_token");

        assertThatThrownBy(() -> insertSecret(account, "refresh_token")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insertSecret(account, "cookie")).isInstanceOf(SQLException.class);
        execute("UPDATE mail_accounts SET state = 'relink_required'");
        assertThat(strings("SELECT provider || '/' || auth_method || '/' || folders::text FROM mail_accounts"))
                .containsExactly("imap/password/{INBOX}");
    }

    @Test
    void shouldStoreOnlyTheHashOfAPersonalAccessTokenAndOneOidcIdentityPerUser() throws SQLException {
        long alice = insertUser("alice");
        execute("INSERT INTO personal_access_tokens (user_id, name, token_hash, token_prefix) VALUES (" + alice
                + ", 'cli', sha256('secret'::bytea), 'ms_pat_ab')");
        execute("UPDATE users SET oidc_issuer = 'https://issuer', oidc_subject = 's1' WHERE id = " + alice);

        assertThatThrownBy(() -> execute("INSERT INTO personal_access_tokens (user_id, name, token_hash,"
                + " token_prefix) VALUES (" + alice + ", 'again', sha256('secret'::bytea), 'ms_pat_ab')"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO users (username, oidc_issuer, oidc_subject) VALUES"
                + " ('bob', 'https://issuer', 's1')")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO users (username, oidc_issuer) VALUES ('carol', 'https://i')"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void shouldStartAFolderWithAnEmptyBackfillAndAcceptOnlyKnownStatesAndEvents() throws SQLException {
        long account = insertAccount(insertUser("alice"), "home");
        insertDerivedRows(account);

        assertThat(strings("SELECT backfill_total || '/' || backfill_done || '/' || backfill_until_uid"
                + " FROM folder_checkpoints")).containsExactly("0/0/0");
        assertThat(strings("SELECT state FROM mail_accounts")).containsExactly("connecting");
        execute("UPDATE mail_accounts SET state = 'auth_failed'");
        assertThatThrownBy(() -> execute("UPDATE mail_accounts SET state = 'sleeping'"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO mailbox_events (account_id, folder, kind) VALUES (" + account
                + ", 'INBOX', 'whatever')")).isInstanceOf(SQLException.class);
    }

    @Test
    void shouldDeleteAccountsAndTheirRowsWithTheUser() throws SQLException {
        long user = insertUser("alice");
        insertDerivedRows(insertAccount(user, "home"));
        long other = insertAccount(insertUser("bob"), "home");
        insertFinding(other, "travel", "k1");

        execute("DELETE FROM users WHERE id = " + user);

        assertThat(count("mail_accounts")).isEqualTo(1);
        assertThat(count("findings")).isEqualTo(1);
        assertThat(count("folder_checkpoints")).isZero();
        assertThat(count("connector_errors")).isZero();
    }

    @Test
    void shouldRejectAnUnknownSecurityModeAndADuplicateAccountName() throws SQLException {
        long user = insertUser("alice");
        insertAccount(user, "home");

        assertThatThrownBy(() -> insertAccount(user, "home")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO mail_accounts (user_id, name, host, port, security, username)"
                + " VALUES (" + user + ", 'x', 'h', 143, 'ssl', 'u')")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO connector_errors (kind, reason) VALUES ('whatever', 'r')"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void shouldAcceptEveryKindOfErrorTheAppRecords() throws SQLException {
        for (String kind : List.of("parse", "connector", "timeout", "oversized", "unreadable")) {
            execute("INSERT INTO connector_errors (kind, reason) VALUES ('" + kind + "', 'r')");
        }

        assertThat(count("connector_errors")).isEqualTo(5);
    }

    private static void insertDerivedRows(long account) throws SQLException {
        insertFinding(account, "travel", "k1");
        execute("INSERT INTO folder_checkpoints (account_id, folder, uid_validity, last_uid) VALUES (" + account
                + ", 'INBOX', 1, 7)");
        execute("INSERT INTO connector_errors (account_id, folder, uid, kind, reason) VALUES (" + account
                + ", 'INBOX', 3, 'parse', 'broken')");
        execute("INSERT INTO mailbox_events (account_id, folder, kind, old_value, new_value) VALUES (" + account
                + ", 'INBOX', 'uidvalidity_changed', '1', '2')");
        insertSecret(account, "imap_password");
        execute("INSERT INTO account_connectors (account_id, connector_id) VALUES (" + account + ", 'travel')");
        execute("INSERT INTO connector_catchups (account_id, folder, connector_id, uid_validity) VALUES (" + account
                + ", 'INBOX', 'travel', 1)");
    }

    private static void insertSecret(long account, String kind) throws SQLException {
        execute("INSERT INTO account_secrets (account_id, kind, key_id, ciphertext) VALUES (" + account + ", '" + kind
                + "', 'k1', '\\x00')");
    }

    private static long insertUser(String username) throws SQLException {
        return insertReturningId("INSERT INTO users (username) VALUES ('" + username + "') RETURNING id");
    }

    private static long insertAccount(long user, String name) throws SQLException {
        return insertReturningId("INSERT INTO mail_accounts (user_id, name, host, port, security, username) VALUES ("
                + user + ", '" + name + "', 'imap.example.org', 993, 'tls', 'alice') RETURNING id");
    }

    private static void insertFinding(long account, String connector, String key) throws SQLException {
        execute("INSERT INTO findings (account_id, connector_id, finding_key, type, payload) VALUES (" + account
                + ", '" + connector + "', '" + key + "', 'FlightReservation', '{\"v\": 1}')");
    }

    private static long insertReturningId(String sql) throws SQLException {
        return Long.parseLong(strings(sql).getFirst());
    }

    private static long count(String table) throws SQLException {
        return Long.parseLong(strings("SELECT count(*) FROM " + table).getFirst());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
