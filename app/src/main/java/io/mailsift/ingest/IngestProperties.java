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
 * @param batchSize        messages fetched per round trip while catching up (default 50)
 * @param maxMessageSize   larger messages are skipped and recorded as {@code oversized} (default 25MB)
 * @param connectorTimeout time budget of one connector on one message (default 10s)
 * @param backoffInitial   first wait after a failure (default 1s); doubles per failure
 * @param backoffMax       the longest wait between attempts (default 5m)
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
        @DefaultValue("50") int batchSize,
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("10s") Duration connectorTimeout,
        @DefaultValue("1s") Duration backoffInitial,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("false") boolean protocolLog) {

    IngestProperties {
        if (readTimeout.compareTo(idleInterval) <= 0) {
            throw new IllegalArgumentException("mailsift.ingest.read-timeout (" + readTimeout
                    + ") must be longer than mailsift.ingest.idle-interval (" + idleInterval
                    + "): the connection is silent while idling");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("mailsift.ingest.batch-size must be at least 1, was " + batchSize);
        }
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException(
                    "mailsift.ingest.backoff-initial must be positive and at most mailsift.ingest.backoff-max");
        }
    }
}
