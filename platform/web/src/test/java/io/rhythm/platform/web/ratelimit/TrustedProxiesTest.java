package io.rhythm.platform.web.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "127.0.0.1", "::1/128", " "));

    @Test
    void blocksMatchByPrefix() {
        assertThat(proxies.trusts("10.1.2.3")).isTrue();
        assertThat(proxies.trusts("11.1.2.3")).isFalse();
        assertThat(proxies.trusts("127.0.0.1")).isTrue();
        assertThat(proxies.trusts("127.0.0.2")).isFalse();
        assertThat(proxies.trusts("::1")).isTrue();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("::2")).isFalse();
        assertThat(proxies.trusts("example.org")).isFalse();
        assertThat(proxies.trusts("999.1.1.1")).isFalse();
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(proxies.clientAddress("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.none().clientAddress("127.0.0.1", List.of("1.2.3.4"))).isEqualTo("127.0.0.1");
    }

    @Test
    void forwardedForIsWalkedFromTheRightWhileTheHopIsTrusted() {
        // client 198.51.100.7 → edge 10.0.0.5 → gateway (peer 10.0.0.6)
        assertThat(proxies.clientAddress("10.0.0.6", List.of("198.51.100.7, 10.0.0.5"))).isEqualTo("198.51.100.7");
        // a client forging a first entry does not get it believed: the nearest untrusted hop wins
        assertThat(proxies.clientAddress("10.0.0.6", List.of("1.1.1.1, 198.51.100.7", "10.0.0.5"))).isEqualTo("198.51.100.7");
        // only trusted hops: the leftmost one
        assertThat(proxies.clientAddress("127.0.0.1", List.of("10.0.0.5"))).isEqualTo("10.0.0.5");
        // garbage stops the walk at the last trusted proxy
        assertThat(proxies.clientAddress("127.0.0.1", List.of("not-an-address"))).isEqualTo("127.0.0.1");
        assertThat(proxies.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void aBadBlockIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.local"))).isInstanceOf(IllegalArgumentException.class);
    }
}
