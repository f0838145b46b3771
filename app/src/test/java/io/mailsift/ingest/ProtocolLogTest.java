package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The IMAP protocol log (mailsift.ingest.protocol-log) never holds a password or token. */
class ProtocolLogTest {

    @Test
    void shouldLeaveOutTheCredentialsOfALoginTracedAfterItsWriteFailed() {
        // Jakarta Mail traced this line once the write that failed during a LOGIN was flushed by the next command.
        assertThat(ImapSessions.withoutCredentials("C1 LOGIN read-only-protocol secret"))
                .isEqualTo("C1 LOGIN (credentials not logged)");
        assertThat(ImapSessions.withoutCredentials("A7 authenticate XOAUTH2 dXNlcj1zb21lb25lAWF1dGg9QmVhcmVyIHRva2VuAQE="))
                .isEqualTo("A7 authenticate (credentials not logged)");
        assertThat(ImapSessions.withoutCredentials("dXNlcj1zb21lb25lAWF1dGg9QmVhcmVyIHRva2VuAQE="))
                .isEqualTo("(base64 line not logged)");
    }

    @Test
    void shouldLeaveOutALoginsLiteralsOnTheLinesAfterIt() {
        ImapSessions.CredentialFilter filter = new ImapSessions.CredentialFilter();

        assertThat(filter.loggable("C1 LOGIN {5+}")).isEqualTo("C1 LOGIN (credentials not logged)");
        assertThat(filter.loggable("jürgen {9+}")).isEqualTo("(literal not logged)");
        assertThat(filter.loggable("pässwört")).isEqualTo("(literal not logged)");
        assertThat(filter.loggable("C1 OK LOGIN completed.")).isEqualTo("C1 OK LOGIN completed.");
        // A literal of another command is logged as it is.
        assertThat(filter.loggable("C2 APPEND INBOX {310}")).isEqualTo("C2 APPEND INBOX {310}");
        assertThat(filter.loggable("Subject: hello")).isEqualTo("Subject: hello");
    }

    @Test
    void shouldKeepEveryOtherProtocolLine() {
        assertThat(ImapSessions.withoutCredentials("A3 UID FETCH 1:5 (UID RFC822.SIZE BODY.PEEK[HEADER])"))
                .isEqualTo("A3 UID FETCH 1:5 (UID RFC822.SIZE BODY.PEEK[HEADER])");
        assertThat(ImapSessions.withoutCredentials("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready"))
                .isEqualTo("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready");
        assertThat(ImapSessions.withoutCredentials("A1 OK LOGIN completed.")).isEqualTo("A1 OK LOGIN completed.");
        assertThat(ImapSessions.withoutCredentials("DEBUG IMAP: LOGIN command trace suppressed"))
                .isEqualTo("DEBUG IMAP: LOGIN command trace suppressed");
    }
}
