package io.mailsift.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.mailsift.user.PersonalAccessTokens;
import io.mailsift.user.PersonalAccessTokens.IssuedToken;
import io.mailsift.user.PersonalAccessTokens.TokenSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user's personal access tokens: create (the secret is in this one answer only), list, revoke. Needs a session:
 * a token cannot manage tokens.
 */
@RestController
@RequestMapping("/api/tokens")
class TokensApi {

    static final int MAX_DAYS = 3650;

    private final PersonalAccessTokens tokens;
    private final CurrentUser currentUser;

    TokensApi(PersonalAccessTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    /** What the user asks for: a name to recognise the token by, and optionally its lifetime in days. */
    record NewToken(@Nullable String name, @Nullable Integer expiresInDays) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken create(@RequestBody NewToken request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the token a name of 1 to 100 characters");
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "expiresInDays must be between 1 and " + MAX_DAYS);
        }
        Instant expiresAt = days == null ? null : Instant.now().plus(Duration.ofDays(days));
        return tokens.issue(currentUser.id(), request.name(), expiresAt);
    }

    @GetMapping
    List<TokenSummary> list() {
        return tokens.list(currentUser.id());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        if (!tokens.revoke(currentUser.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such token");
        }
    }
}
