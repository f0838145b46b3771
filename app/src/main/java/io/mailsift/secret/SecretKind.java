package io.mailsift.secret;

/** STUB until the integrator's io.mailsift.secret lands on main (then main's version replaces this file). */
public enum SecretKind {
    IMAP_PASSWORD("imap_password"), REFRESH_TOKEN("refresh_token"), ACCESS_TOKEN("access_token");

    private final String columnValue;

    SecretKind(String columnValue) {
        this.columnValue = columnValue;
    }

    public String columnValue() {
        return columnValue;
    }
}
