package io.mailsift.outlook;

import java.text.ParseException;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final String clientId;
    private final String issuer;
    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final boolean personalAccountsRefused;

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
     * @param personalAccountsRefused {@code true} for the {@code organizations} authority, which shares the issuer
     *                                template with {@code common} but must not accept the personal-accounts tenant
     */
    IdTokenVerifier(String clientId, String issuer, JWKSource<SecurityContext> keySource,
            boolean personalAccountsRefused) {
        this.clientId = clientId;
        this.issuer = issuer;
        this.keys = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource);
        this.personalAccountsRefused = personalAccountsRefused;
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
        String expected = issuer;
        if (issuer.contains(OutlookProperties.TENANT_PLACEHOLDER)) {
            if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
                throw new InvalidIdTokenException("the ID token has no valid tid claim to check its issuer against",
                        null);
            }
            if (personalAccountsRefused && tenant.equalsIgnoreCase(OutlookProperties.CONSUMERS_TENANT)) {
                throw new InvalidIdTokenException("personal Microsoft accounts cannot be linked with the "
                        + "organizations authority", null);
            }
            expected = issuer.replace(OutlookProperties.TENANT_PLACEHOLDER, tenant);
        }
        if (!expected.equals(actual)) {
            throw new InvalidIdTokenException("the ID token was issued by " + actual + ", expected " + expected, null);
        }
    }
}
