package io.mailsift.secret;

import java.time.Instant;

/**
 * A decrypted secret.
 *
 * @param value     the secret itself: never log it, never put it in an exception message
 * @param expiresAt when it stops working (access tokens), or {@code null}
 * @param version   bumped on every write, so that a writer can tell whether someone rotated it meanwhile
 */
public record StoredSecret(String value, Instant expiresAt, long version) {

    @Override
    public String toString() {
        return "StoredSecret[value=(hidden), expiresAt=" + expiresAt + ", version=" + version + "]";
    }
}
