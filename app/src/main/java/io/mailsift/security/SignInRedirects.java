package io.mailsift.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import io.mailsift.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After sign-in, back to the page that asked for it — but only as a path on this site. The target is reduced to its
 * path and query and must start with a single {@code /}, so no stored or crafted URL (another host, {@code //host},
 * {@code /\host}, {@code javascript:}) can turn sign-in into an open redirect.
 */
final class SignInRedirects implements AuthenticationSuccessHandler {

    static final String HOME = "/";

    private final RequestCache requestCache;
    private final Users users;

    SignInRedirects(RequestCache requestCache, Users users) {
        this.requestCache = requestCache;
        this.users = users;
    }

    /** Where the page asked for before sign-in is remembered: the session, without a marker parameter. */
    static RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            users.recordSignIn(user.userId());
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        response.sendRedirect(sameSiteTarget(saved == null ? null : saved.getRedirectUrl()));
    }

    /** The path and query of {@code url} when it is a safe target on this site, else {@value #HOME}. */
    static String sameSiteTarget(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return HOME;
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                    || path.startsWith("/api/") || path.startsWith("/actuator")) {
                return HOME;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return HOME;
        }
    }
}
