package dev.coachkit.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.payments.testing.StripeTestServer;
import dev.coachkit.adapters.payments.testing.StripeTestServer.RecordedRequest;
import dev.coachkit.adapters.payments.testing.StripeWebhooks;
import dev.coachkit.application.payments.port.out.PaymentProvider.RefundRequest;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.shared.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeRefundTest {

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
    void the_refund_returns_the_amount_of_the_payment_intent_under_the_given_key() {
        provider.refund(new RefundRequest(TENANT, ORDER, "pi_3Paid", Money.of(2500, "EUR"), Optional.empty(),
                "refund-" + ORDER));

        RecordedRequest sent = stripe.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1/refunds");
        assertThat(sent.field("payment_intent")).isEqualTo("pi_3Paid");
        assertThat(sent.field("amount")).isEqualTo("2500");
        assertThat(sent.idempotencyKey()).contains("refund-" + ORDER);
        assertThat(sent.stripeAccount()).isEmpty();
        assertThat(stripe.refunds()).singleElement()
                .satisfies(refund -> assertThat(refund.paymentIntent()).isEqualTo("pi_3Paid"));
    }

    @Test
    void a_payment_on_a_connected_account_is_refunded_there() {
        provider.refund(new RefundRequest(TENANT, ORDER, "pi_3Paid", Money.of(2500, "EUR"), Optional.of("acct_1Coach"),
                "refund-" + ORDER));

        assertThat(stripe.requests().get(0).stripeAccount()).contains("acct_1Coach");
        assertThat(stripe.refunds().get(0).stripeAccount()).contains("acct_1Coach");
    }

    @Test
    void refunding_twice_with_the_same_key_refunds_once() {
        RefundRequest request = new RefundRequest(TENANT, ORDER, "pi_3Paid", Money.of(2500, "EUR"), Optional.empty(),
                "refund-" + ORDER);

        provider.refund(request);
        provider.refund(request);

        assertThat(stripe.refunds()).hasSize(1);
        assertThat(stripe.requests()).extracting(RecordedRequest::replayed).containsExactly(false, true);
    }

    @Test
    void a_refund_of_a_charge_refunded_before_in_the_dashboard_is_done() {
        stripe.failNextRequest(400, "charge_already_refunded", "Charge ch_1 has already been refunded.");

        provider.refund(new RefundRequest(TENANT, ORDER, "pi_3Paid", Money.of(2500, "EUR"), Optional.empty(),
                "refund-" + ORDER));

        assertThat(stripe.requests()).hasSize(1);
    }

    @Test
    void a_refund_stripe_refuses_names_the_code_and_request() {
        stripe.failNextRequest(400, "amount_too_large", "Refund amount is greater than the charge.");

        assertThatThrownBy(() -> provider.refund(new RefundRequest(TENANT, ORDER, "pi_3Paid", Money.of(2500, "EUR"),
                Optional.empty(), "refund-" + ORDER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refund order " + ORDER)
                .hasMessageContaining("code amount_too_large")
                .hasMessageContaining("request req_");
    }

    @Test
    void stripe_rate_limiting_is_a_dependency_unavailable() {
        stripe.failNextRequest(429, "rate_limit", "Too many requests");

        assertThatThrownBy(() -> provider.refund(new RefundRequest(TENANT, ORDER, "pi_3Paid", Money.of(2500, "EUR"),
                Optional.empty(), "refund-" + ORDER)))
                .isInstanceOf(DependencyUnavailableException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("code rate_limit");
    }
}
