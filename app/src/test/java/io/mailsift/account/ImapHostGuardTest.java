package io.mailsift.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF check on user-supplied IMAP hosts. Only address literals and localhost: no DNS needed. */
class ImapHostGuardTest {

    private static ImapHostGuard guard(String... allowed) {
        return new ImapHostGuard(new LinkProperties(List.of(allowed), Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "0.0.0.0", "10.1.2.3", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.169.254", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "64:ff9b::a00:1"})
    void shouldRefuseHostsInsidePrivateOrReservedNetworks(String host) {
        assertThatThrownBy(() -> guard().check(host))
                .isInstanceOf(ImapHostGuard.HostRefusedException.class)
                .hasMessageContaining("private or reserved network")
                .hasMessageContaining("mailsift.link.allowed-private-networks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "52.97.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void shouldAcceptPublicAddresses(String host) throws Exception {
        assertThat(guard().check(host)).isEqualTo(InetAddress.getByName(host));
    }

    @Test
    void shouldAcceptPrivateNetworksTheOperatorAllows() throws Exception {
        ImapHostGuard guard = guard("127.0.0.0/8", "10.20.0.0/16");

        assertThat(guard.check("127.0.0.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(guard.check("10.20.3.4").getHostAddress()).isEqualTo("10.20.3.4");
        assertThatThrownBy(() -> guard.check("10.21.0.1")).isInstanceOf(ImapHostGuard.HostRefusedException.class);
    }

    @Test
    void shouldAcceptEveryAddressWhenTheOperatorSaysTrue() throws Exception {
        assertThat(guard("true").check("192.168.0.1").getHostAddress()).isEqualTo("192.168.0.1");
        assertThatThrownBy(() -> guard("false").check("192.168.0.1"))
                .isInstanceOf(ImapHostGuard.HostRefusedException.class);
    }

    @Test
    void shouldSayWhenAHostDoesNotResolve() {
        assertThatThrownBy(() -> guard().check("no-such-host.invalid"))
                .isInstanceOfSatisfying(ImapHostGuard.HostRefusedException.class,
                        e -> assertThat(e.unknownHost()).isTrue())
                .hasMessageContaining("Unknown host");
    }

    @Test
    void shouldStopTheStartOnAMistypedNetwork() {
        assertThatThrownBy(() -> guard("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mailsift.link.allowed-private-networks");
        assertThatThrownBy(() -> guard("intranet.example/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
