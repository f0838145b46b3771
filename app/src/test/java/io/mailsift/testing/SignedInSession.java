package io.mailsift.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.mailsift.testing.TestUsers.TestUser;

/**
 * A browser-like HTTP session against the running app: signs in through the form (with the CSRF token from the
 * {@code XSRF-TOKEN} cookie, as the page's script does), keeps the session cookie, and sends the CSRF header on
 * every change.
 */
public final class SignedInSession implements AutoCloseable {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private SignedInSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A session that is not signed in yet (it has fetched the sign-in page, so it holds a CSRF cookie). */
    public static SignedInSession anonymous(String baseUrl) throws IOException, InterruptedException {
        SignedInSession session = new SignedInSession(baseUrl);
        HttpResponse<String> page = session.get("/signin");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET /signin answered " + page.statusCode());
        }
        return session;
    }

    /** Signs in through the form; fails unless the app accepted the password. */
    public static SignedInSession signIn(String baseUrl, TestUser user) throws IOException, InterruptedException {
        return signIn(baseUrl, user.username(), user.password());
    }

    /** Signs in through the form with a user name and password (e.g. the demo user's). */
    public static SignedInSession signIn(String baseUrl, String username, String password)
            throws IOException, InterruptedException {
        SignedInSession session = anonymous(baseUrl);
        HttpResponse<String> answer = session.submitSignIn(username, password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/signin")) {
            throw new IllegalStateException("sign-in of " + username + " answered " + answer.statusCode() + " to "
                    + location);
        }
        return session;
    }

    /** Posts the sign-in form as the page does; the answer is a redirect (to the page, or back with ?error). */
    public HttpResponse<String> submitSignIn(String username, String password)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POSTs JSON with the CSRF header. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken()).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs JSON without the CSRF header, as a cross-site form or script would. */
    public HttpResponse<String> postWithoutCsrf(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETEs with the CSRF header. */
    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", csrfToken()).DELETE());
    }

    /** The value of a cookie the app set, or {@code null}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The CSRF token the page's script would send: the value of the {@code XSRF-TOKEN} cookie. */
    public String csrfToken() {
        String token = cookie("XSRF-TOKEN");
        return token == null ? "" : token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public void close() {
        http.close();
    }
}
