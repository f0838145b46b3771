package io.mailsift.account;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records what each account's watcher is doing, so that the user sees a stuck or failing mailbox. */
@Component
public class AccountStates {

    private final JdbcClient jdbc;

    AccountStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the state of an account; {@code lastError} is kept when {@code null} is given for a healthy state, so the
     * last failure stays visible after recovery. An error also sets {@code last_error_at}; a healthy state
     * ({@code idle}, {@code polling}) sets {@code last_success_at}.
     */
    public void record(long accountId, AccountState state, @Nullable String lastError) {
        jdbc.sql("""
                UPDATE mail_accounts SET state = :state, last_error = COALESCE(CAST(:error AS text), last_error),
                    last_error_at = CASE WHEN CAST(:error AS text) IS NULL THEN last_error_at ELSE now() END,
                    last_success_at = CASE WHEN :healthy THEN now() ELSE last_success_at END,
                    state_changed_at = CASE WHEN state = :state THEN state_changed_at ELSE now() END
                WHERE id = :id""")
                .param("state", state.columnValue())
                .param("error", lastError)
                .param("healthy", state.healthy())
                .param("id", accountId)
                .update();
    }
}
