package io.mailsift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Outside the demo the session and CSRF cookies are HTTPS-only (the other tests turn that off to talk plain HTTP).
 * Cookies are handled by hand here, as a client behind a TLS-terminating proxy would see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.session.cookie.secure=true")
@Import(TestUsers.class)
class SecureSessionCookieTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void shouldMarkTheSessionAndCsrfCookiesSecure() throws Exception {
        TestUser user = users.create("secure");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/signin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csrfCookie = page.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
            String token = csrfCookie.substring("XSRF-TOKEN=".length(), csrfCookie.indexOf(';'));

            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri("/signin"))
                    .header("Cookie", "XSRF-TOKEN=" + token)
                    .header("X-XSRF-TOKEN", token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user.username()) + "&password="
                            + enc(user.password())))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(csrfCookie).contains("Secure").containsIgnoringCase("SameSite=Strict");
            assertThat(signIn.headers().firstValue("Location")).hasValue("/");
            assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("SESSION=").contains("Secure", "HttpOnly").containsIgnoringCase("SameSite=Lax"));
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
