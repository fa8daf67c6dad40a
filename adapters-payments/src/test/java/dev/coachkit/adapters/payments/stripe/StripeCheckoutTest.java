package dev.coachkit.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.payments.testing.StripeTestServer;
import dev.coachkit.adapters.payments.testing.StripeTestServer.RecordedRequest;
import dev.coachkit.adapters.payments.testing.StripeWebhooks;
import dev.coachkit.application.payments.port.out.PaymentProvider.CheckoutRequest;
import dev.coachkit.application.payments.port.out.PaymentProvider.CheckoutSession;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.shared.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeCheckoutTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("7a1c0e52-4a3b-4c1e-9d55-0f5a3c2b1a10"));
    private static final UUID ORDER = UUID.fromString("0b6f3c1e-8d2a-4f6b-a1c9-5e7d3b2a4c60");

    private final StripeTestServer stripe = StripeTestServer.start();
    private final StripePaymentProvider provider = new StripePaymentProvider(
            new StripeSettings(StripeTestServer.SECRET_KEY, StripeWebhooks.SECRET, Optional.of(stripe.apiBase())),
            Clock.systemUTC());

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    @Test
    void the_checkout_session_charges_the_amount_for_the_order_and_returns_its_page() {
        CheckoutSession opened = provider.openCheckout(request(Money.of(2500, "EUR"), Optional.of("ada@example.com"),
                Optional.empty()));

        StripeTestServer.CheckoutSession created = stripe.checkoutSessions().get(0);
        assertThat(opened).isEqualTo(new CheckoutSession(created.url(), created.id()));
        assertThat(opened.reference()).startsWith("cs_test_");
        RecordedRequest sent = stripe.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.apiKey()).contains(StripeTestServer.SECRET_KEY);
        assertThat(sent.field("mode")).isEqualTo("payment");
        assertThat(sent.field("line_items[0][price_data][currency]")).isEqualTo("eur");
        assertThat(sent.field("line_items[0][price_data][unit_amount]")).isEqualTo("2500");
        assertThat(sent.field("line_items[0][price_data][product_data][name]")).isEqualTo("Ten sessions");
        assertThat(sent.field("line_items[0][quantity]")).isEqualTo("1");
        assertThat(sent.field("client_reference_id")).isEqualTo(ORDER.toString());
        assertThat(sent.field("metadata[orderId]")).isEqualTo(ORDER.toString());
        assertThat(sent.field("metadata[tenantId]")).isEqualTo(TENANT.value().toString());
        assertThat(sent.field("payment_intent_data[metadata][orderId]")).isEqualTo(ORDER.toString());
        assertThat(sent.field("payment_intent_data[metadata][tenantId]")).isEqualTo(TENANT.value().toString());
        assertThat(sent.field("customer_email")).isEqualTo("ada@example.com");
        assertThat(sent.field("success_url")).isEqualTo("https://coach.example/payments/done");
        assertThat(sent.field("cancel_url")).isEqualTo("https://coach.example/payments/cancelled");
        assertThat(sent.idempotencyKey()).contains("checkout-" + ORDER);
        assertThat(sent.stripeAccount()).isEmpty();
    }

    @Test
    void an_api_base_with_a_trailing_slash_reaches_the_same_endpoints() {
        StripePaymentProvider slashed = new StripePaymentProvider(new StripeSettings(StripeTestServer.SECRET_KEY,
                StripeWebhooks.SECRET, Optional.of(stripe.apiBase().resolve("/"))), Clock.systemUTC());

        slashed.openCheckout(request(Money.of(2500, "EUR"), Optional.empty(), Optional.empty()));

        assertThat(stripe.requests()).extracting(RecordedRequest::path).containsExactly("/v1/checkout/sessions");
    }

    @Test
    void a_zero_decimal_currency_is_sent_in_its_own_minor_units_lower_case() {
        provider.openCheckout(request(Money.of(5000, "jpy"), Optional.empty(), Optional.empty()));

        RecordedRequest sent = stripe.requests().get(0);
        assertThat(sent.field("line_items[0][price_data][currency]")).isEqualTo("jpy");
        assertThat(sent.field("line_items[0][price_data][unit_amount]")).isEqualTo("5000");
        assertThat(sent.form()).doesNotContainKey("customer_email");
    }

    @Test
    void an_organization_with_a_connected_account_is_charged_on_it() {
        provider.openCheckout(request(Money.of(2500, "EUR"), Optional.empty(), Optional.of("acct_1Coach")));

        assertThat(stripe.requests().get(0).stripeAccount()).contains("acct_1Coach");
        assertThat(stripe.checkoutSessions().get(0).stripeAccount()).contains("acct_1Coach");
    }

    @Test
    void opening_the_same_order_twice_opens_one_session() {
        CheckoutRequest request = request(Money.of(2500, "EUR"), Optional.empty(), Optional.empty());

        CheckoutSession first = provider.openCheckout(request);
        CheckoutSession second = provider.openCheckout(request);

        assertThat(second).isEqualTo(first);
        assertThat(stripe.checkoutSessions()).hasSize(1);
        assertThat(stripe.requests()).extracting(RecordedRequest::replayed).containsExactly(false, true);
    }

    @Test
    void a_stripe_server_error_is_retried_with_the_same_idempotency_key() {
        stripe.failNextRequest(500, "api_error", "An unknown error occurred");

        CheckoutSession opened = provider.openCheckout(request(Money.of(2500, "EUR"), Optional.empty(),
                Optional.empty()));

        assertThat(opened.reference()).isEqualTo(stripe.checkoutSessions().get(0).id());
        assertThat(stripe.requests()).extracting(RecordedRequest::idempotencyKey)
                .containsExactly(Optional.of("checkout-" + ORDER), Optional.of("checkout-" + ORDER));
    }

    @Test
    void a_refusal_names_stripes_request_id_and_code_but_never_the_secret_key() {
        stripe.failNextRequest(400, "parameter_invalid_integer", "Invalid integer for sk_test_coachkit");

        assertThatThrownBy(() -> provider.openCheckout(request(Money.of(2500, "EUR"), Optional.empty(),
                Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("code parameter_invalid_integer")
                .hasMessageContaining("status 400")
                .hasMessageMatching("(?s).*request req_[0-9a-f]{14}.*")
                .hasMessageNotContaining(StripeTestServer.SECRET_KEY)
                .hasNoCause();
    }

    @Test
    void stripe_out_of_reach_is_a_dependency_unavailable() {
        stripe.close();

        assertThatThrownBy(() -> provider.openCheckout(request(Money.of(2500, "EUR"), Optional.empty(),
                Optional.empty())))
                .isInstanceOfSatisfying(DependencyUnavailableException.class,
                        unavailable -> assertThat(unavailable.dependency()).isEqualTo("payments"));
    }

    private static CheckoutRequest request(Money amount, Optional<String> buyerEmail, Optional<String> account) {
        return new CheckoutRequest(TENANT, ORDER, "Ten sessions", amount, buyerEmail, account,
                "https://coach.example/payments/done", "https://coach.example/payments/cancelled");
    }
}
