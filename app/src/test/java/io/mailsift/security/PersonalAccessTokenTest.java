package io.mailsift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.mailsift.testing.BearerClient;
import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import io.mailsift.user.PersonalAccessTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal access tokens over real HTTP: shown once, stored hashed, authenticate the API, revocable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class PersonalAccessTokenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalAccessTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void shouldShowANewTokenOnceAndStoreOnlyItsHash() throws Exception {
        TestUser alice = users.create("alice");
        try (SignedInSession session = SignedInSession.signIn(base(), alice)) {
            HttpResponse<String> created = session.post("/api/tokens", "{\"name\":\"laptop script\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode token = JSON.readTree(created.body());
            String secret = token.path("token").asString();

            assertThat(secret).startsWith("msp_").hasSizeGreaterThanOrEqualTo(4 + 43);
            String listed = session.get("/api/tokens").body();
            assertThat(listed).contains("laptop script", token.path("prefix").asString()).doesNotContain(secret);
            String stored = jdbc.sql("SELECT encode(token_hash, 'hex') || token_prefix FROM personal_access_tokens "
                    + "WHERE user_id = :id").param("id", alice.id()).query(String.class).single();
            assertThat(stored).doesNotContain(secret.substring(12));
        }
    }

    @Test
    void shouldAuthenticateTheApiWithABearerTokenAndNoteItsUse() throws Exception {
        TestUser bob = users.create("bob");
        String token = users.issueToken(bob.id());

        HttpResponse<String> me = bearerGet("/api/me", token);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + bob.username() + "\"");
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM personal_access_tokens WHERE user_id = :id")
                .param("id", bob.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldAcceptChangesWithABearerTokenWithoutACsrfToken() throws Exception {
        TestUser carol = users.create("carol");
        String token = users.issueToken(carol.id());

        // No CSRF token needed with a bearer token; the API itself decides (here: tokens cannot mint tokens).
        HttpResponse<String> answer;
        try (BearerClient client = new BearerClient(base(), token)) {
            answer = client.post("/api/tokens", "{\"name\":\"more\"}");
        }

        assertThat(answer.statusCode()).as("a leaked token cannot mint more tokens").isEqualTo(403);
        assertThat(bearerGet("/api/tokens", token).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseARevokedUnknownOrMalformedToken() throws Exception {
        TestUser dave = users.create("dave");
        try (SignedInSession session = SignedInSession.signIn(base(), dave)) {
            JsonNode created = JSON.readTree(session.post("/api/tokens", "{\"name\":\"ci\"}").body());
            String token = created.path("token").asString();
            assertThat(bearerGet("/api/findings", token).statusCode()).isEqualTo(200);

            assertThat(session.delete("/api/tokens/" + created.path("id").asLong()).statusCode()).isEqualTo(204);

            HttpResponse<String> revoked = bearerGet("/api/findings", token);
            assertThat(revoked.statusCode()).isEqualTo(401);
            assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h ->
                    assertThat(h).contains("invalid_token"));
            assertThat(session.get("/api/tokens").body()).contains("\"revokedAt\":\"");
        }
        assertThat(bearerGet("/api/findings", "msp_" + "A".repeat(43)).statusCode()).isEqualTo(401);
        assertThat(bearerGet("/api/findings", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnExpiredTokenAndTheTokenOfADisabledUser() throws Exception {
        TestUser frank = users.create("frank");
        String expired = tokens.issue(frank.id(), "yesterday", Instant.now().minus(Duration.ofDays(1))).token();
        String current = users.issueToken(frank.id());
        assertThat(bearerGet("/api/me", current).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE users SET disabled_at = now() WHERE id = :id").param("id", frank.id()).update();

        assertThat(bearerGet("/api/me", expired).statusCode()).isEqualTo(401);
        assertThat(bearerGet("/api/me", current).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldServeTheLongPollingChangeFeedToATokenToo() throws Exception {
        TestUser grace = users.create("grace");

        HttpResponse<String> version = bearerGet("/api/findings/changes?after=-1", users.issueToken(grace.id()));

        assertThat(version.statusCode()).as("the async completion is authorized as its request").isEqualTo(200);
        assertThat(version.body()).matches("\\d+");
    }

    @Test
    void shouldJudgeABearerRequestByTheTokenAloneEvenWithASessionCookie() throws Exception {
        TestUser erin = users.create("erin");
        try (SignedInSession session = SignedInSession.signIn(base(), erin)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/me"))
                    .header("Authorization", "Bearer msp_wrong")
                    .header("Cookie", "SESSION=" + session.cookie("SESSION")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldNotRevokeAnotherUsersToken() throws Exception {
        TestUser owner = users.create("owner");
        TestUser other = users.create("other");
        String token = users.issueToken(owner.id());
        long tokenId = jdbc.sql("SELECT id FROM personal_access_tokens WHERE user_id = :id").param("id", owner.id())
                .query(Long.class).single();

        try (SignedInSession session = SignedInSession.signIn(base(), other)) {
            assertThat(session.delete("/api/tokens/" + tokenId).statusCode()).isEqualTo(404);
        }
        assertThat(bearerGet("/api/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyAnAdminTokenReadTheActuator() throws Exception {
        TestUser admin = users.createAdmin("ops");
        TestUser user = users.create("plain");

        assertThat(bearerGet("/actuator/prometheus", users.issueToken(admin.id())).statusCode()).isEqualTo(200);
        assertThat(bearerGet("/actuator/prometheus", users.issueToken(user.id())).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> bearerGet(String path, String token) throws Exception {
        try (BearerClient client = new BearerClient(base(), token)) {
            return client.get(path);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
