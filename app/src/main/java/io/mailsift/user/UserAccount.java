package io.mailsift.user;

import org.jspecify.annotations.Nullable;

/**
 * A user as sign-in sees it.
 *
 * @param passwordHash the Argon2id hash with its {@code {argon2}} prefix; {@code null} when the user has no local
 *                     password (signs in with Microsoft only, or owns configured accounts without signing in)
 * @param disabled     a disabled user cannot sign in and their tokens stop working
 */
public record UserAccount(long id, String username, @Nullable String displayName, @Nullable String passwordHash,
        boolean admin, boolean disabled) {

    /** Leaves the hash out: users end up in logs and failure reports. */
    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", admin=" + admin + ", disabled=" + disabled
                + "]";
    }
}
