package io.mailsift.security;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a personal access token ({@code Authorization: Bearer msp_...}). Lives for one request,
 * never in a session; the token itself is not kept.
 */
final class PersonalAccessTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final TokenUser principal;

    PersonalAccessTokenAuthentication(long userId, boolean admin) {
        super(Roles.of(admin));
        this.principal = new TokenUser(userId);
        setAuthenticated(true);
    }

    /** The principal of a token request. */
    record TokenUser(long userId) implements SignedInUser {
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public TokenUser getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return "user#" + principal.userId();
    }
}
