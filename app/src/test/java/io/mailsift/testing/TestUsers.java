package io.mailsift.testing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.mailsift.user.PersonalAccessTokens;
import io.mailsift.user.Users;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users for tests over HTTP, made with the app's own services: {@code @Import(TestUsers.class)} into a
 * {@code @SpringBootTest}, then {@link #create} a user and either {@link #issueToken} for
 * {@code Authorization: Bearer ...} or {@link SignedInSession#signIn} through the sign-in form.
 */
public class TestUsers {

    private static final AtomicInteger sequence = new AtomicInteger();

    private final Users users;
    private final PersonalAccessTokens tokens;
    private final JdbcClient jdbc;

    public TestUsers(Users users, PersonalAccessTokens tokens, JdbcClient jdbc) {
        this.users = users;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** A user that exists in the database, with the password to sign in. */
    public record TestUser(long id, String username, String password) {
    }

    /** A new user with a random password; the name gets a suffix so that tests never collide. */
    public TestUser create(String name) {
        return create(name, false);
    }

    /** A new admin with a random password. */
    public TestUser createAdmin(String name) {
        return create(name, true);
    }

    /** Gives an existing user without a password (such as the owner of configured accounts) a password. */
    public TestUser withPassword(String existingUsername) {
        String password = randomPassword();
        long id = users.createLocal(existingUsername, password, false);
        return new TestUser(id, existingUsername, password);
    }

    /** A new personal access token ({@code msp_...}) of the user, valid until revoked. */
    public String issueToken(long userId) {
        return tokens.issue(userId, "test token " + sequence.incrementAndGet(), null).token();
    }

    /**
     * A mailbox the user linked (state {@code idle}, never connected to) that these connectors may read; returns its
     * id.
     */
    public long mailbox(long userId, String name, String... connectorIds) {
        long id = jdbc.sql("""
                INSERT INTO mail_accounts (user_id, name, host, port, security, username, source, state)
                VALUES (:userId, :name, 'imap.example.org', 993, 'tls', :name, 'user', 'idle') RETURNING id""")
                .param("userId", userId).param("name", name).query(Long.class).single();
        for (String connectorId : connectorIds) {
            jdbc.sql("INSERT INTO account_connectors (account_id, connector_id) VALUES (:id, :connector)")
                    .param("id", id).param("connector", connectorId).update();
        }
        return id;
    }

    private TestUser create(String name, boolean admin) {
        String username = name + "-" + sequence.incrementAndGet();
        String password = randomPassword();
        long id = users.createLocal(username, password, admin);
        return new TestUser(id, username, password);
    }

    private static String randomPassword() {
        return "pw-" + UUID.randomUUID();
    }
}
