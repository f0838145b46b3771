package io.mailsift.account;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One mailbox declared in configuration ({@code mailsift.accounts[N]}), for headless use. Every field can come from
 * the environment, e.g. {@code MAILSIFT_ACCOUNTS_0_HOST}.
 *
 * @param name     a name unique among the configured accounts; the stored account is matched by it on every start
 * @param host     the IMAP server
 * @param port     the IMAP port; {@code 0} or absent means the default of {@code security} (143, or 993 for tls)
 * @param security {@code none}, {@code starttls} or {@code tls} (the default)
 * @param username the login
 * @param password the password or app password; only ever kept in memory, never stored or logged
 * @param folders  the folders to watch, {@code [INBOX]} by default
 * @param enabled  {@code false} registers the account (state {@code disabled}) without watching it; default true
 * @param tlsTrust which server certificates are accepted with {@code tls} and {@code starttls}: {@code system} (the
 *                 default), {@code pem:<path>} or {@code insecure}; see {@link TlsTrust}
 * @param connectors the ids of the connectors that may read this mailbox; absent means every loaded connector. Set
 *                 on every start (configuration decides for configured accounts)
 */
public record ConfiguredAccount(
        String name, String host, @DefaultValue("0") int port, @DefaultValue("tls") Security security,
        String username, @Nullable String password, @DefaultValue("INBOX") List<String> folders,
        @DefaultValue("true") boolean enabled, @DefaultValue("system") TlsTrust tlsTrust,
        @Nullable List<String> connectors) {

    @ConstructorBinding
    public ConfiguredAccount {
        require(name, "name");
        require(host, "host");
        require(username, "username");
        if (port == 0) {
            port = security.defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "mailsift.accounts[].port of account '" + name + "' must be between 1 and 65535, was " + port);
        }
        folders = List.copyOf(folders);
        connectors = connectors == null ? null : List.copyOf(connectors);
        if (folders.isEmpty() || folders.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "mailsift.accounts[].folders of account '" + name + "' must list folder names, e.g. INBOX");
        }
    }

    /** An enabled account that trusts the JVM's trust store ({@code tls-trust: system}). */
    public ConfiguredAccount(String name, String host, int port, Security security, String username,
            @Nullable String password, List<String> folders) {
        this(name, host, port, security, username, password, folders, true, TlsTrust.SYSTEM, null);
    }

    /** An account read by every connector. */
    public ConfiguredAccount(String name, String host, int port, Security security, String username,
            @Nullable String password, List<String> folders, boolean enabled, TlsTrust tlsTrust) {
        this(name, host, port, security, username, password, folders, enabled, tlsTrust, null);
    }

    private static void require(@Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("mailsift.accounts[]." + property + " is required for every account");
        }
    }

    /** Masks the password: account settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "ConfiguredAccount[name=" + name + ", host=" + host + ", port=" + port + ", security="
                + security.configValue() + ", username=" + username + ", password="
                + (password == null ? "(none)" : "******") + ", folders=" + folders + ", enabled=" + enabled
                + ", tlsTrust=" + tlsTrust + ", connectors=" + (connectors == null ? "(all)" : connectors) + "]";
    }
}
