package io.mailsift.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.mailsift.registry.ConnectorRegistry;
import io.mailsift.system.TestPostgres;
import io.mailsift.user.AdminProperties;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration of configured accounts against the real schema. */
class ConfiguredAccountsTest {

    private static final JdbcClient jdbc = JdbcClient.create(TestPostgres.newMigratedDatabase());
    private static final AdminProperties NO_ADMIN = new AdminProperties(null, null, null);

    private static final ConnectorRegistry registry = ConnectorRegistry.discover(
            ConfiguredAccountsTest.class.getClassLoader());

    private final AccountConsent consent = new AccountConsent(jdbc);

    private final ConfiguredAccounts accounts = new ConfiguredAccounts(new AccountsProperties(List.of(
            new ConfiguredAccount("registration-test", "imap.example.org", 0, Security.STARTTLS, "me@example.org",
                    "hunter2", List.of("INBOX")))), jdbc, NO_ADMIN, consent, registry);

    private final AccountStates states = new AccountStates(jdbc);

    @Test
    void shouldRegisterConfiguredAccountsUnderTheLocalUserOnceWithoutThePassword() {
        List<RegisteredAccount> first = accounts.register();
        List<RegisteredAccount> second = accounts.register();

        assertThat(second).extracting(RegisteredAccount::id)
                .isEqualTo(first.stream().map(RegisteredAccount::id).toList());
        var row = jdbc.sql("""
                SELECT u.username, a.host, a.port, a.security, a.username AS login, a.source
                FROM mail_accounts a JOIN users u ON u.id = a.user_id WHERE a.name = 'registration-test'""")
                .query().singleRow();
        assertThat(row).containsEntry("username", ConfiguredAccounts.LOCAL_USERNAME)
                .containsEntry("host", "imap.example.org")
                .containsEntry("port", 143)
                .containsEntry("security", "starttls")
                .containsEntry("login", "me@example.org")
                .containsEntry("source", "config");
        assertThat(jdbc.sql("SELECT * FROM mail_accounts").query().listOfRows().toString()).doesNotContain("hunter2");
    }

    @Test
    void shouldUpdateConnectionSettingsOfAnAccountMatchedByName() {
        long id = accounts.register().getFirst().id();
        ConfiguredAccounts moved = new ConfiguredAccounts(new AccountsProperties(List.of(
                new ConfiguredAccount("registration-test", "imap.example.net", 0, Security.TLS, "me@example.org",
                        null, List.of("INBOX")))), jdbc, NO_ADMIN, consent, registry);

        assertThat(moved.register().getFirst().id()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT host || ':' || port FROM mail_accounts WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("imap.example.net:993");
        accounts.register();
    }

    @Test
    void shouldRegisterConfiguredAccountsUnderTheConfiguredAdmin() {
        ConfiguredAccounts owned = new ConfiguredAccounts(new AccountsProperties(List.of(
                new ConfiguredAccount("admin-owned", "imap.example.org", 0, Security.TLS, "me@example.org", null,
                        List.of("INBOX")))), jdbc, new AdminProperties("ops-admin", null, null), consent, registry);

        long accountId = owned.register().getFirst().id();

        assertThat(jdbc.sql("""
                SELECT u.username FROM mail_accounts a JOIN users u ON u.id = a.user_id WHERE a.id = :id""")
                .param("id", accountId).query(String.class).single()).isEqualTo("ops-admin");
        assertThat(jdbc.sql("SELECT password_hash IS NULL FROM users WHERE username = 'ops-admin'")
                .query(Boolean.class).single()).as("no password until FirstAdmin sets one").isTrue();
    }

    @Test
    void shouldKeepTheLastErrorVisibleAfterRecovery() {
        long id = accounts.register().getFirst().id();

        states.record(id, AccountState.BACKOFF, "connection refused");
        states.record(id, AccountState.IDLE, null);

        var row = jdbc.sql("SELECT state, last_error FROM mail_accounts WHERE id = :id").param("id", id).query()
                .singleRow();
        assertThat(row).containsEntry("state", "idle").containsEntry("last_error", "connection refused");
    }

    @Test
    void shouldLetEveryLoadedConnectorReadAConfiguredAccountByDefault() {
        long id = accounts.register().getFirst().id();

        assertThat(consent.enabled(id)).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                registry.registered().stream().map(ConnectorRegistry.RegisteredConnector::id).toList());
    }

    @Test
    void shouldLetOnlyTheConfiguredConnectorsReadAnAccountThatListsThem() {
        ConfiguredAccounts travelOnly = new ConfiguredAccounts(new AccountsProperties(List.of(
                new ConfiguredAccount("consent-test", "imap.example.org", 0, Security.TLS, "me", null,
                        List.of("INBOX"), true, TlsTrust.SYSTEM, List.of("travel")))), jdbc, NO_ADMIN, consent,
                registry);
        long id = travelOnly.register().getFirst().id();
        consent.replace(id, List.of("travel", "purchases"));

        travelOnly.register();

        assertThat(jdbc.sql("SELECT connector_id FROM account_connectors WHERE account_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("travel");
    }
}
