package io.mailsift.link;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.mailsift.account.Security;
import org.jspecify.annotations.Nullable;

/**
 * What a user enters to link an IMAP mailbox. Checked on construction; a mistake comes back as an
 * {@link IllegalArgumentException} whose message says which field and what to do.
 *
 * @param name     how the mailbox is shown; default {@code username@host}; unique among the user's mailboxes
 * @param host     the IMAP server's host name or address
 * @param port     the port; {@code null} or 0: 993 for {@code tls}, 143 otherwise
 * @param security {@code tls} (default), {@code starttls} or {@code none}
 * @param username the login
 * @param password the app password; never logged, left out of {@link #toString()}
 * @param folders  the folders to watch, default {@code [INBOX]}
 */
public record ImapLinkRequest(String name, String host, int port, Security security, String username,
        String password, List<String> folders) {

    // A host name or an address literal: no scheme, path, user info or spaces.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]{1,253}");

    public ImapLinkRequest {
        host = required(host, "host").toLowerCase(Locale.ROOT);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host must be a host name such as imap.example.org, without "
                    + "scheme, path or port");
        }
        if (host.chars().filter(c -> c == ':').count() == 1) {
            throw new IllegalArgumentException("host must not include the port: put it in the port field");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port == 0) {
            port = security.defaultPort();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        username = required(username, "username");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is required (an app password for most providers)");
        }
        if (password.length() > 4096 || username.length() > 320) {
            throw new IllegalArgumentException("username or password is too long");
        }
        folders = folders == null || folders.isEmpty() ? List.of("INBOX")
                : folders.stream().map(f -> required(f, "folders[]")).distinct().toList();
        if (folders.size() > 20 || folders.stream().anyMatch(f -> f.length() > 200)) {
            throw new IllegalArgumentException("at most 20 folders of at most 200 characters each");
        }
        name = name == null || name.isBlank() ? username + "@" + host : name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("name must be at most 200 characters");
        }
    }

    /** From loosely typed input (the JSON body): {@code security} as text, the port optional. */
    public static ImapLinkRequest of(@Nullable String name, @Nullable String host, @Nullable Integer port,
            @Nullable String security, @Nullable String username, @Nullable String password,
            @Nullable List<String> folders) {
        Security parsed;
        try {
            parsed = security == null || security.isBlank() ? Security.TLS
                    : Security.valueOf(security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security must be tls, starttls or none, was '" + security + "'");
        }
        return new ImapLinkRequest(name, host, port == null ? 0 : port, parsed, username, password, folders);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "ImapLinkRequest[name=" + name + ", host=" + host + ", port=" + port + ", security="
                + security.configValue() + ", username=" + username + ", password=******, folders=" + folders + "]";
    }
}
