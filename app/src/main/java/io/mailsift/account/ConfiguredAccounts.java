package io.mailsift.account;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailsift.registry.ConnectorRegistry;
import io.mailsift.user.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the accounts declared in configuration in the database. They belong to the admin named in
 * {@code mailsift.admin.username} when one is configured, else to the user {@value #LOCAL_USERNAME} (created without a
 * password; give it one with {@code mailsift user add local} to see its accounts). Re-running is safe: accounts are
 * matched by owner and name and their connection settings updated; passwords are never stored. Their
 * consent rows are set to the configured {@code connectors}, or to every loaded connector.
 */
@Component
public class ConfiguredAccounts {

    /** The user that owns every configured account when no admin is configured. */
    public static final String LOCAL_USERNAME = "local";

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);

    private final AccountsProperties properties;
    private final JdbcClient jdbc;
    private final AdminProperties admin;
    private final AccountConsent consent;
    private final ConnectorRegistry registry;

    ConfiguredAccounts(AccountsProperties properties, JdbcClient jdbc, AdminProperties admin, AccountConsent consent,
            ConnectorRegistry registry) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.admin = admin;
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

    /**
     * The id of the user that owns the configured accounts (the configured admin, else {@value #LOCAL_USERNAME}),
     * created without a password on first use.
     */
    @Transactional
    public long localUserId() {
        String adminName = admin.username();
        boolean local = adminName == null || adminName.isBlank();
        // Created without a password: nobody signs in as the owner until it is given one (FirstAdmin does so at
        // start for the configured admin).
        return jdbc.sql("""
                INSERT INTO users (username, display_name) VALUES (:username, :displayName)
                ON CONFLICT (username) DO UPDATE SET username = excluded.username
                RETURNING id""")
                .param("username", local ? LOCAL_USERNAME : adminName.strip())
                .param("displayName", local ? "Local user" : null)
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
