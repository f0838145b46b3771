package io.mailsift.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Refuses user-supplied IMAP hosts that resolve into networks a user must not reach through Mailsift (server-side
 * request forgery): loopback, unspecified, link-local, private (RFC 1918), CGNAT, unique-local, multicast and reserved
 * addresses, unless the operator allows them ({@code mailsift.link.allowed-private-networks}).
 *
 * <p>Every address the name resolves to is checked, and one refused address refuses the host: a name with one public
 * and one private address would otherwise reach the private one whenever the client picks it. The caller connects to
 * the returned, checked address (not to the name again), so that a DNS answer changed between check and connect
 * (DNS rebinding) is never used; see {@code ImapSessions}.
 */
@Component
public class ImapHostGuard {

    /** Why a host was refused, in words for the user. */
    public static class HostRefusedException extends Exception {

        private final boolean unknownHost;

        HostRefusedException(String message, boolean unknownHost) {
            super(message);
            this.unknownHost = unknownHost;
        }

        /** Whether the name did not resolve at all (rather than resolving somewhere forbidden). */
        public boolean unknownHost() {
            return unknownHost;
        }
    }

    /** Addresses no user-linked mailbox may use, beyond what {@link InetAddress}'s own predicates cover. */
    private static final List<Cidr> NOT_PUBLIC = List.of(
            Cidr.of("0.0.0.0/8"),          // "this network"
            Cidr.of("10.0.0.0/8"),         // RFC 1918
            Cidr.of("100.64.0.0/10"),      // carrier-grade NAT (RFC 6598)
            Cidr.of("127.0.0.0/8"),        // loopback
            Cidr.of("169.254.0.0/16"),     // link-local, cloud metadata services
            Cidr.of("172.16.0.0/12"),      // RFC 1918
            Cidr.of("192.0.0.0/24"),       // IETF protocol assignments
            Cidr.of("192.168.0.0/16"),     // RFC 1918
            Cidr.of("198.18.0.0/15"),      // benchmarking
            Cidr.of("224.0.0.0/4"),        // multicast
            Cidr.of("240.0.0.0/4"),        // reserved, broadcast
            Cidr.of("::/128"),             // unspecified
            Cidr.of("::1/128"),            // loopback
            Cidr.of("64:ff9b::/96"),       // NAT64: would reach any IPv4 address, private ones included
            Cidr.of("fc00::/7"),           // unique local
            Cidr.of("fe80::/10"),          // link-local
            Cidr.of("fec0::/10"),          // site-local (deprecated)
            Cidr.of("ff00::/8"));          // multicast

    private final Allowed allowed;

    ImapHostGuard(LinkProperties properties) {
        this.allowed = parse(properties.allowedPrivateNetworks());
    }

    /**
     * Resolves the host and returns the address to connect to, every address of the name having been checked.
     *
     * @throws HostRefusedException when the name does not resolve, or resolves (also) to a refused address
     */
    public InetAddress check(String host) throws HostRefusedException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new HostRefusedException("Unknown host: " + host + " does not resolve to any address", true);
        }
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                throw new HostRefusedException(host + " resolves to " + address.getHostAddress()
                        + ", an address inside a private or reserved network; this server does not connect there "
                        + "for linked mailboxes (the operator can allow it with "
                        + "mailsift.link.allowed-private-networks)", false);
            }
        }
        return addresses[0];
    }

    /** Whether a user-linked mailbox may connect to this address. */
    boolean allowed(InetAddress address) {
        if (allowed.all()) {
            return true;
        }
        boolean notPublic = address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(cidr -> cidr.contains(address));
        return !notPublic || allowed.networks().stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** The operator's exceptions: everything ({@code true}), or these networks. */
    record Allowed(boolean all, List<Cidr> networks) {
    }

    static Allowed parse(List<String> values) {
        List<String> entries = values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
        if (entries.size() == 1 && entries.getFirst().equalsIgnoreCase("true")) {
            return new Allowed(true, List.of());
        }
        if (entries.size() == 1 && entries.getFirst().equalsIgnoreCase("false")) {
            return new Allowed(false, List.of());
        }
        List<Cidr> networks = new ArrayList<>();
        for (String entry : entries) {
            try {
                networks.add(Cidr.of(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mailsift.link.allowed-private-networks: '" + entry
                        + "' is not a CIDR block such as 10.0.0.0/8 or fd00::/8 (or use true / false alone)", e);
            }
        }
        return new Allowed(false, List.copyOf(networks));
    }

    /** An address block: a network address and a prefix length. */
    record Cidr(byte[] network, int prefix) {

        static Cidr of(String text) {
            String[] parts = text.strip().split("/", -1);
            if (parts.length != 2 || !looksLikeAddress(parts[0])) {
                throw new IllegalArgumentException("not a CIDR block: " + text);
            }
            byte[] network;
            try {
                network = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a CIDR block: " + text, e);
            }
            int prefix;
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + text, e);
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new Cidr(network, prefix);
        }

        // Only literals: InetAddress.getByName would otherwise look a host name up in DNS.
        private static boolean looksLikeAddress(String text) {
            return !text.isEmpty() && text.toLowerCase(Locale.ROOT).chars()
                    .allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || (c >= 'a' && c <= 'f'));
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                return Arrays.toString(network) + "/" + prefix;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Cidr cidr && cidr.prefix == prefix && Arrays.equals(cidr.network, network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }
    }
}
