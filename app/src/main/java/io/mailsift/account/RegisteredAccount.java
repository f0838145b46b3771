package io.mailsift.account;

/**
 * A configured account as stored in {@code mail_accounts}.
 *
 * @param id       the row id, which findings, checkpoints and errors refer to
 * @param userId   the owning user
 * @param settings the configuration it was registered from (holds the password in memory)
 */
public record RegisteredAccount(long id, long userId, ConfiguredAccount settings) {

    public String name() {
        return settings.name();
    }
}
