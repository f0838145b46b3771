package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.mailsift.outlook.IdTokenVerifier.InvalidIdTokenException;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks with Microsoft's issuer rules: the fixed issuer of {@code consumers}, and for {@code common} and
 * {@code organizations} an issuer that must match the token's own {@code tid}.
 */
class IdTokenVerifierTest {

    private static final String CLIENT = "client-id";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String COMMON = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String CONSUMERS = "https://login.microsoftonline.com/"
            + OutlookProperties.CONSUMERS_TENANT + "/v2.0";

    private final RSAKey key = generate();
    private final RSAKey otherKey = generate();
    private final Nonce nonce = new Nonce();

    @Test
    void shouldAcceptAPersonalAccountTokenFromTheConsumersIssuer() throws Exception {
        IdTokenVerifier verifier = verifier(CONSUMERS);

        IdTokenVerifier.VerifiedIdToken token = verifier.verify(sign(key, claims(CONSUMERS,
                OutlookProperties.CONSUMERS_TENANT).claim("email", "me@outlook.com").build()), nonce);

        assertThat(token.mailboxAddress()).isEqualTo("me@outlook.com");
    }

    @Test
    void shouldTakePreferredUsernameWhenTheTokenHasNoEmail() throws Exception {
        IdTokenVerifier.VerifiedIdToken token = verifier(CONSUMERS).verify(sign(key, claims(CONSUMERS,
                OutlookProperties.CONSUMERS_TENANT).claim("preferred_username", "me@hotmail.com").build()), nonce);

        assertThat(token.mailboxAddress()).isEqualTo("me@hotmail.com");
    }

    @Test
    void shouldAcceptACommonTokenWhoseIssuerMatchesItsOwnTenant() throws Exception {
        String issuer = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

        assertThat(verifier(COMMON).verify(sign(key, claims(issuer, TENANT).build()), nonce).tenantId())
                .isEqualTo(TENANT);
    }

    @Test
    void shouldRefuseACommonTokenWhoseIssuerNamesAnotherTenantThanItsTid() {
        String issuer = "https://login.microsoftonline.com/" + UUID.randomUUID() + "/v2.0";

        assertThatThrownBy(() -> verifier(COMMON).verify(sign(key, claims(issuer, TENANT).build()), nonce))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("expected");
    }

    @Test
    void shouldRefuseAPersonalAccountWhenOnlyOrganizationsMayLink() {
        IdTokenVerifier organizations = new IdTokenVerifier(CLIENT, COMMON,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), "organizations");

        assertThatThrownBy(() -> organizations.verify(sign(key, claims(CONSUMERS, OutlookProperties.CONSUMERS_TENANT)
                .build()), nonce)).isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("personal");
    }

    @Test
    void shouldRefuseACommonTokenWithoutTid() {
        String issuer = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

        assertThatThrownBy(() -> verifier(COMMON).verify(sign(key, claims(issuer, TENANT).claim("tid", null)
                .build()), nonce)).isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("tid");
    }

    @Test
    void shouldRefuseATokenFromAnotherIssuer() {
        assertThatThrownBy(() -> verifier(CONSUMERS).verify(sign(key, claims("https://evil.example/v2.0",
                OutlookProperties.CONSUMERS_TENANT).build()), nonce)).isInstanceOf(InvalidIdTokenException.class);
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        assertThatThrownBy(() -> verifier(CONSUMERS).verify(sign(key, claims(CONSUMERS,
                OutlookProperties.CONSUMERS_TENANT).audience("another-app").build()), nonce))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("aud");
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertThatThrownBy(() -> verifier(CONSUMERS).verify(sign(key, claims(CONSUMERS,
                OutlookProperties.CONSUMERS_TENANT).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(3600))).build()), nonce))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("xpired");
    }

    @Test
    void shouldRefuseATokenSignedByAKeyNotInTheKeySet() {
        assertThatThrownBy(() -> verifier(CONSUMERS).verify(sign(otherKey, claims(CONSUMERS,
                OutlookProperties.CONSUMERS_TENANT).build()), nonce)).isInstanceOf(InvalidIdTokenException.class);
    }

    @Test
    void shouldRefuseATokenWithAnotherNonce() {
        assertThatThrownBy(() -> verifier(CONSUMERS).verify(sign(key, claims(CONSUMERS,
                OutlookProperties.CONSUMERS_TENANT).build()), new Nonce()))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("nonce");
    }

    @Test
    void shouldRefuseAnUnsignedToken() {
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims(CONSUMERS, OutlookProperties.CONSUMERS_TENANT).build())
                .serialize();

        assertThatThrownBy(() -> verifier(CONSUMERS).verify(unsigned, nonce))
                .isInstanceOf(InvalidIdTokenException.class);
    }

    private IdTokenVerifier verifier(String issuer) {
        return new IdTokenVerifier(CLIENT, issuer, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), "common");
    }

    private JWTClaimsSet.Builder claims(String issuer, String tenant) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("subject").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("nonce", nonce.getValue()).claim("tid", tenant);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
