package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.ImapHostGuard;
import io.mailsift.account.LinkProperties;
import io.mailsift.account.LoginCredentials;
import io.mailsift.account.MailboxCredentials.Credentials;
import io.mailsift.account.Security;
import io.mailsift.account.TlsTrust;
import io.mailsift.system.TestPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A connection to a checked address goes to that address, never to what the name resolves to later (DNS rebinding):
 * the host names here do not resolve at all, so only the pinned address can be reached. TLS is layered on top by
 * name, so the certificate is still checked against the name.
 */
class PinnedAddressTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.IMAP.dynamicPort(), slowToStart(ServerSetupTest.IMAPS.dynamicPort())})
            .withPerMethodLifecycle(false);

    // IMAPS makes its certificate at start, which takes longer than GreenMail's 2 s on a busy machine.
    private static ServerSetup slowToStart(ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngestProperties.class, LinkProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withBean(JdbcClient.class, () -> JdbcClient.create(TestPostgres.newMigratedDatabase()))
            .withBean(LoginCredentials.class)
            .withBean(ImapHostGuard.class)
            .withBean(ImapSessions.class);

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void shouldConnectToTheCheckedAddressInsteadOfResolvingTheNameAgain() {
        greenMail.setUser("kim@example.org", "kim", "pw");
        runner.run(context -> {
            ConfiguredAccount settings = new ConfiguredAccount("pinned", "imap.rebinding.invalid",
                    greenMail.getImap().getPort(), Security.NONE, "kim", null, List.of("INBOX"));

            Store store = context.getBean(ImapSessions.class).connectOnce(settings,
                    Credentials.password("kim", "pw"), LOOPBACK, Duration.ofSeconds(5));

            assertThat(store.isConnected()).isTrue();
            store.close();
        });
    }

    @Test
    void shouldLayerTlsOnThePinnedConnectionAndCheckTheCertificateByName() {
        runner.run(context -> {
            ConfiguredAccount settings = new ConfiguredAccount("pinned-tls", "imap.rebinding.invalid",
                    greenMail.getImaps().getPort(), Security.TLS, "kim", null, List.of("INBOX"), true,
                    TlsTrust.SYSTEM);

            // Reached (no unknown host), then refused for its self-signed certificate.
            assertThatThrownBy(() -> context.getBean(ImapSessions.class).connectOnce(settings,
                    Credentials.password("kim", "pw"), LOOPBACK, Duration.ofSeconds(5)))
                    .isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("PKIX")
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        });
    }

    @Test
    void shouldLogInWithXoauth2WhenTheCredentialsAreAnAccessToken() {
        // GreenMail accepts XOAUTH2 with the user's password as the bearer token.
        greenMail.setUser("lou@example.org", "lou", "access-token-1");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> trace =
                new ch.qos.logback.core.read.ListAppender<>();
        trace.start();
        var protocolLogger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                ImapSessions.PROTOCOL_LOGGER);
        protocolLogger.addAppender(trace);
        runner.withPropertyValues("mailsift.ingest.protocol-log=true").run(context -> {
            ConfiguredAccount settings = new ConfiguredAccount("xoauth2", "imap.rebinding.invalid",
                    greenMail.getImap().getPort(), Security.NONE, "lou", null, List.of("INBOX"));

            Store store = context.getBean(ImapSessions.class).connectOnce(settings,
                    Credentials.accessToken("lou", "access-token-1"), LOOPBACK, Duration.ofSeconds(5));

            assertThat(store.isConnected()).isTrue();
            store.close();
            assertThat(trace.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains("AUTHENTICATE XOAUTH2"))
                    .noneMatch(line -> line.contains(" LOGIN ") || line.contains("access-token-1"));
            assertThatThrownBy(() -> context.getBean(ImapSessions.class).connectOnce(settings,
                    Credentials.accessToken("lou", "expired-token"), LOOPBACK, Duration.ofSeconds(5)))
                    .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
        });
        protocolLogger.detachAppender(trace);
    }

    @Test
    void shouldRefuseToConnectToAnotherHostWhileAnAddressIsPinned() {
        assertThatThrownBy(() -> ScopedValue.where(PinnedAddressSockets.PIN,
                new PinnedAddressSockets.Pin("imap.example.org", LOOPBACK)).call(() ->
                PinnedAddressSockets.endpoint(new java.net.InetSocketAddress("intranet.example.org", 143))))
                .isInstanceOf(java.net.SocketException.class)
                .hasMessageContaining("only imap.example.org");
    }
}
