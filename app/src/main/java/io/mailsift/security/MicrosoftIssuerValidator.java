package io.mailsift.security;

import io.mailsift.microsoft.MicrosoftIssuers;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks the issuer of a Microsoft ID token by the rule shared with Outlook linking ({@link MicrosoftIssuers}). {@code common} and {@code organizations} publish a templated issuer
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
        return MicrosoftIssuers.problem(microsoft.issuerTemplate(), microsoft.authority(),
                        token.getClaimAsString("iss"), token.getClaimAsString("tid"))
                .map(MicrosoftIssuerValidator::invalid)
                .orElseGet(OAuth2TokenValidatorResult::success);
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token", description, null));
    }
}
