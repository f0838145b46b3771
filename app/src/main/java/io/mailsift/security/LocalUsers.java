package io.mailsift.security;

import io.mailsift.user.Users;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Password sign-in looks users up here; a user without a local password cannot sign in with one. */
@Component
class LocalUsers implements UserDetailsService {

    private final Users users;
    private final SignInThrottle throttle;

    LocalUsers(Users users, SignInThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // A throttled user comes back locked: refused before the password is checked, with the same answer.
        boolean locked = throttle.blocked(username);
        return users.findByUsername(username)
                .filter(user -> user.passwordHash() != null)
                .map(user -> new LocalUser(user.id(), user.username(), user.passwordHash(), user.admin(),
                        !user.disabled(), locked))
                .orElseThrow(() -> new UsernameNotFoundException("no local user of that name"));
    }
}
