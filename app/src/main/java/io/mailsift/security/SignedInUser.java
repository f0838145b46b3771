package io.mailsift.security;

/**
 * The principal of every authenticated request, however the user signed in (password, Microsoft, personal access
 * token): it names the {@code users.id} that every query of user data is scoped by.
 */
public interface SignedInUser {

    /** The user's {@code users.id}. */
    long userId();
}
