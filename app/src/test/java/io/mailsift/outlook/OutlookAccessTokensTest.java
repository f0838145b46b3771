package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mailsift.account.AccountStates;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.account.RelinkRequiredException;
import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import io.mailsift.secret.StoredSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The token lifecycle of a linked Outlook account against mock-oauth2-server's token endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OutlookAccessTokensTest {

    private static final URI CALLBACK = URI.create("http://localhost:8080/link/outlook/callback");
    private static final MockIdentityPlatform microsoft = MockIdentityPlatform.shared();

    @Autowired
    OutlookLinking linking;
    @Autowired
    OutlookAccessTokens tokens;
    @Autowired
    AccountSecrets secrets;
    @Autowired
    ConfiguredAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutlookAccounts accounts;
    @Autowired
    AccountStates states;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutlookProperties settings;

    private long userId;
    private long accountId;

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        microsoft.register(registry);
    }


    @BeforeEach
    void linkedAccount() throws Exception {
        userId = users.localUserId();
        jdbc.sql("DELETE FROM mail_accounts").update();
        accountId = link();
        microsoft.requests();
    }

    @Test
    void shouldUseTheStoredAccessTokenWhileItIsValidBeyondTheSkew() {
        String stored = secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow().value();

        assertThat(tokens.accessToken(accountId)).isEqualTo(stored);
        assertThat(microsoft.tokenRequests()).isEmpty();
    }

    @Test
    void shouldRefreshATokenExpiringWithinTheSkewAndSaveTheRotatedRefreshTokenWithIt() {
        StoredSecret oldRefresh = secrets.get(accountId, SecretKind.REFRESH_TOKEN).orElseThrow();
        expireAccessTokenIn(Duration.ofMinutes(1));

        String token = tokens.accessToken(accountId);

        List<MockIdentityPlatform.Request> requests = microsoft.tokenRequests();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.body()).contains("grant_type=refresh_token")
                .contains("refresh_token=" + oldRefresh.value()));
        StoredSecret access = secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow();
        assertThat(access.value()).isEqualTo(token);
        assertThat(access.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        StoredSecret newRefresh = secrets.get(accountId, SecretKind.REFRESH_TOKEN).orElseThrow();
        assertThat(newRefresh.value()).as("rotated").isNotEqualTo(oldRefresh.value());
        assertThat(newRefresh.version()).isEqualTo(oldRefresh.version() + 1);
    }

    @Test
    void shouldRefreshOnceWhenFoldersOfOneAccountAskAtOnce() throws Exception {
        expireAccessTokenIn(Duration.ZERO);

        List<String> answers = concurrently(8, () -> tokens.accessToken(accountId));

        assertThat(answers).hasSize(8).containsOnly(answers.getFirst());
        assertThat(microsoft.tokenRequests()).hasSize(1);
    }

    @Test
    void shouldRefreshOnceWhenTwoNodesAskAtOnce() throws Exception {
        expireAccessTokenIn(Duration.ZERO);
        // Another node: its own in-process locks, the same database; only the row lock keeps them apart.
        OutlookAccessTokens otherNode = new OutlookAccessTokens(secrets, accounts, states, transactions, settings);

        List<String> answers = concurrently(8, new Callable<>() {
            private int calls;

            @Override
            public synchronized String call() {
                return (calls++ % 2 == 0 ? tokens : otherNode).accessToken(accountId);
            }
        });

        assertThat(answers).containsOnly(answers.getFirst());
        assertThat(microsoft.tokenRequests()).hasSize(1);
    }

    @Test
    void shouldRefreshAfterTheServerRejectedTheTokenEvenBeforeItExpires() {
        String rejected = tokens.accessToken(accountId);

        String replacement = tokens.afterRejection(accountId, rejected);

        assertThat(replacement).isNotEqualTo(rejected);
        assertThat(tokens.accessToken(accountId)).isEqualTo(replacement);
        assertThat(microsoft.tokenRequests()).hasSize(1);
    }

    @Test
    void shouldRequireARelinkOnInvalidGrantAndNeverAskTheProviderAgain() {
        expireAccessTokenIn(Duration.ZERO);
        revokeRefreshToken("AADSTS70000: The refresh token was revoked.");

        assertThatThrownBy(() -> tokens.accessToken(accountId)).isInstanceOf(RelinkRequiredException.class)
                .hasMessageContaining("The refresh token was revoked");
        assertThatThrownBy(() -> tokens.accessToken(accountId)).isInstanceOf(RelinkRequiredException.class);
        assertThatThrownBy(() -> tokens.afterRejection(accountId, "x")).isInstanceOf(RelinkRequiredException.class);

        assertThat(microsoft.tokenRequests()).as("exactly one refresh attempt").hasSize(1);
        assertThat(jdbc.sql("SELECT state || ' ' || last_error FROM mail_accounts WHERE id = :id")
                .param("id", accountId).query(String.class).single())
                .isEqualTo("relink_required invalid_grant: AADSTS70000: The refresh token was revoked.");
    }

    @Test
    void shouldRefreshAgainOnceTheAccountWasRelinked() throws Exception {
        expireAccessTokenIn(Duration.ZERO);
        revokeRefreshToken("revoked");
        assertThatThrownBy(() -> tokens.accessToken(accountId)).isInstanceOf(RelinkRequiredException.class);

        assertThat(link()).isEqualTo(accountId);
        expireAccessTokenIn(Duration.ZERO);
        microsoft.requests();

        assertThat(tokens.accessToken(accountId)).isNotBlank();
        assertThat(microsoft.tokenRequests()).hasSize(1);
    }

    private void revokeRefreshToken(String description) {
        microsoft.revoke(secrets.get(accountId, SecretKind.REFRESH_TOKEN).orElseThrow().value(), description);
    }

    private void expireAccessTokenIn(Duration duration) {
        StoredSecret access = secrets.get(accountId, SecretKind.ACCESS_TOKEN).orElseThrow();
        secrets.put(accountId, SecretKind.ACCESS_TOKEN, access.value(), Instant.now().plus(duration));
    }

    private long link() throws Exception {
        OutlookLinking.Start start = linking.start(userId, CALLBACK, null);
        return linking.complete(userId, start.attempt(), microsoft.authorize(start.authorizationRequest()));
    }

    private static List<String> concurrently(int callers, Callable<String> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
