package io.mailsift.account;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One mailbox declared in configuration ({@code mailsift.accounts[N]}), for headless use. Every field can come from
 * the environment, e.g. {@code MAILSIFT_ACCOUNTS_0_HOST}.
 *
 * @param name     a name unique among the configured accounts; the stored account is matched by it on every start
 * @param host     the IMAP server
 * @param port     the IMAP port; absent, empty or {@code 0} means the default of {@code security} (143, or 993 for
 *                 tls)
 * @param security {@code none}, {@code starttls} or {@code tls}; absent or empty means {@code tls}
 * @param username the login
 * @param password the password or app password; only ever kept in memory, never stored or logged
 * @param folders  the folders to watch; absent or empty means {@code [INBOX]}
 */
public record ConfiguredAccount(
        String name, String host, int port, Security security, String username, @Nullable String password,
        List<String> folders) {

    public ConfiguredAccount {
        require(name, "name");
        require(host, "host");
        require(username, "username");
        Objects.requireNonNull(security, "security");
        if (port == 0) {
            port = security.defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "mailsift.accounts[].port of account '" + name + "' must be between 1 and 65535, was " + port);
        }
        folders = folders.stream().filter(f -> f != null && !f.isBlank()).toList();
        if (folders.isEmpty()) {
            folders = List.of("INBOX");
        }
    }

    /** How configuration binds: empty values count as absent, since containers pass unset variables as "". */
    @ConstructorBinding
    public ConfiguredAccount(String name, String host, @Nullable Integer port, @Nullable Security security,
            String username, @Nullable String password, @Nullable List<String> folders) {
        this(name, host, port == null ? 0 : port, security == null ? Security.TLS : security, username, password,
                folders == null ? List.of() : folders);
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
                + (password == null ? "(none)" : "******") + ", folders=" + folders + "]";
    }
}
