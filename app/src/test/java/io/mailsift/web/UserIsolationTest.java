package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.mailsift.testing.BearerClient;
import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every API answer is scoped to the signed-in user: another user's mailbox and findings do not exist for them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
class UserIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private TestUser alice;
    private TestUser bob;
    private long alicesAccount;

    @BeforeEach
    void twoUsersOneWithAMailbox() {
        alice = users.create("alice");
        bob = users.create("bob");
        alicesAccount = jdbc.sql("""
                INSERT INTO mail_accounts (user_id, name, host, port, security, username, source, state)
                VALUES (:userId, 'alice-mail', 'imap.example.org', 993, 'tls', 'alice@example.org', 'user', 'idle')
                RETURNING id""").param("userId", alice.id()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload)
                VALUES (:accountId, 'travel', 'k1', 'FlightReservation',
                        '{"@context":"https://schema.org","@type":"FlightReservation","reservationNumber":"ALICE1"}')""")
                .param("accountId", alicesAccount).update();
    }

    @Test
    void shouldShowTheOwnerHerMailboxAndFindings() throws Exception {
        try (SignedInSession session = SignedInSession.signIn(base(), alice)) {
            assertThat(session.get("/api/accounts/" + alicesAccount).statusCode()).isEqualTo(200);
            assertThat(session.get("/api/accounts/" + alicesAccount + "/findings").body()).contains("ALICE1");
            assertThat(session.get("/api/findings").body()).contains("ALICE1");
            assertThat(session.get("/api/accounts").body()).contains("alice-mail");
        }
    }

    @Test
    void shouldAnswer404ToAnotherUsersSessionForHerMailboxAndFindings() throws Exception {
        try (SignedInSession session = SignedInSession.signIn(base(), bob)) {
            assertThat(session.get("/api/accounts/" + alicesAccount).statusCode()).isEqualTo(404);
            assertThat(session.get("/api/accounts/" + alicesAccount + "/findings").statusCode()).isEqualTo(404);
            assertThat(session.get("/api/accounts/" + (alicesAccount + 100_000)).statusCode())
                    .as("the same answer as for an id that does not exist").isEqualTo(404);
            assertThat(session.get("/api/findings").body()).doesNotContain("ALICE1");
            assertThat(session.get("/api/accounts").body()).doesNotContain("alice-mail");
        }
    }

    @Test
    void shouldAnswer404ToAnotherUsersTokenForHerMailboxAndFindings() throws Exception {
        String bobsToken = users.issueToken(bob.id());

        assertThat(bearerGet("/api/accounts/" + alicesAccount, bobsToken).statusCode()).isEqualTo(404);
        assertThat(bearerGet("/api/accounts/" + alicesAccount + "/findings", bobsToken).statusCode()).isEqualTo(404);
        assertThat(bearerGet("/api/findings", bobsToken).body()).doesNotContain("ALICE1");
        assertThat(bearerGet("/api/accounts", bobsToken).body()).doesNotContain("alice-mail");
        assertThat(bearerGet("/api/accounts/" + alicesAccount + "/findings", users.issueToken(alice.id())).body())
                .contains("ALICE1");
    }

    private HttpResponse<String> bearerGet(String path, String token) throws Exception {
        try (BearerClient client = new BearerClient(base(), token)) {
            return client.get(path);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
