package io.mailsift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with Microsoft against a real OpenID Connect peer over HTTP (mock-oauth2-server standing in for the
 * Microsoft identity platform, authority {@code common}): authorization code with PKCE, state and nonce, the issuer
 * checked against the token's own tenant, users matched by (issuer, subject).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MicrosoftSignInTest {

    static final String TENANT = "3f1c2b7a-6d1e-4c55-9a0b-2e8f7c6d5a41";
    static final String OTHER_TENANT = "0d2e4f6a-8b1c-4d3e-9f5a-7b6c5d4e3f21";
    static final String CLIENT_ID = "mailsift-test-client";

    static final MockOAuth2Server identityPlatform = new MockOAuth2Server();

    static {
        identityPlatform.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpClient browser = newBrowser();

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        registry.add("mailsift.microsoft.authority", () -> "common");
        registry.add("mailsift.microsoft.client-id", () -> CLIENT_ID);
        registry.add("mailsift.microsoft.client-secret", () -> "test-secret");
        // The mock serves one issuer per path; the tenant id is the path, as Microsoft's issuers are.
        registry.add("mailsift.microsoft.authorization-uri",
                () -> identityPlatform.authorizationEndpointUrl(TENANT).toString());
        registry.add("mailsift.microsoft.token-uri", () -> identityPlatform.tokenEndpointUrl(TENANT).toString());
        registry.add("mailsift.microsoft.jwk-set-uri", () -> identityPlatform.jwksUrl(TENANT).toString());
        registry.add("mailsift.microsoft.issuer", () -> identityPlatform.issuerUrl(TENANT).toString()
                .replace(TENANT, MicrosoftProperties.TENANT_PLACEHOLDER));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @AfterAll
    static void stop() {
        identityPlatform.shutdown();
    }

    @Test
    void shouldSignInWithAnAuthorizationCodeAndPkceAndCreateTheUserOnce() throws Exception {
        signsInAs("sub-alice", TENANT, "alice@contoso.example");

        URI authorizeUri = startSignIn();
        Map<String, String> authorize = query(authorizeUri);
        assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
        assertThat(authorize.get("scope")).contains("openid", "email");
        HttpResponse<String> landed = get(callbackFromIdentityPlatform(authorizeUri));

        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location")).hasValue("/");
        assertThat(get(URI.create(base() + "/api/me")).body()).contains("\"username\":\"alice@contoso.example\"");
        var identity = jdbc.sql("SELECT oidc_issuer, oidc_subject, password_hash FROM users WHERE oidc_subject = "
                + "'sub-alice'").query().singleRow();
        assertThat(identity).containsEntry("oidc_issuer", identityPlatform.issuerUrl(TENANT).toString())
                .containsEntry("password_hash", null);

        // The same identity signs in again, in another browser, as the same user.
        browser.close();
        browser = newBrowser();
        signsInAs("sub-alice", TENANT, "alice@contoso.example");
        assertThat(get(callbackFromIdentityPlatform(startSignIn())).headers().firstValue("Location")).hasValue("/");
        assertThat(get(URI.create(base() + "/api/me")).body()).contains("\"username\":\"alice@contoso.example\"");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE oidc_subject = 'sub-alice'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldOfferMicrosoftOnTheSignInPage() throws Exception {
        assertThat(get(URI.create(base() + "/signin/options")).body()).isEqualTo("{\"microsoft\":true}");
    }

    @Test
    void shouldRejectACallbackWithATamperedState() throws Exception {
        signsInAs("sub-mallory", TENANT, "mallory@contoso.example");
        URI callback = callbackFromIdentityPlatform(startSignIn());
        Map<String, String> params = query(callback);
        URI tampered = URI.create(base() + "/login/oauth2/code/microsoft?code="
                + enc(params.get("code")) + "&state=" + enc(params.get("state") + "x"));

        HttpResponse<String> answer = get(tampered);

        assertThat(answer.headers().firstValue("Location")).hasValue("/signin?error");
        assertThat(get(URI.create(base() + "/api/me")).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE oidc_subject = 'sub-mallory'").query(Long.class)
                .single()).isZero();
        // The genuine state still completes the sign-in this browser started (and uses up the queued identity).
        assertThat(get(callback).headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void shouldRejectAnIdTokenWhoseIssuerIsNotItsOwnTenants() throws Exception {
        // Issued under TENANT's issuer but claiming to be from another tenant.
        signsInAs("sub-trudy", OTHER_TENANT, "trudy@fabrikam.example");
        HttpResponse<String> answer = get(callbackFromIdentityPlatform(startSignIn()));

        assertThat(answer.headers().firstValue("Location")).hasValue("/signin?error");
        assertThat(get(URI.create(base() + "/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseToRedeemTheCodeWithoutThePkceVerifier() throws Exception {
        signsInAs("sub-eve", TENANT, "eve@contoso.example");
        Map<String, String> params = query(callbackFromIdentityPlatform(startSignIn()));

        // Someone who stole the code, but not the verifier kept in our session, cannot redeem it.
        HttpResponse<String> stolen = browser.send(HttpRequest.newBuilder(identityPlatform.tokenEndpointUrl(TENANT)
                .uri()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(params.get("code"))
                        + "&redirect_uri=" + enc(base() + "/login/oauth2/code/microsoft") + "&client_id=" + CLIENT_ID
                        + "&client_secret=test-secret&code_verifier=" + "guessed".repeat(8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).containsIgnoringCase("code_verifier");
        // Whatever the peer did with the code, this sign-in ends here: no queued identity is left for other tests.
        get(URI.create(base() + "/login/oauth2/code/microsoft?code=" + enc(params.get("code")) + "&state="
                + enc(params.get("state"))));
    }

    /** Asks our app to sign in with Microsoft; returns where it sends the browser (the authorize endpoint). */
    private URI startSignIn() throws IOException, InterruptedException {
        HttpResponse<String> start = get(URI.create(base() + "/oauth2/authorization/microsoft"));
        assertThat(start.statusCode()).isEqualTo(302);
        return location(start);
    }

    /** The identity platform signs the user in and sends the browser back to our callback with code and state. */
    private URI callbackFromIdentityPlatform(URI authorize) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(authorize);
        assertThat(answer.statusCode()).isEqualTo(302);
        URI callback = location(answer);
        assertThat(callback.toString()).startsWith(base() + "/login/oauth2/code/microsoft?");
        return callback;
    }

    private static void signsInAs(String subject, String tenant, String email) {
        identityPlatform.enqueueCallback(new DefaultOAuth2TokenCallback(TENANT, subject, "JWT", List.of(CLIENT_ID),
                Map.of("tid", tenant, "email", email, "preferred_username", email), 3600));
    }

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect, status " + response.statusCode() + ": " + response.body()));
        return location.startsWith("/") ? URI.create(base() + location) : URI.create(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
