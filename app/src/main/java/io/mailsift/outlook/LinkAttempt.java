package io.mailsift.outlook;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A link started in the user's session and not yet come back: the values the callback must match. Kept in the HTTP
 * session only, used once. toString masks the verifier.
 *
 * @param userId       who started it; the callback must come from the same user
 * @param state        the {@code state} sent with the authorization request (CSRF protection of the callback)
 * @param nonce        the OIDC nonce the ID token must carry (binds the ID token to this attempt)
 * @param codeVerifier the PKCE verifier whose S256 challenge went with the authorization request
 * @param redirectUri  the redirect URI of the authorization request, which the code exchange must repeat
 * @param startedAt    when it started; it expires after {@code mailsift.outlook.link-timeout}
 */
public record LinkAttempt(long userId, String state, String nonce, String codeVerifier, String redirectUri,
        Instant startedAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "LinkAttempt[userId=" + userId + ", startedAt=" + startedAt + "]";
    }
}
