package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.ingest.TestConnectors;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The accounts page in a real browser, signed in through the sign-in page (so the CSRF cookie and header are the
 * real ones): a refused login shows the server's answer, a linked mailbox is listed, a connector is enabled, the
 * mailbox is unlinked. Names typed by the user are shown as text, never as markup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mailsift.link.allowed-private-networks=127.0.0.0/8",
        "mailsift.link.login-timeout=3s",
        "mailsift.ingest.idle-interval=1s",
        "mailsift.ingest.read-timeout=2s",
        "server.servlet.session.cookie.secure=false"})
@Import({TestUsers.class, TestConnectors.class})
@DirtiesContext
class AccountsPageTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void shouldLinkConsentAndUnlinkFromThePage() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing().isEmpty(),
                () -> HeadlessChromium.missing().orElse("") + ": the browser check is skipped");
        greenMail.setUser("pia@example.org", "pia", "app-pw");
        TestUser pia = users.create("pia");
        String base = "http://127.0.0.1:" + port;
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base + "/accounts.html");
            browser.signIn(pia.username(), pia.password(), Duration.ofSeconds(30));
            browser.open(base + "/accounts.html");
            browser.awaitText(Duration.ofSeconds(20), "No mailbox linked yet", "Link an IMAP mailbox");

            fill(browser, "wrong");
            browser.awaitText(Duration.ofSeconds(20), "refused the username or password");

            fill(browser, "app-pw");
            browser.awaitText(Duration.ofSeconds(20), "is linked", "Not read: no connector is enabled", "test-subject",
                    "reads headers only");
            assertThat(browser.evaluate("return String(document.querySelectorAll('#mailboxes img').length);"))
                    .isEqualTo("0");
            assertThat(browser.evaluate("return document.querySelector('.mailbox .name').textContent;"))
                    .isEqualTo("<img src=x onerror=document.title='pwned'>");

            browser.evaluate("[...document.querySelectorAll('.connector')].find(c => c.textContent"
                    + ".includes('test-subject')).querySelector('input').click(); return '';");
            browser.awaitText(Duration.ofSeconds(20), "Up to date");

            browser.evaluate("window.confirm = () => true; document.querySelector('.unlink').click(); return '';");
            browser.awaitText(Duration.ofSeconds(20), "was unlinked");
            assertThat(browser.evaluate("return String(document.querySelectorAll('.mailbox').length);"))
                    .isEqualTo("0");
            assertThat(browser.evaluate("return document.title;")).isNotEqualTo("pwned");
        }
    }

    private void fill(HeadlessChromium browser, String password) throws Exception {
        browser.evaluate("""
                const form = document.getElementById('link-form');
                form.querySelector('[name=host]').value = '127.0.0.1';
                form.querySelector('[name=port]').value = '%d';
                form.querySelector('[name=security]').value = 'none';
                form.querySelector('[name=username]').value = 'pia';
                form.querySelector('[name=password]').value = '%s';
                form.querySelector('[name=name]').value = "<img src=x onerror=document.title='pwned'>";
                form.querySelector('button[type=submit]').click();
                return '';""".formatted(greenMail.getImap().getPort(), password));
    }
}
