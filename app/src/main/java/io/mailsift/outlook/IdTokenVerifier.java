package io.mailsift.outlook;

import java.util.Optional;
import io.mailsift.microsoft.MicrosoftIssuers;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.jspecify.annotations.Nullable;

/**
 * Checks an ID token from the Microsoft identity platform: RS256 signature by a key of the published key set, audience
 * (our client id), expiry, the nonce of this link attempt, and the issuer. For {@code common} and
 * {@code organizations} the issuer is a template ({@code .../{tenantid}/v2.0}) and {@code iss} must equal it filled in
 * with the token's own {@code tid}: a strict comparison with the template would refuse every token, and skipping the
 * check would accept a token issued for any other application's tenant.
 */
final class IdTokenVerifier {


    private final String clientId;
    private final String issuer;
    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final String authority;

    /** The verified claims this application uses. */
    record VerifiedIdToken(String subject, @Nullable String email, @Nullable String preferredUsername,
            @Nullable String tenantId) {

        /** The mailbox address: {@code email}, or {@code preferred_username} where the account has no email claim. */
        @Nullable String mailboxAddress() {
            String address = email != null && !email.isBlank() ? email : preferredUsername;
            return address == null || address.isBlank() ? null : address.strip();
        }
    }

    /** The token was refused; the message says why and never contains the token. */
    static final class InvalidIdTokenException extends Exception {

        InvalidIdTokenException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param issuer    the expected issuer, {@link MicrosoftIssuers#TENANT_PLACEHOLDER} standing for the token's tenant
     * @param authority the configured authority: {@code organizations} refuses personal accounts, {@code consumers}
     *                  and a tenant id admit only their tenant (the rule is {@link MicrosoftIssuers}', shared with
     *                  sign-in)
     */
    IdTokenVerifier(String clientId, String issuer, JWKSource<SecurityContext> keySource, String authority) {
        this.clientId = clientId;
        this.issuer = issuer;
        this.keys = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource);
        this.authority = authority;
    }

    VerifiedIdToken verify(String idToken, Nonce expectedNonce) throws InvalidIdTokenException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys);
        // Audience, exp/nbf (with the library's minute of clock skew), the nonce, and the claims we rely on.
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().claim("nonce", expectedNonce.getValue()).build(),
                Set.of("iss", "sub", "exp", "iat", "nonce")));
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException e) {
            throw new InvalidIdTokenException("the ID token is not a signed JWT", e);
        } catch (BadJOSEException e) {
            throw new InvalidIdTokenException("the ID token was refused: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new InvalidIdTokenException("the ID token could not be checked: " + e.getMessage(), e);
        }
        try {
            String tenant = claims.getStringClaim("tid");
            checkIssuer(claims.getIssuer(), tenant);
            return new VerifiedIdToken(claims.getSubject(), claims.getStringClaim("email"),
                    claims.getStringClaim("preferred_username"), tenant);
        } catch (ParseException e) {
            throw new InvalidIdTokenException("the ID token has a malformed claim: " + e.getMessage(), e);
        }
    }

    private void checkIssuer(String actual, @Nullable String tenant) throws InvalidIdTokenException {
        Optional<String> problem = MicrosoftIssuers.problem(issuer, authority, actual, tenant);
        if (problem.isPresent()) {
            throw new InvalidIdTokenException(problem.get(), null);
        }
    }
}
