package dev.coachkit.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
