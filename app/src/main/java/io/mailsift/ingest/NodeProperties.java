package io.mailsift.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node among the app nodes sharing one database ({@code mailsift.node.*}); see {@code docs/adr/0003-mailbox-leases.md}.
 *
 * @param id            this node's name in the lease table (default: the host name and a random suffix, new at every
 *                      start); a stable id per host (a pod name, say) lets a restarted node take its own leases back
 *                      at once instead of after {@code lease-duration}. Two running nodes must never share one
 * @param renewInterval how often the node renews its leases, claims free ones and gives back its excess (default
 *                      10s); also the longest delay of a wake or unwatch asked on another node
 * @param leaseDuration how long a lease lasts after its last renewal (default 30s): the takeover delay after a crash.
 *                      At least twice {@code renew-interval}, so that one slow renewal loses nothing; a node that
 *                      cannot renew stops its watchers {@code lease-duration - renew-interval} after its last renewal
 */
@ConfigurationProperties("mailsift.node")
record NodeProperties(
        @Nullable String id,
        @DefaultValue("10s") Duration renewInterval,
        @DefaultValue("30s") Duration leaseDuration) {

    NodeProperties {
        if (id == null || id.isBlank()) {
            id = hostName() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        }
        if (!renewInterval.isPositive()) {
            throw new IllegalArgumentException("mailsift.node.renew-interval must be positive, was " + renewInterval);
        }
        if (leaseDuration.compareTo(renewInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("mailsift.node.lease-duration (" + leaseDuration
                    + ") must be at least twice mailsift.node.renew-interval (" + renewInterval
                    + "): a node stops its watchers lease-duration - renew-interval after its last renewal, so that "
                    + "no other node can take a mailbox over while it still watches it");
        }
    }

    /** How long after its last successful renewal a node stops its watchers: before any lease of it can expire. */
    Duration stopWatchersAfter() {
        return leaseDuration.minus(renewInterval);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
