package io.mailsift.secret;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** STUB until the integrator's io.mailsift.secret lands on main (then main's version replaces this file). */
public record StoredSecret(String value, @Nullable Instant expiresAt, long version) {

    @Override
    public String toString() {
        return "StoredSecret[value=******, expiresAt=" + expiresAt + ", version=" + version + "]";
    }
}
