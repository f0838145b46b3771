package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import io.mailsift.interop.DovecotServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test peers themselves: Dovecot's oauth2 passdb accepts an XOAUTH2 login with mock-oauth2-server's access token
 * for the token's own subject only, by asking the mock's introspection endpoint.
 */
class DovecotOAuth2PassdbTest {

    private static final MockIdentityPlatform microsoft = new MockIdentityPlatform(Duration.ofHours(1));

    @RegisterExtension
    static final DovecotServer dovecot = new DovecotServer().withOAuth2Introspection(microsoft::introspectionUri);

    @AfterAll
    static void stop() {
        microsoft.close();
    }

    @Test
    void shouldLogInWithXoauth2OnlyWithATokenIssuedToTheLogin() throws Exception {
        String user = dovecot.addUser(MockIdentityPlatform.ADDRESS);
        Properties xoauth2 = new Properties();
        xoauth2.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");

        try (Store store = Session.getInstance(xoauth2).getStore("imap")) {
            store.connect("127.0.0.1", dovecot.imapPort(), user, microsoft.accessToken(user, Duration.ofMinutes(5)));
            assertThat(store.isConnected()).isTrue();
        }
        try (Store store = Session.getInstance(xoauth2).getStore("imap")) {
            assertThatThrownBy(() -> store.connect("127.0.0.1", dovecot.imapPort(), user,
                    microsoft.accessToken("someone.else@outlook.test", Duration.ofMinutes(5))))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }
}
