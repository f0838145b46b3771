package io.mailsift.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import io.mailsift.testing.SignedInSession;
import io.mailsift.web.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo as a newcomer runs it: the in-process IMAP server seeded with sample mail, the real connectors, the page
 * on HTTP, and a new mail dropped in over SMTP exactly as the README says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoModeTest {

    private static final Logger log = LoggerFactory.getLogger(DemoModeTest.class);
    private static final int IMAP_PORT = freePort();
    private static final int SMTP_PORT = freePort();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private SignedInSession session;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("mailsift.demo.imap-port", () -> IMAP_PORT);
        registry.add("mailsift.demo.smtp-port", () -> SMTP_PORT);
    }

    /** The demo user of application-demo.yml, as the README gives it. */
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "mailsift-demo";

    @Test
    void shouldTurnSeededSampleMailIntoFindings() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(findings())
                .extracting(f -> f.get("type"))
                .contains("FlightReservation", "LodgingReservation", "Order", "ParcelDelivery"));

        List<Map<String, Object>> findings = findings();
        assertThat(findings).filteredOn(f -> f.get("type").equals("FlightReservation")).singleElement()
                .satisfies(f -> {
                    assertThat(f.get("connector")).isEqualTo("travel");
                    assertThat(f.get("senderDomain")).isEqualTo("aurora-air.example");
                    assertThat(((Map<?, ?>) f.get("data")).get("reservationNumber")).isEqualTo("Q7X2LM");
                });
        // The newsletter in the sample mail is not a finding.
        assertThat(findings).noneSatisfy(f -> assertThat(String.valueOf(f.get("data"))).contains("Spring sale"));
    }

    @Test
    void shouldShowMailDroppedOverSmtpOnThePage() throws Exception {
        awaitSeeded();
        long sent = System.nanoTime();
        sendOverSmtp(Path.of("../docs/demo/new-booking.eml"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(findings()).extracting(f -> f.get("type")).contains("TrainReservation"));
        log.info("mail dropped over SMTP was on the API after {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));

        assertThat(get("/api/accounts")).contains("\"name\":\"demo\"").contains("\"folder\":\"INBOX\"");
    }

    @Test
    void shouldRenderFindingsInARealBrowserWithMailTextEscaped() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing().isEmpty(),
                () -> HeadlessChromium.missing().orElse("") + ": the browser check is skipped");
        awaitSeeded();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open("http://127.0.0.1:" + port + "/");
            browser.signIn(DEMO_USER, DEMO_PASSWORD, Duration.ofSeconds(30));
            browser.awaitText(Duration.ofSeconds(20), "Q7X2LM", "Casa do Rio", "KB-100482");
            // The name comes from its own request, which may answer after the findings (seen on a loaded machine).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    browser.evaluate("return document.getElementById('me').textContent;")).isEqualTo(DEMO_USER));

            // A mail arriving while the page is open shows up without a reload.
            long sent = System.nanoTime();
            sendOverSmtp(hostileMail());
            browser.awaitText(Duration.ofSeconds(10), "XSS-PROBE");
            log.info("mail dropped over SMTP was on the open page after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));

            // The hostile name arrives as text, never as markup.
            assertThat(browser.evaluate("return document.querySelector('#findings').innerHTML;"))
                    .contains("XSS-PROBE &lt;img src=x onerror=");
            assertThat(browser.evaluate("return String(document.querySelectorAll('#findings img').length);"))
                    .isEqualTo("0");
            assertThat(browser.evaluate("return document.title;")).isNotEqualTo("pwned");
        }
    }

    private Path hostileMail() throws IOException {
        Path mail = Files.createTempFile("hostile", ".eml");
        Files.writeString(mail, """
                From: Evil Events <tickets@evil.example>
                To: demo@mailsift.local
                Subject: Your ticket
                Message-ID: <hostile-1@evil.example>
                Content-Type: text/html; charset=utf-8

                <html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "EventReservation", "reservationNumber": "EV1",
                 "reservationFor": {"@type": "Event", "name": "XSS-PROBE <img src=x onerror=document.title='pwned'>",
                   "startDate": "2027-05-01T20:00:00+02:00"}}
                </script></head><body>ticket</body></html>
                """.replace("\n", "\r\n"));
        return mail;
    }

    private void awaitSeeded() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(findings()).extracting(f -> f.get("type")).contains("ParcelDelivery"));
    }

    private void sendOverSmtp(Path eml) throws IOException, MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        Session session = Session.getInstance(properties);
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(session, in) {
                @Override
                protected void updateMessageID() {
                    // Keep the file's Message-ID, as curl would.
                }
            };
            Transport.send(message, new InternetAddress[] {new InternetAddress("demo@mailsift.local")});
        }
    }

    /** The demo account's findings (the test database is shared with other tests' accounts). */
    private List<Map<String, Object>> findings() throws IOException, InterruptedException {
        List<Map<String, Object>> all = JSON.readValue(get("/api/findings"), new TypeReference<>() {
        });
        return all.stream().filter(f -> "demo".equals(f.get("account"))).toList();
    }

    /** GET as the demo user, signed in once per test through the form. */
    private String get(String path) throws IOException, InterruptedException {
        if (session == null) {
            session = SignedInSession.signIn("http://127.0.0.1:" + port, DEMO_USER, DEMO_PASSWORD);
        }
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    @AfterEach
    void signOut() {
        if (session != null) {
            session.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
