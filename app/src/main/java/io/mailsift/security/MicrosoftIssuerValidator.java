package io.mailsift.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks the issuer of a Microsoft ID token. {@code common} and {@code organizations} publish a templated issuer
 * ({@code .../{tenantid}/v2.0}), so a fixed comparison cannot work there: the token's {@code iss} must be that
 * template filled with the token's own {@code tid}. Where the authority names one tenant ({@code consumers}: the
 * personal-accounts tenant; or a tenant id), {@code tid} must also be that tenant; {@code organizations} refuses
 * personal accounts.
 */
final class MicrosoftIssuerValidator implements OAuth2TokenValidator<Jwt> {

    private final MicrosoftProperties microsoft;

    MicrosoftIssuerValidator(MicrosoftProperties microsoft) {
        this.microsoft = microsoft;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tenant = token.getClaimAsString("tid");
        if (tenant == null || tenant.isBlank() || tenant.contains("/")) {
            return invalid("the ID token names no tenant (tid)");
        }
        String fixed = microsoft.fixedTenant();
        if (fixed != null && !fixed.equals(tenant)) {
            return invalid("the ID token is from tenant " + tenant + ", this app accepts only " + fixed);
        }
        if (microsoft.authority().equals("organizations") && tenant.equals(MicrosoftProperties.CONSUMERS_TENANT)) {
            return invalid("personal Microsoft accounts cannot sign in to this app (authority organizations)");
        }
        String expected = microsoft.issuerTemplate().replace(MicrosoftProperties.TENANT_PLACEHOLDER, tenant);
        @Nullable String issuer = token.getClaimAsString("iss");
        if (!expected.equals(issuer)) {
            return invalid("the ID token's issuer " + issuer + " is not its tenant's issuer " + expected);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token", description, null));
    }
}
