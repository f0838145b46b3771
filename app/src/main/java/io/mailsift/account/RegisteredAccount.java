package io.mailsift.account;

/**
 * A mailbox as stored in {@code mail_accounts}, with what is needed to watch it.
 *
 * @param id         the row id, which findings, checkpoints and errors refer to
 * @param userId     the owning user
 * @param settings   where and how to connect: from configuration for configured accounts (holding the password in
 *                   memory), from the row for user-linked ones (no password: those come from
 *                   {@link LoginCredentials} on every login)
 * @param userLinked whether a user linked it (source {@code user}): its host is then untrusted input, checked by
 *                   {@link ImapHostGuard} on every connect
 */
public record RegisteredAccount(long id, long userId, ConfiguredAccount settings, boolean userLinked) {

    /** A configured account. */
    public RegisteredAccount(long id, long userId, ConfiguredAccount settings) {
        this(id, userId, settings, false);
    }

    public String name() {
        return settings.name();
    }
}
