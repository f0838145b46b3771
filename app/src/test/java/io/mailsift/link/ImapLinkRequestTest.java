package io.mailsift.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.mailsift.account.Security;
import org.junit.jupiter.api.Test;

/** What a user types into the link form, checked before anything connects. */
class ImapLinkRequestTest {

    @Test
    void shouldFillInTheDefaultsOfTheSecuritySetting() {
        ImapLinkRequest request = ImapLinkRequest.of(null, " IMAP.Example.org ", null, null, "me@example.org",
                "app-password", null);

        assertThat(request.host()).isEqualTo("imap.example.org");
        assertThat(request.security()).isEqualTo(Security.TLS);
        assertThat(request.port()).isEqualTo(993);
        assertThat(request.folders()).containsExactly("INBOX");
        assertThat(request.name()).isEqualTo("me@example.org@imap.example.org");
        assertThat(ImapLinkRequest.of(null, "imap.example.org", 0, "starttls", "me", "pw", List.of()).port())
                .isEqualTo(143);
    }

    @Test
    void shouldSayWhichFieldIsWrong() {
        assertThatThrownBy(() -> ImapLinkRequest.of(null, "https://imap.example.org/", null, null, "me", "pw", null))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> ImapLinkRequest.of(null, "imap.example.org:993", null, null, "me", "pw", null))
                .hasMessageContaining("port field");
        assertThatThrownBy(() -> ImapLinkRequest.of(null, "imap.example.org", 70000, null, "me", "pw", null))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> ImapLinkRequest.of(null, "imap.example.org", null, "ssl", "me", "pw", null))
                .hasMessageContaining("security must be tls, starttls or none");
        assertThatThrownBy(() -> ImapLinkRequest.of(null, "imap.example.org", null, null, " ", "pw", null))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> ImapLinkRequest.of(null, "imap.example.org", null, null, "me", "", null))
                .hasMessageContaining("password");
    }

    @Test
    void shouldAcceptAnIpv6LiteralAndNeverShowThePassword() {
        ImapLinkRequest request = ImapLinkRequest.of("mine", "[2001:db8::1]", 993, "tls", "me", "hunter2", null);

        assertThat(request.host()).isEqualTo("2001:db8::1");
        assertThat(request.toString()).doesNotContain("hunter2");
    }
}
