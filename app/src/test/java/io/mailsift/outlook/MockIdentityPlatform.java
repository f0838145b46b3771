package io.mailsift.outlook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for the Microsoft identity platform: mock-oauth2-server over real HTTP, whose authorize endpoint signs the
 * user in at once and redirects back with a code. Its tokens carry {@code sub} and {@code email} = {@link #ADDRESS},
 * live {@code tokenLifetime} and rotate their refresh token on every use, as Microsoft's do.
 */
final class MockIdentityPlatform implements AutoCloseable {

    static final String ISSUER_ID = "default";
    static final String CLIENT_ID = "mailsift-test-client";
    static final String CLIENT_SECRET = "mailsift-test-secret";
    static final String ADDRESS = "traveller@outlook.test";

    private final MockOAuth2Server server;
    private final Map<String, String> revoked = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static @Nullable MockIdentityPlatform shared;

    /**
     * One server for the test classes that need nothing special of it, started once and stopped with the JVM: the
     * classes then also share one Spring context (their properties are the same).
     */
    static synchronized MockIdentityPlatform shared() {
        if (shared == null) {
            MockIdentityPlatform started = new MockIdentityPlatform(Duration.ofHours(1));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            shared = started;
        }
        return shared;
    }

    MockIdentityPlatform(Duration tokenLifetime) {
        DefaultOAuth2TokenCallback user = new DefaultOAuth2TokenCallback(ISSUER_ID, ADDRESS, "JWT", null,
                Map.of("email", ADDRESS, "preferred_username", ADDRESS), tokenLifetime.toSeconds());
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, true, new OAuth2TokenProvider(),
                Set.of(user)), new RevokedRefreshTokens(revoked));
        server.start();
        // Its first answer takes seconds (class loading, key generation): not inside a test's time limit.
        get(URI.create(server.wellKnownUrl(ISSUER_ID).toString()));
        get(URI.create(server.jwksUrl(ISSUER_ID).toString()));
        requests();
    }

    /** Points {@code mailsift.outlook.*} at this server. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("mailsift.outlook.client-id", () -> CLIENT_ID);
        registry.add("mailsift.outlook.client-secret", () -> CLIENT_SECRET);
        registry.add("mailsift.outlook.authorization-endpoint", () -> server.authorizationEndpointUrl(ISSUER_ID).toString());
        registry.add("mailsift.outlook.token-endpoint", () -> server.tokenEndpointUrl(ISSUER_ID).toString());
        registry.add("mailsift.outlook.jwk-set-uri", () -> server.jwksUrl(ISSUER_ID).toString());
        registry.add("mailsift.outlook.issuer", () -> server.issuerUrl(ISSUER_ID).toString());
    }

    String authorizationEndpoint() {
        return server.authorizationEndpointUrl(ISSUER_ID).toString();
    }

    /** The introspection endpoint, with client credentials in the URI as Dovecot's oauth2 passdb sends them. */
    URI introspectionUri() {
        return URI.create(server.url(ISSUER_ID + "/introspect").newBuilder().username(CLIENT_ID)
                .password(CLIENT_SECRET).build().toString());
    }

    /**
     * The next sign-in at the authorize endpoint is {@code address}'s, with tokens (and the tokens refreshed from
     * them) living {@code lifetime}.
     */
    void signInNextAs(String address, Duration lifetime) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, address, "JWT", null,
                Map.of("email", address, "preferred_username", address), lifetime.toSeconds()));
    }

    /** An access token for {@code subject}, as the token endpoint would issue it. */
    String accessToken(String subject, Duration lifetime) {
        return server.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null,
                Map.of("email", subject), lifetime.toSeconds())).serialize();
    }

    /** Sends the browser's GET to the authorize endpoint; returns where it redirects (the callback with the code). */
    URI authorize(URI authorizationRequest) {
        HttpResponse<String> response = get(authorizationRequest);
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("authorize answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Revokes a refresh token: from now on the token endpoint answers a refresh with it as Microsoft does, HTTP 400
     * {@code invalid_grant} with {@code description}.
     */
    void revoke(String refreshToken, String description) {
        revoked.put(refreshToken, description);
    }

    /** The requests received since the last call, oldest first. */
    List<Request> requests() {
        List<Request> requests = new ArrayList<>();
        while (true) {
            RecordedRequest request;
            try {
                request = server.takeRequest(50, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                // Its way of saying the queue is empty.
                return requests;
            }
            requests.add(new Request(request.getMethod(), request.getRequestUrl().toString(),
                    request.getBody().readUtf8()));
        }
    }

    /** Requests to the token endpoint since the last call of {@link #requests()}. */
    List<Request> tokenRequests() {
        return requests().stream().filter(r -> r.url().endsWith("/token")).toList();
    }

    record Request(String method, String url, String body) {
    }

    /** A route the mock tries before its own: refresh grants with a revoked refresh token get invalid_grant. */
    private record RevokedRefreshTokens(Map<String, String> revoked) implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            if (!request.getMethod().equals("POST") || !request.getUrl().encodedPath().endsWith("/token")) {
                return false;
            }
            Map<String, String> form = form(request.getBody());
            return "refresh_token".equals(form.get("grant_type")) && revoked.containsKey(form.get("refresh_token"));
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String description = revoked.get(form(request.getBody()).get("refresh_token"));
            String body = "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 400, body, null);
        }

        private static Map<String, String> form(@Nullable String body) {
            Map<String, String> form = new HashMap<>();
            for (String pair : (body == null ? "" : body).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
