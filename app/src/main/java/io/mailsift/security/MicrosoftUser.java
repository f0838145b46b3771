package io.mailsift.security;

import java.io.Serial;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A user signed in with Microsoft: the ID token's claims, and the Mailsift user they map to. */
final class MicrosoftUser extends DefaultOidcUser implements SignedInUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;

    MicrosoftUser(long userId, boolean admin, OidcIdToken idToken) {
        super(Roles.of(admin), idToken, "sub");
        this.userId = userId;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosoftUser user && user.userId == userId && super.equals(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }
}
