package io.mailsift.microsoft;

import java.net.URI;

/**
 * Where the identity platform's endpoints are for an authority, written out rather than discovered, so that a node
 * starts without reaching Microsoft. Used by sign-in with Microsoft and by Outlook linking alike.
 *
 * @param loginBase the identity platform, {@value #LOGIN} unless pointed elsewhere (tests, sovereign clouds)
 * @param authority {@code consumers}, {@code common}, {@code organizations} or a tenant
 */
public record MicrosoftEndpoints(String loginBase, String authority) {

    /** Microsoft's identity platform. */
    public static final String LOGIN = "https://login.microsoftonline.com";

    public MicrosoftEndpoints {
        loginBase = loginBase.endsWith("/") ? loginBase.substring(0, loginBase.length() - 1) : loginBase;
    }

    public URI authorization() {
        return at("/oauth2/v2.0/authorize");
    }

    public URI token() {
        return at("/oauth2/v2.0/token");
    }

    public URI jwkSet() {
        return at("/discovery/v2.0/keys");
    }

    /** An issuer under this platform: the tenant id, or {@link MicrosoftIssuers#TENANT_PLACEHOLDER}. */
    public String issuerOf(String tenant) {
        return loginBase + "/" + tenant + "/v2.0";
    }

    private URI at(String path) {
        return URI.create(loginBase + "/" + authority + path);
    }
}
