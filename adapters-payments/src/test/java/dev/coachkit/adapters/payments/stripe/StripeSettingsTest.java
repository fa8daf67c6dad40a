package dev.coachkit.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripeSettingsTest {

    @Test
    void the_tolerance_defaults_to_five_minutes() {
        assertThat(new StripeSettings("sk_test_1", "whsec_1", Optional.empty()).tolerance())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void printing_the_settings_shows_neither_secret() {
        String printed = new StripeSettings("sk_live_secretkey", "whsec_signingsecret",
                Optional.of(URI.create("http://127.0.0.1:12111"))).toString();

        assertThat(printed).doesNotContain("sk_live_secretkey").doesNotContain("whsec_signingsecret")
                .contains("http://127.0.0.1:12111");
    }

    @Test
    void a_missing_secret_names_the_variable_to_set() {
        assertThatThrownBy(() -> new StripeSettings(" ", "whsec_1", Optional.empty()))
                .hasMessageContaining("COACHKIT_STRIPE_SECRET_KEY");
        assertThatThrownBy(() -> new StripeSettings("sk_test_1", "", Optional.empty()))
                .hasMessageContaining("COACHKIT_STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void the_api_base_must_be_an_http_url() {
        assertThatThrownBy(() -> new StripeSettings("sk_test_1", "whsec_1",
                Optional.of(URI.create("ftp://127.0.0.1:12111"))))
                .hasMessageContaining("COACHKIT_STRIPE_API_BASE");
        assertThatThrownBy(() -> new StripeSettings("sk_test_1", "whsec_1",
                Optional.of(URI.create("https://stripe.test/?x=1"))))
                .hasMessageContaining("COACHKIT_STRIPE_API_BASE");
    }

    @Test
    void the_tolerance_is_a_positive_number_of_seconds() {
        assertThatThrownBy(() -> new StripeSettings("sk_test_1", "whsec_1", Optional.empty(), Duration.ZERO))
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new StripeSettings("sk_test_1", "whsec_1", Optional.empty(), Duration.ofMillis(1500)))
                .hasMessageContaining("tolerance");
    }
}
