package io.mailsift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The issuer check for Microsoft ID tokens, with the issuers the identity platform really uses. */
class MicrosoftIssuerValidatorTest {

    static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CONSUMERS_ISSUER =
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";

    @Test
    void shouldAcceptThePersonalAccountsIssuerForConsumers() {
        MicrosoftIssuerValidator consumers = validator("consumers");

        assertThat(consumers.validate(token(CONSUMERS_ISSUER, MicrosoftProperties.CONSUMERS_TENANT)).hasErrors())
                .isFalse();
        assertThat(consumers.validate(token(issuerOf(CONTOSO), CONTOSO)).hasErrors())
                .as("a work account is not a consumer account").isTrue();
    }

    @Test
    void shouldCheckTheIssuerAgainstTheTokensOwnTenantForCommonAndOrganizations() {
        MicrosoftIssuerValidator common = validator("common");
        MicrosoftIssuerValidator organizations = validator("organizations");

        assertThat(common.validate(token(issuerOf(CONTOSO), CONTOSO)).hasErrors()).isFalse();
        assertThat(common.validate(token(CONSUMERS_ISSUER, MicrosoftProperties.CONSUMERS_TENANT)).hasErrors())
                .isFalse();
        assertThat(organizations.validate(token(issuerOf(CONTOSO), CONTOSO)).hasErrors()).isFalse();
        assertThat(organizations.validate(token(CONSUMERS_ISSUER, MicrosoftProperties.CONSUMERS_TENANT)).hasErrors())
                .as("organizations refuses personal accounts").isTrue();
        assertThat(common.validate(token(CONSUMERS_ISSUER, CONTOSO)).hasErrors())
                .as("issuer of one tenant, tid of another").isTrue();
        assertThat(common.validate(token("https://evil.example/" + CONTOSO + "/v2.0", CONTOSO)).hasErrors()).isTrue();
        assertThat(common.validate(token(issuerOf(CONTOSO), null)).hasErrors()).isTrue();
    }

    @Test
    void shouldAcceptOnlyItsOwnTenantForATenantAuthority() {
        MicrosoftIssuerValidator contoso = validator(CONTOSO);

        assertThat(contoso.validate(token(issuerOf(CONTOSO), CONTOSO)).hasErrors()).isFalse();
        String fabrikam = "0d2e4f6a-8b1c-4d3e-9f5a-7b6c5d4e3f21";
        assertThat(contoso.validate(token(issuerOf(fabrikam), fabrikam)).hasErrors()).isTrue();
    }

    @Test
    void shouldDefaultToMicrosoftsRealEndpoints() {
        MicrosoftProperties consumers = properties("consumers");

        assertThat(consumers.authorizationEndpoint()).hasToString(
                "https://login.microsoftonline.com/consumers/oauth2/v2.0/authorize");
        assertThat(consumers.tokenEndpoint()).hasToString(
                "https://login.microsoftonline.com/consumers/oauth2/v2.0/token");
        assertThat(consumers.jwkSetEndpoint()).hasToString(
                "https://login.microsoftonline.com/consumers/discovery/v2.0/keys");
        assertThat(consumers.issuerTemplate()).isEqualTo("https://login.microsoftonline.com/{tenantid}/v2.0");
        assertThat(consumers.toString()).doesNotContain("s3cret");
    }

    private static String issuerOf(String tenant) {
        return "https://login.microsoftonline.com/" + tenant + "/v2.0";
    }

    private static MicrosoftIssuerValidator validator(String authority) {
        return new MicrosoftIssuerValidator(properties(authority));
    }

    private static MicrosoftProperties properties(String authority) {
        return new MicrosoftProperties(authority, "client", "s3cret", URI.create("https://login.microsoftonline.com"),
                null, null, null, null);
    }

    private static Jwt token(String issuer, String tenant) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").claim("iss", issuer)
                .claim("sub", "subject");
        if (tenant != null) {
            builder.claim("tid", tenant);
        }
        return builder.build();
    }
}
