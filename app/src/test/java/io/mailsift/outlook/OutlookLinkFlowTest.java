package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Outlook link flow as a browser runs it, over real HTTP: a signed-in session opens {@code /link/outlook}, follows
 * the redirect to mock-oauth2-server's authorize endpoint (which signs in at once and redirects back with a code),
 * and follows that redirect to the callback, which lands on the accounts page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class OutlookLinkFlowTest {

    private static final MockIdentityPlatform microsoft = MockIdentityPlatform.shared();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        microsoft.register(registry);
    }


    @Test
    void shouldLinkTheMailboxThroughMicrosoftAndLandOnTheAccountsPage() throws Exception {
        TestUser alice = users.create("alice");
        try (SignedInSession browser = SignedInSession.signIn(base(), alice)) {
            microsoft.signInNextAs("alice@outlook.test", Duration.ofHours(1));

            HttpResponse<String> start = browser.get("/link/outlook");
            assertThat(start.statusCode()).isEqualTo(302);
            URI authorize = location(start);
            assertThat(authorize.toString()).startsWith(microsoft.authorizationEndpoint())
                    .contains("code_challenge_method=S256").contains("code_challenge=").contains("state=")
                    .contains("nonce=");
            URI callback = microsoft.authorize(authorize);
            assertThat(callback.getPath()).isEqualTo("/link/outlook/callback");
            assertThat(microsoft.requests()).anySatisfy(r -> assertThat(r.url()).contains("/authorize")
                    .contains("code_challenge="));
            HttpResponse<String> done = browser.get(pathAndQuery(callback));

            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location")).as("relative, fixed").hasValue("/accounts.html");
            assertThat(jdbc.sql("""
                    SELECT address FROM mail_accounts WHERE user_id = :user AND provider = 'outlook'
                    AND auth_method = 'xoauth2'""").param("user", alice.id()).query(String.class).list())
                    .containsExactly("alice@outlook.test");

            HttpResponse<String> replayed = browser.get(pathAndQuery(callback));
            assertThat(replayed.statusCode()).isEqualTo(400);
            assertThat(replayed.body()).contains("does not belong to a link in progress")
                    .doesNotContain("Exception").doesNotContain("at io.mailsift");
        }
    }

    @Test
    void shouldRejectACallbackWithATamperedStateWithAPlainPage() throws Exception {
        TestUser bob = users.create("bob");
        try (SignedInSession browser = SignedInSession.signIn(base(), bob)) {
            URI callback = microsoft.authorize(location(browser.get("/link/outlook")));
            URI tampered = UriComponentsBuilder.fromUri(callback).replaceQueryParam("state", "forged").build(true)
                    .toUri();
            microsoft.requests();

            HttpResponse<String> answer = browser.get(pathAndQuery(tampered));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).contains("Linking Outlook.com failed").contains("state is wrong")
                    .doesNotContain("Exception");
            assertThat(microsoft.tokenRequests()).as("the code is not exchanged").isEmpty();
            assertThat(accountsOf(bob)).isZero();
        }
    }

    @Test
    void shouldNotLetAnotherSignedInUserCompleteSomeoneElsesLink() throws Exception {
        TestUser carol = users.create("carol");
        TestUser mallory = users.create("mallory");
        try (SignedInSession carolsBrowser = SignedInSession.signIn(base(), carol);
                SignedInSession mallorysBrowser = SignedInSession.signIn(base(), mallory)) {
            URI callback = microsoft.authorize(location(carolsBrowser.get("/link/outlook")));

            HttpResponse<String> answer = mallorysBrowser.get(pathAndQuery(callback));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(accountsOf(carol) + accountsOf(mallory)).isZero();
        }
    }

    @Test
    void shouldSendAVisitorWhoIsNotSignedInToTheSignInPage() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String path : new String[] {"/link/outlook", "/link/outlook/callback?code=x&state=y"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/signin"));
            }
        }
    }

    private long accountsOf(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM mail_accounts WHERE user_id = :user").param("user", user.id())
                .query(Long.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body())));
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
