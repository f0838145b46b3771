package io.mailsift.secret;

/** What a stored secret is; the value is also bound into the ciphertext, so a row cannot change kind. */
public enum SecretKind {
    IMAP_PASSWORD("imap_password"),
    REFRESH_TOKEN("refresh_token"),
    ACCESS_TOKEN("access_token");

    private final String column;

    SecretKind(String column) {
        this.column = column;
    }

    /** The value of {@code account_secrets.kind}. */
    public String column() {
        return column;
    }
}
