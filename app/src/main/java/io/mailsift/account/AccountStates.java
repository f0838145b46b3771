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
     * last failure stays visible after recovery.
     */
    public void record(long accountId, AccountState state, @Nullable String lastError) {
        jdbc.sql("""
                UPDATE mail_accounts SET state = :state, last_error = COALESCE(CAST(:error AS text), last_error),
                    state_changed_at = now()
                WHERE id = :id""")
                .param("state", state.columnValue())
                .param("error", lastError)
                .param("id", accountId)
                .update();
    }
}
