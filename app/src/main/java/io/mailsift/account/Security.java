package io.mailsift.account;

import java.util.Locale;

/** How the IMAP connection is protected. Configured as {@code none}, {@code starttls} or {@code tls}. */
public enum Security {
    /** Plain text; only for servers on localhost or a trusted network. Default port 143. */
    NONE(143),
    /** Plain connection upgraded with STARTTLS, which is then required. Default port 143. */
    STARTTLS(143),
    /** TLS from the first byte (IMAPS). Default port 993. */
    TLS(993);

    private final int defaultPort;

    Security(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port used when an account configures none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The value stored in {@code mail_accounts.security} and written in configuration. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
