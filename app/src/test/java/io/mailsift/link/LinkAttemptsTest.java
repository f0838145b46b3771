package io.mailsift.link;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Linking cannot be turned into password guessing or port scanning through this server. */
class LinkAttemptsTest {

    private Instant now = Instant.parse("2026-11-30T03:00:00Z");

    private final LinkAttempts attempts = new LinkAttempts(3, new Clock() {
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
    void shouldRefuseMoreAttemptsPerHourThanAllowedAndCountEachUserApart() throws Exception {
        attempts.count(1);
        attempts.count(1);
        attempts.count(1);

        assertThatThrownBy(() -> attempts.count(1)).isInstanceOf(MailboxLinks.TooManyAttemptsException.class)
                .hasMessageContaining("try again in 60 minute(s)");
        assertThatCode(() -> attempts.count(2)).doesNotThrowAnyException();

        now = now.plus(Duration.ofMinutes(61));
        assertThatCode(() -> attempts.count(1)).doesNotThrowAnyException();
    }
}
