package io.mailsift.outlook;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.jspecify.annotations.Nullable;

/** Talks to the identity platform's token endpoint: code exchange (with the PKCE verifier) and refresh. */
final class OutlookTokenEndpoint {

    /** When a provider leaves out {@code expires_in}: Microsoft's access tokens live about an hour. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final OutlookProperties settings;
    private final Clock clock;

    /**
     * Tokens as granted; toString masks them.
     *
     * @param refreshToken {@code null} when the provider did not rotate it (keep the old one)
     * @param idToken      {@code null} on a refresh without {@code openid}
     */
    record Grant(String accessToken, Instant accessTokenExpiresAt, @Nullable String refreshToken,
            @Nullable String idToken) {

        @Override
        public String toString() {
            return "Grant[accessToken=******, expiresAt=" + accessTokenExpiresAt + ", refreshToken="
                    + (refreshToken == null ? "(not rotated)" : "******") + "]";
        }
    }

    /** The provider no longer accepts the grant ({@code invalid_grant}): only the user can fix it, by relinking. */
    static final class InvalidGrantException extends Exception {

        InvalidGrantException(String description) {
            super(description);
        }
    }

    /** Any other failure: the endpoint was unreachable, or answered with another error. Worth retrying later. */
    static final class TokenEndpointException extends Exception {

        TokenEndpointException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    OutlookTokenEndpoint(OutlookProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Grant exchange(String code, URI redirectUri, CodeVerifier verifier)
            throws InvalidGrantException, TokenEndpointException {
        return request(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier), null);
    }

    Grant refresh(String refreshToken) throws InvalidGrantException, TokenEndpointException {
        // Microsoft wants the scopes again on a refresh; openid/email are left out, no new ID token is needed.
        Scope scope = new Scope();
        settings.scopes().stream().filter(s -> !s.equals("openid") && !s.equals("email")).forEach(scope::add);
        return request(new RefreshTokenGrant(new RefreshToken(refreshToken)), scope);
    }

    private Grant request(AuthorizationGrant grant, @Nullable Scope scope)
            throws InvalidGrantException, TokenEndpointException {
        ClientID client = new ClientID(settings.clientId());
        TokenRequest request = settings.clientSecret() == null || settings.clientSecret().isBlank()
                ? new TokenRequest(settings.resolvedTokenEndpoint(), client, grant, scope)
                : new TokenRequest(settings.resolvedTokenEndpoint(),
                        new ClientSecretPost(client, new Secret(settings.clientSecret())), grant, scope);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) settings.httpTimeout().toMillis());
        http.setReadTimeout((int) settings.httpTimeout().toMillis());
        Instant sentAt = clock.instant();
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new TokenEndpointException("the token endpoint " + settings.resolvedTokenEndpoint()
                    + " could not be reached: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new TokenEndpointException("the token endpoint answered something that is not a token response: "
                    + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            ErrorObject object = error.getErrorObject();
            String description = object == null ? "no error given" : object.getCode()
                    + (object.getDescription() == null ? "" : ": " + object.getDescription());
            if (object != null && OAuth2Error.INVALID_GRANT.getCode().equals(object.getCode())) {
                throw new InvalidGrantException(description);
            }
            throw new TokenEndpointException("the token endpoint refused the request (HTTP "
                    + (object == null ? "?" : object.getHTTPStatusCode()) + "): " + description, null);
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        long lifetime = tokens.getAccessToken().getLifetime();
        Instant expiresAt = sentAt.plus(lifetime > 0 ? Duration.ofSeconds(lifetime) : DEFAULT_LIFETIME);
        RefreshToken refresh = tokens.getRefreshToken();
        String idToken = tokens instanceof OIDCTokens oidc ? oidc.getIDTokenString() : null;
        return new Grant(tokens.getAccessToken().getValue(), expiresAt, refresh == null ? null : refresh.getValue(),
                idToken);
    }
}
