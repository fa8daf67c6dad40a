package dev.coachkit.adapters.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIpTest {

    private final ClientIp behindProxies = new ClientIp(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void without_trusted_proxies_the_socket_peer_is_the_client_whatever_the_header_says() {
        ClientIp direct = new ClientIp(List.of());

        assertThat(resolve(direct, "203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void header_from_an_untrusted_peer_is_ignored() {
        assertThat(resolve(behindProxies, "203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void trusted_proxy_names_the_client_as_the_right_most_entry() {
        assertThat(resolve(behindProxies, "10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void entries_the_client_wrote_itself_are_not_believed() {
        assertThat(resolve(behindProxies, "10.1.2.3", "1.1.1.1, 198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void chain_of_trusted_proxies_is_skipped_across_several_headers() {
        assertThat(behindProxies.resolve("10.0.0.1", List.of("6.6.6.6, 198.51.100.1", "10.0.0.9")).getHostAddress())
                .isEqualTo("198.51.100.1");
    }

    @Test
    void ipv6_proxies_and_clients_are_understood() {
        assertThat(resolve(behindProxies, "fd12::1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolve(behindProxies, "10.0.0.1", "[2001:db8::7]:4711")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void bracketed_ipv6_peer_as_jetty_reports_it_is_understood() {
        ClientIp loopbackProxy = new ClientIp(List.of("::1/128"));

        assertThat(resolve(loopbackProxy, "[0:0:0:0:0:0:0:1]", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(resolve(behindProxies, "[fe80:0:0:0:0:0:0:1%eth0]", "203.0.113.7")).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @Test
    void unreadable_socket_peer_is_one_unknown_client() {
        assertThat(resolve(behindProxies, "/tmp/coachkit.sock", "203.0.113.7")).isEqualTo("0.0.0.0");
    }

    @Test
    void unreadable_entry_stops_at_the_last_trusted_hop() {
        assertThat(resolve(behindProxies, "10.0.0.1", "evil.example.com")).isEqualTo("10.0.0.1");
        assertThat(resolve(behindProxies, "10.0.0.1", "999.1.1.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void all_trusted_hops_resolve_to_the_left_most_one() {
        assertThat(resolve(behindProxies, "10.0.0.1", "10.0.0.2, 10.0.0.3")).isEqualTo("10.0.0.2");
    }

    @Test
    void missing_header_from_a_trusted_proxy_leaves_the_proxy() {
        assertThat(behindProxies.resolve("10.0.0.1", List.of()).getHostAddress()).isEqualTo("10.0.0.1");
    }

    @Test
    void cidr_blocks_match_by_prefix() {
        assertThat(IpRange.parse("192.168.0.0/16").contains("192.168.255.1")).isTrue();
        assertThat(IpRange.parse("192.168.0.0/16").contains("192.169.0.1")).isFalse();
        assertThat(IpRange.parse("10.1.2.3").contains("10.1.2.3")).isTrue();
        assertThat(IpRange.parse("10.1.2.3").contains("10.1.2.4")).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
        assertThat(IpRange.parse("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(IpRange.parse("2001:db8::/32").contains("2001:db9::1")).isFalse();
        assertThat(IpRange.parse("10.0.0.0/8").contains("::1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "localhost", "10.0.0/8", "256.0.0.0/8"})
    void malformed_cidr_is_rejected(String cidr) {
        assertThatThrownBy(() -> IpRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void host_names_are_never_resolved() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("010.0.0.1")).isEmpty();
    }

    @Test
    void ipv6_clients_share_a_limit_per_64_block() throws Exception {
        assertThat(IpAddresses.limitKey(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(IpAddresses.limitKey(InetAddress.getByName("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddresses.limitKey(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    private static String resolve(ClientIp clientIp, String peer, String forwardedFor) {
        return clientIp.resolve(peer, List.of(forwardedFor)).getHostAddress();
    }
}
