package io.mailsift.outlook;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.mailsift.account.AccountGoneException;
import io.mailsift.account.AccountState;
import io.mailsift.account.AccountStates;
import io.mailsift.account.RelinkRequiredException;
import io.mailsift.outlook.OutlookTokenEndpoint.Grant;
import io.mailsift.outlook.OutlookTokenEndpoint.InvalidGrantException;
import io.mailsift.outlook.OutlookTokenEndpoint.TokenEndpointException;
import io.mailsift.secret.AccountSecrets;
import io.mailsift.secret.SecretKind;
import io.mailsift.secret.StoredSecret;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access token an Outlook account logs in to IMAP with (XOAUTH2), refreshed when it expires within
 * {@code mailsift.outlook.refresh-skew}. A refresh runs under the account's {@code refresh_token} row lock
 * ({@code SELECT ... FOR UPDATE}), so that two nodes never spend the same refresh token (Microsoft rotates it: the
 * loser's would be dead), and under an in-process lock, so that two folders of one account do not queue on the
 * database; after the lock is acquired the stored token is read again, since the other holder may have refreshed it.
 * The new access token and the rotated refresh token are written in the same transaction. {@code invalid_grant} puts
 * the account in {@code relink_required} and every later call fails at once without asking the provider again.
 * No token is ever logged.
 */
@Component
public class OutlookAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(OutlookAccessTokens.class);

    private final AccountSecrets secrets;
    private final OutlookAccounts accounts;
    private final AccountStates states;
    private final TransactionTemplate transactions;
    private final OutlookProperties settings;
    private final OutlookTokenEndpoint endpoint;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The token endpoint could not give a token now (unreachable, or an error other than {@code invalid_grant}). */
    public static final class TokenRefreshFailedException extends RuntimeException {

        TokenRefreshFailedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    OutlookAccessTokens(AccountSecrets secrets, OutlookAccounts accounts, AccountStates states,
            TransactionTemplate transactions, OutlookProperties settings) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.states = states;
        this.transactions = transactions;
        this.settings = settings;
        this.endpoint = new OutlookTokenEndpoint(settings, clock);
    }

    /**
     * An access token valid for at least {@code refresh-skew}, refreshed first if needed.
     *
     * @throws RelinkRequiredException     the grant is dead; the account is (now) in {@code relink_required}
     * @throws TokenRefreshFailedException the provider could not be asked now; retry later
     */
    public String accessToken(long accountId) {
        Optional<StoredSecret> stored = secrets.get(accountId, SecretKind.ACCESS_TOKEN);
        if (stored.isPresent() && fresh(stored.get())) {
            return stored.get().value();
        }
        return refresh(accountId, current -> !fresh(current));
    }

    /**
     * A new access token after the server refused {@code rejected} (e.g. Exchange's {@code AccessTokenExpired}):
     * refreshed unless another caller already replaced the rejected token meanwhile.
     */
    public String afterRejection(long accountId, String rejected) {
        return refresh(accountId, current -> current.value().equals(rejected) || !fresh(current));
    }

    private boolean fresh(StoredSecret token) {
        return token.expiresAt() != null && token.expiresAt().isAfter(clock.instant().plus(settings.refreshSkew()));
    }

    private String refresh(long accountId, Predicate<StoredSecret> needed) {
        ReentrantLock lock = locks.computeIfAbsent(accountId, id -> new ReentrantLock());
        lock.lock();
        try {
            Outcome outcome = transactions.execute(status -> refreshLocked(accountId, needed));
            if (outcome == null) {
                throw new IllegalStateException("no refresh outcome");
            }
            if (outcome.relinkReason() != null) {
                throw new RelinkRequiredException(accountId, outcome.relinkReason());
            }
            if (outcome.invalidGrant() != null) {
                // After the transaction: the state must stick even though nothing else was written.
                states.record(accountId, AccountState.RELINK_REQUIRED, outcome.invalidGrant());
                log.warn("Outlook account {}: Microsoft no longer accepts its refresh token ({}); the account needs "
                        + "to be linked again and is not retried until then", accountId, outcome.invalidGrant());
                throw new RelinkRequiredException(accountId, outcome.invalidGrant());
            }
            return outcome.accessToken();
        } finally {
            lock.unlock();
        }
    }

    private Outcome refreshLocked(long accountId, Predicate<StoredSecret> needed) {
        OutlookAccounts.State state = accounts.state(accountId)
                .orElseThrow(() -> new AccountGoneException(accountId));
        if (state.state().equals(AccountState.RELINK_REQUIRED.columnValue())) {
            // Someone already got invalid_grant: asking again with the same dead token only adds to the storm.
            return Outcome.relink(state.lastError() == null ? "the account must be linked again" : state.lastError());
        }
        // Serializes refreshes of this account across nodes until commit.
        Optional<StoredSecret> refreshToken = secrets.getForUpdate(accountId, SecretKind.REFRESH_TOKEN);
        if (refreshToken.isEmpty()) {
            return Outcome.invalid("no refresh token is stored for this account");
        }
        Optional<StoredSecret> current = secrets.get(accountId, SecretKind.ACCESS_TOKEN);
        if (current.isPresent() && !needed.test(current.get())) {
            return Outcome.token(current.get().value());
        }
        Grant grant;
        try {
            grant = endpoint.refresh(refreshToken.get().value());
        } catch (InvalidGrantException e) {
            return Outcome.invalid(e.getMessage());
        } catch (TokenEndpointException e) {
            throw new TokenRefreshFailedException("could not refresh the access token of account " + accountId + ": "
                    + e.getMessage(), e);
        }
        secrets.put(accountId, SecretKind.ACCESS_TOKEN, grant.accessToken(), grant.accessTokenExpiresAt());
        if (grant.refreshToken() != null) {
            secrets.put(accountId, SecretKind.REFRESH_TOKEN, grant.refreshToken(), null);
        }
        log.debug("Outlook account {}: access token refreshed, valid until {}{}", accountId,
                grant.accessTokenExpiresAt(), grant.refreshToken() != null ? ", refresh token rotated" : "");
        return Outcome.token(grant.accessToken());
    }

    private record Outcome(@Nullable String accessToken, @Nullable String invalidGrant, @Nullable String relinkReason) {

        static Outcome token(String token) {
            return new Outcome(token, null, null);
        }

        static Outcome invalid(String description) {
            return new Outcome(null, description, null);
        }

        static Outcome relink(String reason) {
            return new Outcome(null, null, reason);
        }

        @Override
        public String toString() {
            return "Outcome[accessToken=" + (accessToken == null ? "(none)" : "******") + ", invalidGrant="
                    + invalidGrant + ", relinkReason=" + relinkReason + "]";
        }
    }
}
