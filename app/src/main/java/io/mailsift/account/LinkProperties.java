package io.mailsift.account;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users may link mailboxes ({@code mailsift.link.*}).
 *
 * @param allowedPrivateNetworks addresses a user-supplied IMAP host may resolve to although they are not public
 *                               (loopback, private, link-local, CGNAT, ULA...): a list of CIDR blocks such as
 *                               {@code 10.20.0.0/16, 127.0.0.0/8}, or {@code true} to allow every such address.
 *                               Default: none, so a user cannot make Mailsift connect into the operator's network
 * @param loginTimeout           time budget of each step (connect, TLS, greeting, login) of the test login that runs
 *                               before a mailbox is saved (default 15s)
 */
@ConfigurationProperties("mailsift.link")
public record LinkProperties(
        @DefaultValue List<String> allowedPrivateNetworks,
        @DefaultValue("15s") Duration loginTimeout) {

    public LinkProperties {
        allowedPrivateNetworks = List.copyOf(allowedPrivateNetworks);
        if (!loginTimeout.isPositive()) {
            throw new IllegalArgumentException("mailsift.link.login-timeout must be positive, was " + loginTimeout);
        }
        // Parsed here so that a typo stops the start instead of silently refusing (or allowing) hosts later.
        ImapHostGuard.parse(allowedPrivateNetworks);
    }
}
