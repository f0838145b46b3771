package io.mailsift.account;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailsift.registry.ConnectorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the accounts declared in configuration in the database, under the single local user. Re-running is
 * safe: accounts are matched by name and their connection settings updated; passwords are never stored. Their consent
 * rows are set to the configured {@code connectors}, or to every loaded connector.
 */
@Component
public class ConfiguredAccounts {

    /** The user that owns every configured account, until user accounts exist. */
    public static final String LOCAL_USERNAME = "local";

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);

    private final AccountsProperties properties;
    private final JdbcClient jdbc;
    private final AccountConsent consent;
    private final ConnectorRegistry registry;

    ConfiguredAccounts(AccountsProperties properties, JdbcClient jdbc, AccountConsent consent,
            ConnectorRegistry registry) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.consent = consent;
        this.registry = registry;
    }

    /** Upserts the local user and every configured account; returns them with their ids, in configuration order. */
    @Transactional
    public List<RegisteredAccount> register() {
        long userId = localUserId();
        Set<String> loaded = registry.registered().stream().map(ConnectorRegistry.RegisteredConnector::id)
                .collect(Collectors.toUnmodifiableSet());
        return properties.accounts().stream().map(account -> {
            long id = upsert(userId, account);
            if (account.connectors() == null) {
                consent.replace(id, loaded);
            } else {
                account.connectors().stream().filter(c -> !loaded.contains(c)).forEach(c -> log.warn(
                        "Account '{}': connector '{}' of mailsift.accounts[].connectors is not loaded (loaded: {})",
                        account.name(), c, loaded));
                consent.replace(id, account.connectors());
            }
            return new RegisteredAccount(id, userId, account);
        }).toList();
    }

    /** The id of the local user, created on first use. */
    @Transactional
    public long localUserId() {
        return jdbc.sql("""
                INSERT INTO users (username, display_name) VALUES (:username, 'Local user')
                ON CONFLICT (username) DO UPDATE SET username = excluded.username
                RETURNING id""")
                .param("username", LOCAL_USERNAME)
                .query(Long.class)
                .single();
    }

    private long upsert(long userId, ConfiguredAccount account) {
        return jdbc.sql("""
                INSERT INTO mail_accounts (user_id, name, host, port, security, username, source)
                VALUES (:userId, :name, :host, :port, :security, :username, 'config')
                ON CONFLICT (user_id, name) DO UPDATE SET host = excluded.host, port = excluded.port,
                    security = excluded.security, username = excluded.username, source = 'config'
                RETURNING id""")
                .param("userId", userId)
                .param("name", account.name())
                .param("host", account.host())
                .param("port", account.port())
                .param("security", account.security().configValue())
                .param("username", account.username())
                .query(Long.class)
                .single();
    }
}
