package io.mailsift.security;

import io.mailsift.microsoft.MicrosoftEndpoints;
import io.mailsift.microsoft.MicrosoftIssuers;
import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's registration with the Microsoft identity platform ({@code mailsift.microsoft.*}). Sign-in with Microsoft
 * is offered when {@code client-id} is set. The endpoints default to Microsoft's real ones for the authority and are
 * written out (no discovery at start), so a node starts without reaching Microsoft.
 *
 * @param authority        {@code consumers} (personal Microsoft accounts, the default), {@code organizations},
 *                         {@code common} (both), or a tenant id
 * @param clientId         the application (client) id of the app registration; unset: no Microsoft sign-in
 * @param clientSecret     its client secret (pass it as {@code MAILSIFT_MICROSOFT_CLIENT_SECRET}); never logged
 * @param loginBaseUri     where the identity platform lives: {@code https://login.microsoftonline.com}
 * @param authorizationUri the authorize endpoint; default {@code {login}/{authority}/oauth2/v2.0/authorize}
 * @param tokenUri         the token endpoint; default {@code {login}/{authority}/oauth2/v2.0/token}
 * @param jwkSetUri        the signing keys; default {@code {login}/{authority}/discovery/v2.0/keys}
 * @param issuer           the issuer of ID tokens with {@code {tenantid}} standing for the token's own {@code tid}
 *                         claim; default {@code {login}/{tenantid}/v2.0}
 */
@ConfigurationProperties("mailsift.microsoft")
public record MicrosoftProperties(@DefaultValue("consumers") String authority, @Nullable String clientId,
        @Nullable String clientSecret, @DefaultValue("https://login.microsoftonline.com") URI loginBaseUri,
        @Nullable URI authorizationUri, @Nullable URI tokenUri, @Nullable URI jwkSetUri, @Nullable String issuer) {

    /** The tenant of every personal Microsoft account: the issuer of {@code consumers} ID tokens names it. */
    public static final String CONSUMERS_TENANT = MicrosoftIssuers.CONSUMERS_TENANT;

    /** Where the issuer names the tenant of the token. */
    public static final String TENANT_PLACEHOLDER = MicrosoftIssuers.TENANT_PLACEHOLDER;


    public MicrosoftProperties {
        authority = authority.strip().toLowerCase(Locale.ROOT);
        if (authority.isEmpty() || !authority.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("mailsift.microsoft.authority must be consumers, organizations, common "
                    + "or a tenant id, was '" + authority + "'");
        }
    }

    /** Whether Microsoft sign-in (and linking) is configured. */
    public boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }

    public URI authorizationEndpoint() {
        return authorizationUri != null ? authorizationUri : endpoints().authorization();
    }

    public URI tokenEndpoint() {
        return tokenUri != null ? tokenUri : endpoints().token();
    }

    public URI jwkSetEndpoint() {
        return jwkSetUri != null ? jwkSetUri : endpoints().jwkSet();
    }

    /** The issuer template, {@value #TENANT_PLACEHOLDER} standing for a tenant id. */
    public String issuerTemplate() {
        return issuer != null ? issuer : endpoints().issuerOf(TENANT_PLACEHOLDER);
    }

    /**
     * The only tenant whose tokens this authority accepts: the personal-accounts tenant for {@code consumers}, the
     * tenant itself for a tenant id; {@code null} for {@code common} and {@code organizations}, which accept many.
     */
    public @Nullable String fixedTenant() {
        return MicrosoftIssuers.fixedTenant(authority);
    }

    private MicrosoftEndpoints endpoints() {
        return new MicrosoftEndpoints(loginBaseUri.toString(), authority);
    }

    /** Masks the client secret: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "MicrosoftProperties[authority=" + authority + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "(none)" : "******") + ", loginBaseUri=" + loginBaseUri + "]";
    }
}
