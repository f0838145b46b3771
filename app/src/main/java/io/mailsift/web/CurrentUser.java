package io.mailsift.web;

import io.mailsift.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who a request acts for: the signed-in user of the security context, however they signed in (session or personal
 * access token). The one way web code learns the user id that every query of user data is scoped by.
 */
@Component
public class CurrentUser {

    /** The signed-in user's {@code users.id}; fails (403) when the request has none, which the filter chain prevents. */
    public long id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return user.userId();
        }
        throw new AccessDeniedException("no signed-in user");
    }

    /** Whether the signed-in user is an administrator ({@code users.is_admin}). */
    public boolean admin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }
}
