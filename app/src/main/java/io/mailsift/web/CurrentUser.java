package io.mailsift.web;

import io.mailsift.account.ConfiguredAccounts;
import org.springframework.stereotype.Component;

/**
 * Who a request acts for. Before sign-in exists (see the users issue) that is the node's single local user, the owner
 * of every configured account; resolved once, not on every request.
 */
@Component
class CurrentUser {

    private final ConfiguredAccounts accounts;
    private volatile long userId = -1;

    CurrentUser(ConfiguredAccounts accounts) {
        this.accounts = accounts;
    }

    long id() {
        long id = userId;
        if (id < 0) {
            id = accounts.localUserId();
            userId = id;
        }
        return id;
    }
}
