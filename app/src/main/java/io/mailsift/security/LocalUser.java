package io.mailsift.security;

import java.io.Serial;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user signed in with a local password; kept in the session (serialized), without the hash after sign-in. */
final class LocalUser implements UserDetails, CredentialsContainer, SignedInUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private @Nullable String passwordHash;
    private final boolean admin;
    private final boolean enabled;
    private final boolean locked;

    LocalUser(long userId, String username, @Nullable String passwordHash, boolean admin, boolean enabled,
            boolean locked) {
        this.userId = userId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.enabled = enabled;
        this.locked = locked;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Roles.of(admin);
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LocalUser[id=" + userId + ", username=" + username + ", admin=" + admin + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalUser user && user.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }
}
