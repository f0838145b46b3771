package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/** The Outlook link flow against mock-oauth2-server over real HTTP, at the service level. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OutlookLinkingTest {

    private static final URI CALLBACK = URI.create("http://localhost:8080/link/outlook/callback");
    private static final MockIdentityPlatform microsoft = MockIdentityPlatform.shared();

    @Autowired
    OutlookLinking linking;
    @Autowired
    AccountSecrets secrets;
    @Autowired
    ConfiguredAccounts users;
    @Autowired
    JdbcClient jdbc;

    private long userId;

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        microsoft.register(registry);
    }


    @BeforeEach
    void user() {
        userId = users.localUserId();
        jdbc.sql("DELETE FROM mail_accounts").update();
        microsoft.requests();
    }

    @Test
    void shouldLinkTheMailboxNamedInTheIdTokenWithPkceAndStoreBothTokens() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        Map<String, String> query = query(start.authorizationRequest());
        assertThat(query).containsEntry("code_challenge_method", "S256").containsKey("code_challenge")
                .containsKeys("state", "nonce").containsEntry("client_id", MockIdentityPlatform.CLIENT_ID)
                .containsEntry("response_type", "code").containsEntry("redirect_uri", CALLBACK.toString());
        assertThat(query.get("scope")).isEqualTo("offline_access https://outlook.office.com/IMAP.AccessAsUser.All "
                + "openid email");

        URI callback = microsoft.authorize(start.authorizationRequest());
        long accountId = linking.complete(userId, start.attempt(), callback);

        List<MockIdentityPlatform.Request> requests = microsoft.requests();
        assertThat(requests).anySatisfy(r -> assertThat(r.url()).contains("/authorize")
                .contains("code_challenge=" + query.get("code_challenge")));
        assertThat(requests).filteredOn(r -> r.url().endsWith("/token")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("code_verifier=" + start.attempt().codeVerifier())
                        .contains("grant_type=authorization_code"));
        Map<String, Object> account = jdbc.sql("""
                SELECT user_id, provider, auth_method, host, port, security, address, username, source, state
                FROM mail_accounts WHERE id = :id""").param("id", accountId).query().singleRow();
        assertThat(account).containsEntry("user_id", userId).containsEntry("provider", "outlook")
                .containsEntry("auth_method", "xoauth2").containsEntry("host", "outlook.office365.com")
                .containsEntry("port", 993).containsEntry("security", "tls")
                .containsEntry("address", MockIdentityPlatform.ADDRESS)
                .containsEntry("username", MockIdentityPlatform.ADDRESS).containsEntry("source", "user");
        assertThat(secrets.get(accountId, SecretKind.REFRESH_TOKEN)).isPresent();
        assertThat(secrets.get(accountId, SecretKind.ACCESS_TOKEN)).hasValueSatisfying(
                token -> assertThat(token.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(3000)));
    }

    @Test
    void shouldRelinkTheSameAccountWhenTheSameMailboxIsLinkedAgain() throws Exception {
        long first = link();
        jdbc.sql("UPDATE mail_accounts SET state = 'relink_required' WHERE id = :id").param("id", first).update();

        long second = link();

        assertThat(second).isEqualTo(first);
        // Watched again (or disabled, as here, until a connector is enabled): no longer waiting for a relink.
        assertThat(jdbc.sql("SELECT state FROM mail_accounts WHERE id = :id").param("id", first).query(String.class)
                .single()).isNotEqualTo("relink_required");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_accounts").query(Long.class).single()).isOne();
    }

    @Test
    void shouldPreselectTheMailboxWhenOneOfTheUsersAccountsIsRelinked() throws Exception {
        long accountId = link();

        assertThat(query(linking.start(userId, CALLBACK, accountId).authorizationRequest()))
                .containsEntry("login_hint", MockIdentityPlatform.ADDRESS);
        assertThat(query(linking.start(userId + 1, CALLBACK, accountId).authorizationRequest()))
                .as("another user's account is not even named").doesNotContainKey("login_hint");
    }

    @Test
    void shouldRejectACallbackWhoseStateWasTamperedWith() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        URI callback = microsoft.authorize(start.authorizationRequest());
        URI tampered = UriComponentsBuilder.fromUri(callback).replaceQueryParam("state", "forged-state").build(true)
                .toUri();

        assertThatThrownBy(() -> linking.complete(userId, start.attempt(), tampered))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("state");
        assertThat(microsoft.tokenRequests()).as("the code is not even exchanged").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_accounts").query(Long.class).single()).isZero();
    }

    @Test
    void shouldRejectACallbackReplayedAfterTheLinkCompleted() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        URI callback = microsoft.authorize(start.authorizationRequest());
        linking.complete(userId, start.attempt(), callback);

        // The session no longer holds the attempt: the controller removes it before completing.
        assertThatThrownBy(() -> linking.complete(userId, null, callback))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("does not belong to a link in progress");
    }

    @Test
    void shouldFailWhenTheCodeIsExchangedWithAnotherVerifier() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        URI callback = microsoft.authorize(start.authorizationRequest());
        LinkAttempt wrongVerifier = new LinkAttempt(userId, start.attempt().state(), start.attempt().nonce(),
                new com.nimbusds.oauth2.sdk.pkce.CodeVerifier().getValue(), start.attempt().redirectUri(),
                start.attempt().startedAt());

        assertThatThrownBy(() -> linking.complete(userId, wrongVerifier, callback))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("refused the authorization code");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_accounts").query(Long.class).single()).isZero();
    }

    @Test
    void shouldRejectAnIdTokenIssuedForAnotherAttempt() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        URI callback = microsoft.authorize(start.authorizationRequest());
        LinkAttempt otherNonce = new LinkAttempt(userId, start.attempt().state(), "another-nonce",
                start.attempt().codeVerifier(), start.attempt().redirectUri(), start.attempt().startedAt());

        assertThatThrownBy(() -> linking.complete(userId, otherNonce, callback))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("ID token failed its checks");
    }

    @Test
    void shouldRejectALinkCompletedByAnotherUser() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        URI callback = microsoft.authorize(start.authorizationRequest());

        assertThatThrownBy(() -> linking.complete(userId + 1, start.attempt(), callback))
                .isInstanceOf(LinkRefusedException.class).hasMessageContaining("another user");
    }

    private long link() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        return linking.complete(userId, start.attempt(), microsoft.authorize(start.authorizationRequest()));
    }

    private static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> java.net.URLDecoder.decode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
