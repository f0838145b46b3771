package io.mailsift.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How mailboxes are watched ({@code mailsift.ingest.*}).
 *
 * @param idleInterval     how long one IMAP IDLE lasts before it is re-issued (default 5m); servers drop an IDLE after
 *                         29 minutes at the latest, and NAT boxes often much sooner
 * @param connectTimeout   socket connect timeout (default 30s)
 * @param readTimeout      socket read timeout (default 6m); must exceed {@code idle-interval}, since the socket is
 *                         silent during an IDLE
 * @param writeTimeout     socket write timeout (default 30s)
 * @param batchSize        messages fetched per round trip while catching up (default 200)
 * @param maxMessageSize   larger messages are skipped and recorded as {@code oversized} (default 25MB)
 * @param connectorTimeout time budget of one connector on one message (default 10s)
 * @param backoffInitial   ceiling of the first wait after a failure (default 1s); the ceiling doubles per failure,
 *                         and each wait is drawn at random below it (full jitter)
 * @param backoffMax       the cap of that ceiling (default 5m)
 * @param stableAfter      a connection must stay up this long before the backoff starts again from
 *                         {@code backoff-initial} (default 1m): a server that drops every session at once still
 *                         sees fewer and fewer attempts
 * @param authRetryInterval wait after the server refused the login (default 15m): a wrong password is not fixed by
 *                         retrying, and providers lock accounts that keep failing
 * @param backfillDays     on first link of a folder (or after its UIDVALIDITY changed) only messages that arrived in
 *                         the last this many days are processed (default 365); {@code 0} means the whole folder
 * @param useIdle          wait for new mail with IMAP IDLE where the server offers it (default true); {@code false}
 *                         always polls
 * @param pollInterval     how often a folder is checked for new mail when IDLE is not used (default 1m)
 * @param progressLogInterval how often backfill progress is logged per folder (default 10s)
 * @param maxConcurrentLogins IMAP logins in flight at once across all watchers (default 10): at start, and when a
 *                         network outage ends, the watchers log in in waves instead of all at once (providers throttle
 *                         login storms)
 * @param protocolLog      log every IMAP command and response at INFO under {@code io.mailsift.ingest.imap-protocol}
 *                         (default false), message contents included, so for troubleshooting only; logins are
 *                         never logged
 */
@ConfigurationProperties("mailsift.ingest")
record IngestProperties(
        @DefaultValue("5m") Duration idleInterval,
        @DefaultValue("30s") Duration connectTimeout,
        @DefaultValue("6m") Duration readTimeout,
        @DefaultValue("30s") Duration writeTimeout,
        @DefaultValue("200") int batchSize,
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("10s") Duration connectorTimeout,
        @DefaultValue("1s") Duration backoffInitial,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("1m") Duration stableAfter,
        @DefaultValue("15m") Duration authRetryInterval,
        @DefaultValue("365") int backfillDays,
        @DefaultValue("true") boolean useIdle,
        @DefaultValue("1m") Duration pollInterval,
        @DefaultValue("10s") Duration progressLogInterval,
        @DefaultValue("false") boolean protocolLog,
        @DefaultValue("10") int maxConcurrentLogins) {

    IngestProperties {
        if (readTimeout.compareTo(idleInterval) <= 0) {
            throw new IllegalArgumentException("mailsift.ingest.read-timeout (" + readTimeout
                    + ") must be longer than mailsift.ingest.idle-interval (" + idleInterval
                    + "): the connection is silent while idling");
        }
        if (idleInterval.compareTo(Duration.ofMinutes(29)) >= 0 || !idleInterval.isPositive()) {
            throw new IllegalArgumentException("mailsift.ingest.idle-interval must be positive and under 29 minutes "
                    + "(RFC 2177: servers may end an IDLE after 30), was " + idleInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("mailsift.ingest.batch-size must be at least 1, was " + batchSize);
        }
        if (maxConcurrentLogins < 1) {
            throw new IllegalArgumentException(
                    "mailsift.ingest.max-concurrent-logins must be at least 1, was " + maxConcurrentLogins);
        }
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException(
                    "mailsift.ingest.backoff-initial must be positive and at most mailsift.ingest.backoff-max");
        }
        if (backfillDays < 0) {
            throw new IllegalArgumentException(
                    "mailsift.ingest.backfill-days must be 0 (the whole folder) or more, was " + backfillDays);
        }
        if (!pollInterval.isPositive() || !authRetryInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "mailsift.ingest.poll-interval and mailsift.ingest.auth-retry-interval must be positive");
        }
    }
}
