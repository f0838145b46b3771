package io.mailsift.security;

import java.io.IOException;
import java.util.Optional;

import io.mailsift.user.PersonalAccessTokens;
import io.mailsift.user.PersonalAccessTokens.TokenOwner;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer msp_...} requests by personal access token, for this request only (no
 * session is created or used). A request that presents a bearer token is judged by that token alone: an unknown,
 * revoked or expired one is answered 401 at once, never let through to a session cookie sent alongside.
 */
final class PersonalAccessTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final PersonalAccessTokens tokens;

    PersonalAccessTokenFilter(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    /** Whether a request authenticates with a bearer token (and is therefore exempt from CSRF checks). */
    static boolean presentsBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presentsBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<TokenOwner> owner = tokens.authenticate(token);
        if (owner.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PersonalAccessTokenAuthentication(owner.get().userId(), owner.get().admin()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
