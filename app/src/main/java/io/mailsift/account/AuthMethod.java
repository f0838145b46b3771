package io.mailsift.account;

import java.util.Locale;

/** How a mailbox logs in ({@code mail_accounts.auth_method}). */
public enum AuthMethod {
    /** IMAP LOGIN with a password or app password. */
    PASSWORD,
    /** SASL XOAUTH2 with an OAuth2 access token (Outlook.com). */
    XOAUTH2;

    /** The value stored in {@code mail_accounts.auth_method}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a stored value. */
    public static AuthMethod of(String columnValue) {
        return valueOf(columnValue.toUpperCase(Locale.ROOT));
    }
}
