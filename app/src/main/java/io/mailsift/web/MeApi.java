package io.mailsift.web;

import io.mailsift.user.UserAccount;
import io.mailsift.user.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, for the page's header. */
@RestController
class MeApi {

    private final Users users;
    private final CurrentUser currentUser;

    MeApi(Users users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    record Me(long id, String username, @Nullable String displayName, boolean admin) {
    }

    @GetMapping("/api/me")
    Me me() {
        UserAccount user = users.findById(currentUser.id()).orElseThrow();
        return new Me(user.id(), user.username(), user.displayName(), user.admin());
    }
}
