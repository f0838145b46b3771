package io.mailsift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/** Password guessing is slowed per user name, for a window after the last wrong password. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void shouldBlockAfterTooManyWrongPasswordsUntilTheWindowPassed() {
        wrongPasswords("Alice", SignInThrottle.MAX_FAILURES - 1);
        assertThat(throttle.blocked("alice")).isFalse();

        wrongPasswords("alice", 1);
        assertThat(throttle.blocked(" ALICE ")).as("names compare as the user would type them").isTrue();
        assertThat(throttle.blocked("bob")).isFalse();

        now = now.plus(SignInThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.blocked("alice")).isFalse();
        wrongPasswords("alice", 1);
        assertThat(throttle.blocked("alice")).as("counting starts over after the window").isFalse();
    }

    @Test
    void shouldForgetFailuresAfterASuccessfulSignIn() {
        wrongPasswords("carol", SignInThrottle.MAX_FAILURES - 1);

        throttle.onSignIn(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated("carol",
                null, java.util.List.of())));
        wrongPasswords("carol", 1);

        assertThat(throttle.blocked("carol")).isFalse();
    }

    private void wrongPasswords(String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.onBadPassword(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong"),
                    new BadCredentialsException("wrong")));
        }
    }
}
