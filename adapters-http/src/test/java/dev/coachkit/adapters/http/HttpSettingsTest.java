package dev.coachkit.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.identity.RateLimit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void defaults_are_sane_for_a_server() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.maxRequestBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.maxJsonNestingDepth()).isEqualTo(64);
        assertThat(defaults.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.publicUrl()).isEqualTo("/");
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.rateLimits().perClientIp()).isEqualTo(new RateLimit(300, Duration.ofMinutes(1)));
        assertThat(defaults.rateLimits().perClientIpOnAuth()).isEqualTo(new RateLimit(20, Duration.ofMinutes(1)));
        assertThat(defaults.rateLimits().perAccount()).isEqualTo(new RateLimit(600, Duration.ofMinutes(1)));
        assertThat(defaults.rateLimits().perTenant()).isEqualTo(new RateLimit(3000, Duration.ofMinutes(1)));
    }

    @Test
    void trusted_proxies_take_ipv4_and_ipv6_blocks() {
        HttpSettings settings = HttpSettings.defaults().withTrustedProxies(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.1"));

        assertThat(settings.trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8", "192.0.2.1");
        assertThat(settings.withPort(1).trustedProxies()).isEqualTo(settings.trustedProxies());
    }

    @Test
    void malformed_trusted_proxy_stops_the_configuration() {
        assertThatThrownBy(() -> HttpSettings.defaults().withTrustedProxies(List.of("10.0.0.0/40")))
                .hasMessageContaining("10.0.0.0/40");
        assertThatThrownBy(() -> HttpSettings.defaults().withTrustedProxies(List.of("proxy.internal")))
                .hasMessageContaining("proxy.internal");
    }

    @Test
    void cors_origins_are_kept_as_browsers_send_them_and_a_malformed_one_stops_the_configuration() {
        HttpSettings settings = HttpSettings.defaults()
                .withCorsAllowedOrigins(List.of("https://App.example.com:443", "https://app.example.com", "http://localhost:5173"));

        assertThat(HttpSettings.defaults().corsAllowedOrigins()).isEmpty();
        assertThat(settings.corsAllowedOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
        assertThat(settings.withPort(1).corsAllowedOrigins()).isEqualTo(settings.corsAllowedOrigins());
        assertThatThrownBy(() -> HttpSettings.defaults().withCorsAllowedOrigins(List.of("https://app.example.com/")))
                .hasMessageContaining("scheme://host[:port]");
    }

    @Test
    void withers_change_one_setting_only() {
        HttpSettings changed = HttpSettings.defaults().withPort(0).withMaxRequestBodyBytes(10);

        assertThat(changed.port()).isZero();
        assertThat(changed.maxRequestBodyBytes()).isEqualTo(10);
        assertThat(changed.host()).isEqualTo(HttpSettings.defaults().host());
    }

    @Test
    void impossible_values_are_rejected() {
        assertThatThrownBy(() -> HttpSettings.defaults().withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> HttpSettings.defaults().withMaxRequestBodyBytes(0)).hasMessageContaining("maxRequestBodyBytes");
        assertThatThrownBy(() -> HttpSettings.defaults().withStopTimeout(Duration.ofSeconds(-1))).hasMessageContaining("stopTimeout");
    }
}
