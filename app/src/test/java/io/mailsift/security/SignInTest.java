package io.mailsift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in with a local password over real HTTP: what needs it, sessions, CSRF, sign-out, redirects. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSendPagesToSignInAndAnswerTheApiWith401WhenNotSignedIn() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> page = plainGet(http, "/");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
            for (String path : List.of("/api/findings", "/api/accounts", "/api/me", "/api/tokens",
                    "/actuator/prometheus", "/actuator/metrics")) {
                assertThat(plainGet(http, path).statusCode()).as(path).isEqualTo(401);
            }
            assertThat(plainGet(http, "/actuator/health").statusCode()).isEqualTo(200);
            HttpResponse<String> signIn = plainGet(http, "/signin");
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("<form id=\"signin-form\"");
            assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'"));
            assertThat(plainGet(http, "/signin/options").body()).as("no Microsoft without a client id")
                    .isEqualTo("{\"microsoft\":false}");
        }
    }

    @Test
    void shouldSignInWithThePasswordAndStoreOnlyAnArgon2idHash() throws Exception {
        TestUser alice = users.create("alice");

        try (SignedInSession session = SignedInSession.signIn(base(), alice)) {
            HttpResponse<String> me = session.get("/api/me");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"" + alice.username() + "\"");
            assertThat(session.get("/").statusCode()).isEqualTo(200);
        }
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", alice.id())
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(alice.password());
        assertThat(jdbc.sql("SELECT last_sign_in_at IS NOT NULL FROM users WHERE id = :id").param("id", alice.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldRefuseAWrongPasswordAndAnUnknownUserAlike() throws Exception {
        TestUser bob = users.create("bob");
        try (SignedInSession session = SignedInSession.anonymous(base())) {
            HttpResponse<String> wrong = session.submitSignIn(bob.username(), bob.password() + "x");
            HttpResponse<String> unknown = session.submitSignIn("nobody-" + bob.username(), bob.password());

            assertThat(wrong.headers().firstValue("Location")).hasValue("/signin?error");
            assertThat(unknown.headers().firstValue("Location")).hasValue("/signin?error");
            assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldRefuseEvenTheRightPasswordAfterTooManyWrongOnes() throws Exception {
        TestUser target = users.create("target");
        TestUser bystander = users.create("bystander");
        try (SignedInSession guesser = SignedInSession.anonymous(base())) {
            for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
                guesser.submitSignIn(target.username(), "guess number " + i);
            }

            assertThat(guesser.submitSignIn(target.username(), target.password()).headers().firstValue("Location"))
                    .hasValue("/signin?error");
        }
        SignedInSession.signIn(base(), bystander).close();
    }

    @Test
    void shouldRefuseASignInPostWithoutTheCsrfToken() throws Exception {
        TestUser carol = users.create("carol");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "username=" + carol.username() + "&password=" + carol.password()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void shouldRefuseChangesWithoutTheCsrfTokenInASession() throws Exception {
        TestUser dave = users.create("dave");
        try (SignedInSession session = SignedInSession.signIn(base(), dave)) {
            assertThat(session.postWithoutCsrf("/api/tokens", "{\"name\":\"forged\"}").statusCode()).isEqualTo(403);
            assertThat(session.post("/api/tokens", "{\"name\":\"mine\"}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void shouldEndTheSessionOnSignOut() throws Exception {
        TestUser erin = users.create("erin");
        try (SignedInSession session = SignedInSession.signIn(base(), erin)) {
            HttpResponse<String> signOut = session.post("/signout", "");

            assertThat(signOut.statusCode()).isEqualTo(302);
            assertThat(signOut.headers().firstValue("Location")).hasValue("/signin?signedout");
            assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldSetTheSessionCookieHttpOnlyAndSameSiteLax() throws Exception {
        TestUser frank = users.create("frank");
        try (SignedInSession session = SignedInSession.anonymous(base())) {
            HttpResponse<String> answer = session.submitSignIn(frank.username(), frank.password());

            assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        }
    }

    @Test
    void shouldReturnToTheRequestedPageAfterSignInAsARelativePath() throws Exception {
        TestUser grace = users.create("grace");
        try (SignedInSession session = SignedInSession.anonymous(base())) {
            assertThat(session.get("/index.html?view=trips").statusCode()).isEqualTo(302);

            HttpResponse<String> answer = session.submitSignIn(grace.username(), grace.password());

            assertThat(answer.headers().firstValue("Location")).hasValue("/index.html?view=trips");
        }
    }

    @Test
    void shouldOnlyEverRedirectToAPathOnThisSite() {
        assertThat(SignInRedirects.sameSiteTarget("http://localhost:8080/index.html?a=b")).isEqualTo("/index.html?a=b");
        assertThat(SignInRedirects.sameSiteTarget(null)).isEqualTo("/");
        for (String hostile : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "http://localhost/api/tokens", "evil.example", "http://x/%2F%2Fevil", "///evil.example")) {
            assertThat(SignInRedirects.sameSiteTarget(hostile)).as(hostile).satisfiesAnyOf(
                    target -> assertThat(target).isEqualTo("/"),
                    target -> assertThat(target).startsWith("/").doesNotStartWith("//").doesNotContain("\\"));
        }
        // Whatever host a URL names, only its path is kept: the redirect never leaves this site.
        assertThat(SignInRedirects.sameSiteTarget("https://evil.example/x?y")).isEqualTo("/x?y");
    }

    private HttpResponse<String> plainGet(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
