package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.ingest.TestConnectors;
import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts API over real HTTP with personal access tokens: link (errors in plain words), consent, findings
 * deletion, unlink, and user B getting 404 for user A's mailbox on every endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mailsift.link.allowed-private-networks=127.0.0.0/8",
        "mailsift.link.login-timeout=3s",
        "mailsift.ingest.idle-interval=1s",
        "mailsift.ingest.read-timeout=2s",
        "server.servlet.session.cookie.secure=false"})
@Import({TestUsers.class, TestConnectors.class})
@DirtiesContext
class AccountsApiTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String link(String login, String password) {
        return """
                {"host": "127.0.0.1", "port": %d, "security": "none", "username": "%s", "password": "%s"}"""
                .formatted(greenMail.getImap().getPort(), login, password);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void shouldLinkAMailboxAndSetItsConsentOverHttp() throws Exception {
        greenMail.setUser("nora@example.org", "nora", "app-pw");
        TestUser nora = users.create("nora");
        String token = users.issueToken(nora.id());

        HttpResponse<String> refused = call(token, "POST", "/api/accounts", link("nora", "wrong"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("error").asString()).isEqualTo("auth_failed");
        assertThat(json(refused).get("message").asString()).contains("refused the username or password");

        HttpResponse<String> invalid = call(token, "POST", "/api/accounts",
                "{\"host\": \"imap.example.org:993\", \"username\": \"nora\", \"password\": \"x\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("error").asString()).isEqualTo("invalid");

        HttpResponse<String> notAllowed = call(token, "POST", "/api/accounts",
                "{\"host\": \"192.168.1.1\", \"username\": \"nora\", \"password\": \"x\"}");
        assertThat(notAllowed.statusCode()).isEqualTo(422);
        assertThat(json(notAllowed).get("error").asString()).isEqualTo("host_not_allowed");

        HttpResponse<String> linked = call(token, "POST", "/api/accounts", link("nora", "app-pw"));
        assertThat(linked.statusCode()).isEqualTo(201);
        long id = json(linked).get("id").asLong();
        assertThat(linked.body()).doesNotContain("app-pw");

        JsonNode accounts = json(call(token, "GET", "/api/accounts", null));
        assertThat(accounts.findValuesAsString("state")).contains("disabled");

        HttpResponse<String> connectors = call(token, "GET", "/api/accounts/" + id + "/connectors", null);
        assertThat(connectors.statusCode()).isEqualTo(200);
        assertThat(json(connectors).findValuesAsString("id")).contains("test-subject", "test-body");
        assertThat(json(connectors).findValuesAsString("reads")).contains("headers", "bodies");
        assertThat(json(connectors).findValues("enabled")).allSatisfy(v -> assertThat(v.asBoolean()).isFalse());

        assertThat(call(token, "PUT", "/api/accounts/" + id + "/connectors/test-subject", null).statusCode())
                .isEqualTo(200);
        assertThat(call(token, "PUT", "/api/accounts/" + id + "/connectors/no-such-connector", null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> disabled = call(token, "DELETE", "/api/accounts/" + id + "/connectors/test-subject",
                null);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("deleteFindings").asString())
                .isEqualTo("/api/accounts/" + id + "/connectors/test-subject/findings");
        HttpResponse<String> deleted = call(token, "DELETE", json(disabled).get("deleteFindings").asString(), null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("deleted").asInt()).isZero();

        assertThat(call(token, "DELETE", "/api/accounts/" + id, null).statusCode()).isEqualTo(204);
        assertThat(call(token, "DELETE", "/api/accounts/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer404ToAnotherUserOnEveryEndpoint() throws Exception {
        greenMail.setUser("olga@example.org", "olga", "app-pw");
        TestUser olga = users.create("olga");
        TestUser mallory = users.create("mallory");
        String olgaToken = users.issueToken(olga.id());
        String malloryToken = users.issueToken(mallory.id());
        long id = json(call(olgaToken, "POST", "/api/accounts", link("olga", "app-pw"))).get("id").asLong();
        assertThat(call(olgaToken, "PUT", "/api/accounts/" + id + "/connectors/test-subject", null).statusCode())
                .isEqualTo(200);

        for (String[] request : List.of(
                new String[] {"GET", "/api/accounts/" + id + "/connectors"},
                new String[] {"PUT", "/api/accounts/" + id + "/connectors/test-body"},
                new String[] {"DELETE", "/api/accounts/" + id + "/connectors/test-subject"},
                new String[] {"DELETE", "/api/accounts/" + id + "/connectors/test-subject/findings"},
                new String[] {"DELETE", "/api/accounts/" + id})) {
            HttpResponse<String> response = call(malloryToken, request[0], request[1], null);
            assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
        }
        assertThat(call(malloryToken, "GET", "/api/accounts", null).body()).doesNotContain("olga");

        HttpResponse<String> still = call(olgaToken, "GET", "/api/accounts/" + id + "/connectors", null);
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(still.body()).contains("\"enabled\":true");
    }

    @Test
    void shouldNameTheWatchingNodeToAdminsOnlyAndTellOthersOnlyThatItIsWatched() throws Exception {
        TestUser paula = users.create("paula");
        TestUser root = users.createAdmin("root");
        long ordinary = users.mailbox(paula.id(), "paula-mail");
        long operators = users.mailbox(root.id(), "root-mail");
        // Held by a node elsewhere (no connector here: this node leases neither).
        jdbc.sql("""
                UPDATE mailbox_leases SET node_id = 'db-host-7.internal', acquired_at = now(), renewed_at = now(),
                    expires_at = now() + interval '1 hour' WHERE account_id IN (:ids)""")
                .param("ids", List.of(ordinary, operators)).update();

        JsonNode shownToPaula = json(call(users.issueToken(paula.id()), "GET", "/api/accounts/" + ordinary, null));
        JsonNode shownToRoot = json(call(users.issueToken(root.id()), "GET", "/api/accounts", null)).get(0);

        assertThat(shownToPaula.get("watched").asBoolean()).isTrue();
        assertThat(shownToPaula.toString()).doesNotContain("db-host-7");
        assertThat(call(users.issueToken(paula.id()), "GET", "/api/accounts", null).body())
                .doesNotContain("db-host-7").contains("\"watched\":true");
        assertThat(shownToRoot.get("watchedBy").asString()).isEqualTo("db-host-7.internal");
        assertThat(shownToRoot.get("watched").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseASignedInSessionsChangeWithoutTheCsrfToken() throws Exception {
        greenMail.setUser("quinn@example.org", "quinn", "app-pw");
        TestUser quinn = users.create("quinn");
        try (SignedInSession session = SignedInSession.signIn("http://127.0.0.1:" + port, quinn)) {
            assertThat(session.postWithoutCsrf("/api/accounts", link("quinn", "app-pw")).statusCode())
                    .isEqualTo(403);

            HttpResponse<String> linked = session.post("/api/accounts", link("quinn", "app-pw"));
            assertThat(linked.statusCode()).isEqualTo(201);
            assertThat(session.delete("/api/accounts/" + json(linked).get("id").asLong()).statusCode())
                    .isEqualTo(204);
        }
    }
}
