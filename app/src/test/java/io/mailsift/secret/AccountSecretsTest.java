package io.mailsift.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Encrypted secrets against the real schema: stored sealed, locked for refresh, moved to a new key. */
class AccountSecretsTest {

    private static final DataSource database = TestPostgres.newMigratedDatabase();
    private static final JdbcClient jdbc = JdbcClient.create(database);
    private static final TransactionTemplate transactions = new TransactionTemplate(
            new JdbcTransactionManager(database));
    private static final String OLD = SecretKeyRing.newKeyLine("old");
    private static final String NEW = SecretKeyRing.newKeyLine("new");

    private final AccountSecrets secrets = secrets(SecretKeyRing.parse(OLD, null, "test"));

    @Test
    void shouldStoreOnlyCiphertextAndReadBackTheValueWithItsExpiryAndVersion() {
        long account = account("stored");
        Instant expiry = Instant.parse("2027-01-01T10:00:00Z");

        secrets.put(account, SecretKind.ACCESS_TOKEN, "eyJ-access-token", expiry);
        long version = secrets.put(account, SecretKind.ACCESS_TOKEN, "eyJ-access-token-2", expiry.plusSeconds(3600));

        assertThat(version).isEqualTo(2);
        assertThat(secrets.get(account, SecretKind.ACCESS_TOKEN)).hasValueSatisfying(secret -> {
            assertThat(secret.value()).isEqualTo("eyJ-access-token-2");
            assertThat(secret.expiresAt()).isEqualTo(expiry.plusSeconds(3600));
            assertThat(secret.version()).isEqualTo(2);
            assertThat(secret.toString()).doesNotContain("eyJ");
        });
        assertThat(secrets.get(account, SecretKind.REFRESH_TOKEN)).isEmpty();
        assertThat(jdbc.sql("SELECT position(convert_to('eyJ', 'UTF8') IN ciphertext) FROM account_secrets"
                + " WHERE account_id = ?").param(account).query(Integer.class).single()).isZero();
    }

    @Test
    void shouldRefuseARowCopiedToAnotherAccount() {
        long alice = account("copy-alice");
        long mallory = account("copy-mallory");
        secrets.put(alice, SecretKind.IMAP_PASSWORD, "alice's password", null);
        jdbc.sql("""
                INSERT INTO account_secrets (account_id, kind, key_id, ciphertext)
                SELECT ?, kind, key_id, ciphertext FROM account_secrets WHERE account_id = ?""")
                .params(mallory, alice).update();

        assertThatThrownBy(() -> secrets.get(mallory, SecretKind.IMAP_PASSWORD))
                .isInstanceOf(SecretUnavailableException.class).hasMessageNotContaining("alice's password");
    }

    @Test
    void shouldMakeASecondRefresherWaitForTheFirstAndSeeItsResult() throws Exception {
        long account = account("locked");
        secrets.put(account, SecretKind.REFRESH_TOKEN, "rt-1", null);
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicLong secondSawVersion = new AtomicLong();

        Thread first = Thread.ofVirtual().start(() -> transactions.executeWithoutResult(status -> {
            secrets.getForUpdate(account, SecretKind.REFRESH_TOKEN).orElseThrow();
            firstHoldsLock.countDown();
            await(releaseFirst);
            secrets.put(account, SecretKind.REFRESH_TOKEN, "rt-2", null);
        }));
        firstHoldsLock.await(10, TimeUnit.SECONDS);
        Thread second = Thread.ofVirtual().start(() -> transactions.executeWithoutResult(status -> secondSawVersion
                .set(secrets.getForUpdate(account, SecretKind.REFRESH_TOKEN).orElseThrow().version())));
        Thread.sleep(300);
        assertThat(second.isAlive()).as("the second refresher waits for the lock").isTrue();
        releaseFirst.countDown();
        first.join(10_000);
        second.join(10_000);

        assertThat(secondSawVersion.get()).isEqualTo(2);
        assertThatThrownBy(() -> secrets.getForUpdate(account, SecretKind.REFRESH_TOKEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void shouldMoveEverySecretToTheNewKeySoThatTheOldKeyCanBeDropped() {
        long account = account("rekeyed");
        secrets.put(account, SecretKind.IMAP_PASSWORD, "app password", null);
        secrets.put(account, SecretKind.REFRESH_TOKEN, "rt", Instant.parse("2027-05-01T00:00:00Z"));
        AccountSecrets rotated = secrets(SecretKeyRing.parse(OLD + "\n" + NEW, "new", "test"));

        long mallory = account("rekey-mallory");
        jdbc.sql("""
                INSERT INTO account_secrets (account_id, kind, key_id, ciphertext)
                SELECT ?, kind, key_id, ciphertext FROM account_secrets WHERE account_id = ? AND kind = 'imap_password'""")
                .params(mallory, account).update();

        AccountSecrets.Reencryption result = rotated.reencryptUnderActiveKey();

        assertThat(result.moved()).isGreaterThanOrEqualTo(2);
        assertThat(result.unreadable()).contains("account " + mallory + " imap_password");
        assertThat(rotated.countNotUnderActiveKey()).isEqualTo(result.unreadable().size());

        AccountSecrets onlyNew = secrets(SecretKeyRing.parse(NEW, null, "test"));
        assertThat(onlyNew.get(account, SecretKind.IMAP_PASSWORD)).map(StoredSecret::value).hasValue("app password");
        assertThat(onlyNew.get(account, SecretKind.REFRESH_TOKEN)).map(StoredSecret::expiresAt)
                .hasValue(Instant.parse("2027-05-01T00:00:00Z"));
    }

    private static AccountSecrets secrets(SecretKeyRing ring) {
        return new AccountSecrets(jdbc, new SecretCipher(ring), transactions);
    }

    private static long account(String username) {
        long user = jdbc.sql("INSERT INTO users (username) VALUES (?) RETURNING id").param(username)
                .query(Long.class).single();
        return jdbc.sql("INSERT INTO mail_accounts (user_id, name, host, port, security, username, source)"
                        + " VALUES (?, 'home', 'imap.example.org', 993, 'tls', ?, 'user') RETURNING id")
                .params(user, username).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
