package io.mailsift.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authorities a user has: every user is a user; admins also see the node's internals (actuator). */
final class Roles {

    static final String ADMIN = "ADMIN";

    private static final List<GrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));
    private static final List<GrantedAuthority> USER_AND_ADMIN = List.of(new SimpleGrantedAuthority("ROLE_USER"),
            new SimpleGrantedAuthority("ROLE_" + ADMIN));

    private Roles() {
    }

    static List<GrantedAuthority> of(boolean admin) {
        return admin ? USER_AND_ADMIN : USER;
    }
}
