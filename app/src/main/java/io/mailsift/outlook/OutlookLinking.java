package io.mailsift.outlook;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.mailsift.ingest.MailboxWatchers;
import io.mailsift.outlook.IdTokenVerifier.InvalidIdTokenException;
import io.mailsift.outlook.IdTokenVerifier.VerifiedIdToken;
import io.mailsift.outlook.OutlookTokenEndpoint.Grant;
import io.mailsift.outlook.OutlookTokenEndpoint.InvalidGrantException;
import io.mailsift.outlook.OutlookTokenEndpoint.TokenEndpointException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Outlook link flow: authorization code with PKCE (S256), a random {@code state} and an OIDC nonce, all kept in a
 * {@link LinkAttempt} bound to the user's session; then the code exchange with the verifier, the ID token check and
 * the account with its tokens stored in one transaction, after which its watcher (re)starts.
 */
@Component
public class OutlookLinking {

    private static final Logger log = LoggerFactory.getLogger(OutlookLinking.class);
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private final OutlookProperties settings;
    private final OutlookAccounts accounts;
    private final MailboxWatchers watchers;
    private final OutlookTokenEndpoint tokenEndpoint;
    private final @Nullable IdTokenVerifier idTokens;
    private final Clock clock = Clock.systemUTC();

    /** A started link: where to send the browser, and what to keep in the session until it comes back. */
    public record Start(URI authorizationRequest, LinkAttempt attempt) {
    }

    OutlookLinking(OutlookProperties settings, OutlookAccounts accounts, MailboxWatchers watchers) {
        this.settings = settings;
        this.accounts = accounts;
        this.watchers = watchers;
        this.tokenEndpoint = new OutlookTokenEndpoint(settings, clock);
        this.idTokens = settings.configured() ? new IdTokenVerifier(settings.clientId(), settings.resolvedIssuer(),
                keySource(settings), settings.authority()) : null;
    }

    private static com.nimbusds.jose.jwk.source.JWKSource<SecurityContext> keySource(OutlookProperties settings) {
        int timeout = (int) settings.httpTimeout().toMillis();
        try {
            // Cached, and fetched again when a token names an unknown key (Microsoft rolls its keys).
            return JWKSourceBuilder.<SecurityContext>create(settings.resolvedJwkSetUri().toURL(),
                    new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT)).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("mailsift.outlook.jwk-set-uri is not a URL: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a link for the user; {@code redirectUri} is used unless {@code mailsift.outlook.redirect-uri} is set.
     * {@code relinkAccountId}, one of the user's Outlook accounts (others are ignored), preselects its mailbox at
     * Microsoft.
     */
    public Start start(long userId, URI redirectUri, @Nullable Long relinkAccountId) throws LinkRefusedException {
        requireConfigured();
        String loginHint = relinkAccountId == null ? null : accounts.address(userId, relinkAccountId).orElse(null);
        URI redirect = settings.redirectUri() != null ? settings.redirectUri() : redirectUri;
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)), new ClientID(settings.clientId()), redirect)
                .endpointURI(settings.resolvedAuthorizationEndpoint())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .loginHint(loginHint)
                .build();
        return new Start(request.toURI(), new LinkAttempt(userId, state.getValue(), nonce.getValue(),
                verifier.getValue(), redirect.toString(), clock.instant()));
    }

    /**
     * Completes a link from the callback the browser brought back: {@code attempt} is what the session held (and no
     * longer holds: it is used once), {@code callback} the full callback URI with its query. Returns the account id.
     */
    public long complete(long userId, @Nullable LinkAttempt attempt, URI callback) throws LinkRefusedException {
        requireConfigured();
        if (attempt == null) {
            throw new LinkRefusedException("This sign-in answer does not belong to a link in progress (it was already "
                    + "used, or the session ended). Start linking the mailbox again.");
        }
        if (attempt.userId() != userId) {
            throw new LinkRefusedException("This link was started by another user. Start linking the mailbox again.");
        }
        if (Duration.between(attempt.startedAt(), clock.instant()).compareTo(settings.linkTimeout()) > 0) {
            throw new LinkRefusedException("The link took longer than " + settings.linkTimeout().toMinutes()
                    + " minutes to come back. Start linking the mailbox again.");
        }
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new LinkRefusedException("The answer from Microsoft could not be read. Start linking the mailbox "
                    + "again.", e);
        }
        // The state first: an answer to someone else's request is not looked at any further (not even its error).
        if (response.getState() == null || !constantTimeEquals(response.getState().getValue(), attempt.state())) {
            throw new LinkRefusedException("This sign-in answer does not match the link you started (its state is "
                    + "wrong), so it was ignored. Start linking the mailbox again.");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((AuthenticationErrorResponse) response).getErrorObject();
            throw new LinkRefusedException("Microsoft did not grant access: " + describe(error)
                    + ". Start linking the mailbox again to retry.");
        }
        AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
        if (success.getAuthorizationCode() == null) {
            throw new LinkRefusedException("Microsoft's answer carries no authorization code. Start linking again.");
        }
        Grant grant;
        try {
            grant = tokenEndpoint.exchange(success.getAuthorizationCode().getValue(),
                    URI.create(attempt.redirectUri()), new CodeVerifier(attempt.codeVerifier()));
        } catch (InvalidGrantException e) {
            throw new LinkRefusedException("Microsoft refused the authorization code (" + e.getMessage()
                    + "). Start linking the mailbox again.", e);
        } catch (TokenEndpointException e) {
            throw new LinkRefusedException("Microsoft could not be reached to complete the link (" + e.getMessage()
                    + "). Try again in a moment.", e);
        }
        if (grant.idToken() == null) {
            throw new LinkRefusedException("Microsoft sent no ID token, so the mailbox address is unknown. Check that "
                    + "the application may request the openid and email scopes.");
        }
        if (grant.refreshToken() == null) {
            throw new LinkRefusedException("Microsoft granted no refresh token, so the mailbox could only be read for "
                    + "an hour. Check that the application may request offline_access.");
        }
        VerifiedIdToken identity;
        try {
            identity = idTokens().verify(grant.idToken(), new Nonce(attempt.nonce()));
        } catch (InvalidIdTokenException e) {
            log.warn("Outlook link of user {} refused: {}", userId, e.getMessage());
            throw new LinkRefusedException("Microsoft's ID token failed its checks (" + e.getMessage()
                    + "). Start linking the mailbox again.", e);
        }
        String address = identity.mailboxAddress();
        if (address == null || !address.contains("@")) {
            throw new LinkRefusedException("Microsoft did not say which mailbox this is (the ID token has no email). "
                    + "Check that the application may request the email scope.");
        }
        OutlookAccounts.Linked linked = accounts.link(userId, address, grant.refreshToken(), grant.accessToken(),
                grant.accessTokenExpiresAt());
        log.info("User {} {} Outlook mailbox {} (account {})", userId, linked.relinked() ? "relinked" : "linked",
                address, linked.accountId());
        // A relinked mailbox (e.g. out of relink_required) is watched again at once; a new one once the user enables
        // its first connector.
        watchers.watch(linked.accountId());
        return linked.accountId();
    }

    private IdTokenVerifier idTokens() throws LinkRefusedException {
        if (idTokens == null) {
            throw notConfigured();
        }
        return idTokens;
    }

    private void requireConfigured() throws LinkRefusedException {
        if (!settings.configured()) {
            throw notConfigured();
        }
    }

    private static LinkRefusedException notConfigured() {
        return new LinkRefusedException("Linking Outlook.com mailboxes is not set up on this server: the operator "
                + "must register an application in Microsoft Entra and set MAILSIFT_OUTLOOK_CLIENT_ID (see "
                + "docs/operations.md).");
    }

    private static String describe(@Nullable ErrorObject error) {
        if (error == null) {
            return "no reason given";
        }
        return error.getDescription() == null ? error.getCode() : error.getCode() + ": " + error.getDescription();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
