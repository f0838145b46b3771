package io.mailsift.outlook;

import io.mailsift.microsoft.MicrosoftEndpoints;
import io.mailsift.microsoft.MicrosoftIssuers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.mailsift.account.Security;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Linking Outlook.com mailboxes ({@code mailsift.outlook.*}). The endpoints default to the Microsoft identity platform
 * of {@code authority}; each can be overridden (tests point them at a mock server).
 *
 * @param authority             {@code consumers} (personal Microsoft accounts, the default), {@code common},
 *                              {@code organizations} or a tenant id
 * @param clientId              the application (client) id registered in Microsoft Entra; from the environment
 *                              ({@code MAILSIFT_OUTLOOK_CLIENT_ID}). Without it linking is refused with a message
 * @param clientSecret          the client secret of that application ({@code MAILSIFT_OUTLOOK_CLIENT_SECRET}); never
 *                              in a committed file. Absent: the app is a public client and PKCE alone protects the code
 * @param redirectUri           the callback registered with the application; default: this server's
 *                              {@code /link/outlook/callback} as the browser reached it
 * @param scopes                requested scopes; default {@code offline_access
 *                              https://outlook.office.com/IMAP.AccessAsUser.All openid email}
 * @param authorizationEndpoint default {@code https://login.microsoftonline.com/{authority}/oauth2/v2.0/authorize}
 * @param tokenEndpoint         default {@code https://login.microsoftonline.com/{authority}/oauth2/v2.0/token}
 * @param jwkSetUri             the ID token signing keys; default
 *                              {@code https://login.microsoftonline.com/{authority}/discovery/v2.0/keys}
 * @param issuer                the ID token's expected {@code iss}; {@code {tenantid}} in it is replaced by the token's
 *                              own {@code tid} claim. Default: the fixed personal-accounts tenant for {@code consumers},
 *                              {@code https://login.microsoftonline.com/{tenantid}/v2.0} otherwise
 * @param imapHost              the IMAP server of linked mailboxes, default {@code outlook.office365.com}
 * @param imapPort              default 993
 * @param imapSecurity          default {@code tls}
 * @param refreshSkew           an access token is refreshed when it expires within this time; default 5m
 * @param linkTimeout           a started link must come back within this time; default 10m
 * @param httpTimeout           connect and read timeout towards the identity platform; default 10s
 */
@ConfigurationProperties("mailsift.outlook")
public record OutlookProperties(
        @DefaultValue("consumers") String authority,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable URI redirectUri,
        @DefaultValue({"offline_access", "https://outlook.office.com/IMAP.AccessAsUser.All", "openid", "email"})
        List<String> scopes,
        @Nullable URI authorizationEndpoint,
        @Nullable URI tokenEndpoint,
        @Nullable URI jwkSetUri,
        @Nullable String issuer,
        @DefaultValue("outlook.office365.com") String imapHost,
        @DefaultValue("993") int imapPort,
        @DefaultValue("tls") Security imapSecurity,
        @DefaultValue("5m") Duration refreshSkew,
        @DefaultValue("10m") Duration linkTimeout,
        @DefaultValue("10s") Duration httpTimeout) {

    /** The tenant of personal Microsoft accounts: the {@code consumers} discovery document names it as issuer. */
    static final String CONSUMERS_TENANT = MicrosoftIssuers.CONSUMERS_TENANT;
    static final String TENANT_PLACEHOLDER = MicrosoftIssuers.TENANT_PLACEHOLDER;

    public OutlookProperties {
        if (authority.isBlank() || !authority.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("mailsift.outlook.authority must be consumers, common, organizations or "
                    + "a tenant id, was '" + authority + "'");
        }
        scopes = List.copyOf(scopes);
        if (refreshSkew.isNegative() || linkTimeout.isNegative() || linkTimeout.isZero()) {
            throw new IllegalArgumentException("mailsift.outlook.refresh-skew and link-timeout must be positive");
        }
    }

    /** Whether an application is configured: without a client id nothing can be linked. */
    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    URI resolvedAuthorizationEndpoint() {
        return authorizationEndpoint != null ? authorizationEndpoint : microsoft().authorization();
    }

    URI resolvedTokenEndpoint() {
        return tokenEndpoint != null ? tokenEndpoint : microsoft().token();
    }

    URI resolvedJwkSetUri() {
        return jwkSetUri != null ? jwkSetUri : microsoft().jwkSet();
    }

    private MicrosoftEndpoints microsoft() {
        return new MicrosoftEndpoints(MicrosoftEndpoints.LOGIN, authority);
    }

    /**
     * The expected issuer, possibly with {@link #TENANT_PLACEHOLDER}: {@code consumers} and a tenant id have a fixed
     * issuer; {@code common}, {@code organizations} and a tenant named by domain publish a template, so a strict check
     * against it would fail and {@code iss} is checked against the token's own {@code tid} instead.
     */
    String resolvedIssuer() {
        if (issuer != null) {
            return issuer;
        }
        String lower = authority.toLowerCase(Locale.ROOT);
        if (lower.equals("consumers")) {
            return microsoft().issuerOf(CONSUMERS_TENANT);
        }
        if (MicrosoftIssuers.isTenantId(authority)) {
            return microsoft().issuerOf(lower);
        }
        return microsoft().issuerOf(TENANT_PLACEHOLDER);
    }

    /** Masks the secret: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "OutlookProperties[authority=" + authority + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "(none)" : "******") + ", redirectUri=" + redirectUri + ", scopes=" + scopes
                + ", imap=" + imapHost + ":" + imapPort + "]";
    }
}
