package io.mailsift.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailboxes declared in configuration: {@code mailsift.accounts[N].{name,host,port,security,username,password,
 * folders,tls-trust}}. Empty by default.
 */
@ConfigurationProperties("mailsift")
public record AccountsProperties(@DefaultValue List<ConfiguredAccount> accounts) {

    private static final Logger log = LoggerFactory.getLogger(AccountsProperties.class);

    public AccountsProperties {
        accounts = List.copyOf(accounts);
        Set<String> names = new HashSet<>();
        for (ConfiguredAccount account : accounts) {
            if (!names.add(account.name())) {
                throw new IllegalArgumentException(
                        "mailsift.accounts[].name must be unique, '" + account.name() + "' is used twice");
            }
            if (account.tlsTrust().mode() == TlsTrust.Mode.INSECURE && account.security() != Security.NONE) {
                log.warn("Account '{}' accepts ANY server certificate (tls-trust: insecure): anyone on the path can "
                        + "read its mail and password. For tests and development only; use pem:<file> for a "
                        + "self-signed server", account.name());
            }
        }
    }
}
