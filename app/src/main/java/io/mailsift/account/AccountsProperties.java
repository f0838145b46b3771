package io.mailsift.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailboxes declared in configuration: {@code mailsift.accounts[N].{name,host,port,security,username,password,
 * folders}}. Empty by default.
 */
@ConfigurationProperties("mailsift")
public record AccountsProperties(@DefaultValue List<ConfiguredAccount> accounts) {

    public AccountsProperties {
        accounts = List.copyOf(accounts);
        Set<String> names = new HashSet<>();
        for (ConfiguredAccount account : accounts) {
            if (!names.add(account.name())) {
                throw new IllegalArgumentException(
                        "mailsift.accounts[].name must be unique, '" + account.name() + "' is used twice");
            }
        }
    }
}
