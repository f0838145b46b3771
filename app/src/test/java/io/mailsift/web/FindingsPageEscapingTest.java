package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text taken from mail is shown as text: a stored finding whose fields carry markup renders literally in a real
 * browser, after a real sign-in, and no script of it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class FindingsPageEscapingTest {

    static final String HOSTILE_NAME = "XSS-PROBE <img src=x onerror=document.title='pwned'>";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRenderAFindingWhoseNameIsMarkupAsText() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing().isEmpty(),
                () -> HeadlessChromium.missing().orElse("") + ": the browser check is skipped");
        TestUser alice = users.create("alice");
        long account = users.mailbox(alice.id(), "<b>inbox</b>");
        jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload, sender_domain)
                VALUES (:accountId, 'travel', 'xss', 'EventReservation', CAST(:payload AS jsonb), 'evil.example')""")
                .param("accountId", account)
                .param("payload", """
                        {"@context": "https://schema.org", "@type": "EventReservation", "reservationNumber": "EV1",
                         "reservationFor": {"@type": "Event", "name": "%s",
                                            "startDate": "2027-05-01T20:00:00+02:00"}}""".formatted(HOSTILE_NAME))
                .update();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open("http://127.0.0.1:" + port + "/");
            browser.signIn(alice.username(), alice.password(), Duration.ofSeconds(30));
            browser.awaitText(Duration.ofSeconds(20), "XSS-PROBE <img src=x", "<b>inbox</b>");

            assertThat(browser.evaluate("return document.querySelector('#findings').innerHTML;"))
                    .contains("XSS-PROBE &lt;img src=x onerror=");
            assertThat(browser.evaluate("return String(document.querySelectorAll('#findings img, #accounts b')"
                    + ".length);")).isEqualTo("0");
            assertThat(browser.evaluate("return document.title;")).isNotEqualTo("pwned");

            // The page's script sends the CSRF token with changes: a token can be created, then sign-out works.
            browser.evaluate("document.getElementById('tokens').open = true;"
                    + "document.getElementById('token-name').value = 'from the page';"
                    + "document.querySelector('#token-form button').click(); return '';");
            assertThat(browser.awaitText(Duration.ofSeconds(10), "msp_", "from the page (msp_")).isNotEmpty();
            browser.evaluate("document.getElementById('signout').click(); return '';");
            browser.awaitText(Duration.ofSeconds(10), "You are signed out.");
        }
    }
}
