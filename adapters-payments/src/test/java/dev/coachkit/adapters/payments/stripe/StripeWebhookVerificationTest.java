package dev.coachkit.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import dev.coachkit.adapters.payments.testing.StripeTestServer;
import dev.coachkit.adapters.payments.testing.StripeWebhooks;
import dev.coachkit.adapters.payments.testing.StripeWebhooks.SignedWebhook;
import dev.coachkit.adapters.payments.testing.WebhookEvent;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentNotification.Outcome;
import dev.coachkit.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Webhooks signed as Stripe signs them, verified and read by the provider; no API call is made. */
class StripeWebhookVerificationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final UUID ORDER = UUID.fromString("0b6f3c1e-8d2a-4f6b-a1c9-5e7d3b2a4c60");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StripeWebhooks webhooks = new StripeWebhooks(StripeWebhooks.SECRET, clock);
    private final StripePaymentProvider provider = new StripePaymentProvider(
            new StripeSettings(StripeTestServer.SECRET_KEY, StripeWebhooks.SECRET, Optional.empty()), clock);

    @Test
    void a_completed_paid_checkout_pays_its_order_with_the_payment_intent() {
        WebhookEvent event = StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid");

        PaymentNotification notification = verify(webhooks.sign(event));

        assertThat(notification).isEqualTo(new PaymentNotification("stripe", event.id(), Outcome.PAID,
                Optional.of(ORDER), Optional.of("pi_3Paid"), Optional.empty()));
    }

    @Test
    void a_completed_checkout_whose_payment_is_still_pending_is_ignored() {
        PaymentNotification notification = verify(webhooks.sign(
                StripeWebhooks.checkoutSessionCompletedUnpaid(ORDER, "pi_3Pending")));

        assertThat(notification.outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void a_delayed_payment_that_settles_pays_and_one_that_is_declined_fails() {
        PaymentNotification settled = verify(webhooks.sign(
                StripeWebhooks.checkoutSessionAsyncPaymentSucceeded(ORDER, "pi_3Debit")));
        PaymentNotification declined = verify(webhooks.sign(
                StripeWebhooks.checkoutSessionAsyncPaymentFailed(ORDER, "pi_3Debit")));

        assertThat(settled.outcome()).isEqualTo(Outcome.PAID);
        assertThat(settled.orderId()).contains(ORDER);
        assertThat(settled.paymentReference()).contains("pi_3Debit");
        assertThat(declined.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(declined.orderId()).contains(ORDER);
    }

    @Test
    void an_expired_checkout_expires_its_order() {
        PaymentNotification notification = verify(webhooks.sign(StripeWebhooks.checkoutSessionExpired(ORDER)));

        assertThat(notification.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(notification.orderId()).contains(ORDER);
        assertThat(notification.paymentReference()).isEmpty();
    }

    @Test
    void a_refunded_charge_names_its_payment_intent_and_the_order_when_its_metadata_does() {
        PaymentNotification withOrder = verify(webhooks.sign(
                StripeWebhooks.chargeRefunded("pi_3Paid", Optional.of(ORDER))));
        PaymentNotification withoutOrder = verify(webhooks.sign(
                StripeWebhooks.chargeRefunded("pi_3Paid", Optional.empty())));

        assertThat(withOrder.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(withOrder.paymentReference()).contains("pi_3Paid");
        assertThat(withOrder.orderId()).contains(ORDER);
        assertThat(withoutOrder.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(withoutOrder.orderId()).isEmpty();
    }

    @Test
    void a_partially_refunded_charge_is_ignored() {
        String charge = "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":2500,\"amount_refunded\":500,"
                + "\"payment_intent\":\"pi_3Paid\",\"refunded\":false,\"metadata\":{}}";

        assertThat(verify(webhooks.sign(WebhookEvent.of("charge.refunded", charge))).outcome())
                .isEqualTo(Outcome.IGNORED);
    }

    @Test
    void a_refunded_charge_that_does_not_say_it_is_refunded_in_full_is_ignored() {
        String charge = "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":2500,"
                + "\"payment_intent\":\"pi_3Paid\",\"metadata\":{}}";

        assertThat(verify(webhooks.sign(WebhookEvent.of("charge.refunded", charge))).outcome())
                .isEqualTo(Outcome.IGNORED);
    }

    @Test
    void a_completed_checkout_without_a_payment_status_it_knows_is_not_a_payment() {
        String withoutStatus = "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"client_reference_id\":\""
                + ORDER + "\",\"metadata\":{},\"payment_intent\":\"pi_3Odd\"}";
        String unknownStatus = withoutStatus.replace("\"metadata\":{}", "\"metadata\":{},\"payment_status\":\"processing\"");

        for (String session : new String[] {withoutStatus, unknownStatus}) {
            assertThat(verify(webhooks.sign(WebhookEvent.of("checkout.session.completed", session))).outcome())
                    .as(session).isEqualTo(Outcome.IGNORED);
        }
    }

    @Test
    void a_webhook_signed_with_any_of_the_configured_secrets_verifies() {
        StripePaymentProvider twoEndpoints = new StripePaymentProvider(new StripeSettings(StripeTestServer.SECRET_KEY,
                "whsec_platform_endpoint, " + StripeWebhooks.SECRET, Optional.empty()), clock);
        SignedWebhook connect = webhooks.sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Connect"));
        SignedWebhook platform = new StripeWebhooks("whsec_platform_endpoint", clock)
                .sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Platform"));

        assertThat(twoEndpoints.verify(connect.body(), connect.signatureHeader()).outcome()).isEqualTo(Outcome.PAID);
        assertThat(twoEndpoints.verify(platform.body(), platform.signatureHeader()).outcome()).isEqualTo(Outcome.PAID);
        SignedWebhook stranger = new StripeWebhooks("whsec_someone_else", clock)
                .sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Stranger"));
        assertThatThrownBy(() -> twoEndpoints.verify(stranger.body(), stranger.signatureHeader()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_event_of_a_type_coachkit_does_not_act_on_is_ignored() {
        WebhookEvent event = WebhookEvent.of("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");

        assertThat(verify(webhooks.sign(event))).isEqualTo(new PaymentNotification("stripe", event.id(),
                Outcome.IGNORED, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void a_checkout_without_a_coachkit_order_id_is_ignored() {
        String session = "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"client_reference_id\":\"cart-42\","
                + "\"metadata\":{},\"payment_status\":\"paid\",\"payment_intent\":\"pi_3Other\"}";

        assertThat(verify(webhooks.sign(WebhookEvent.of("checkout.session.completed", session))).outcome())
                .isEqualTo(Outcome.IGNORED);
    }

    @Test
    void an_expanded_payment_intent_is_read_by_its_id() {
        String session = "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"client_reference_id\":\"" + ORDER
                + "\",\"payment_status\":\"paid\","
                + "\"payment_intent\":{\"id\":\"pi_3Expanded\",\"object\":\"payment_intent\"}}";

        assertThat(verify(webhooks.sign(WebhookEvent.of("checkout.session.completed", session))).paymentReference())
                .contains("pi_3Expanded");
    }

    @Test
    void an_event_from_a_connected_account_carries_the_account() {
        PaymentNotification notification = verify(webhooks.sign(
                StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid").onAccount("acct_1Coach")));

        assertThat(notification.connectedAccount()).contains("acct_1Coach");
    }

    @Test
    void events_of_an_older_or_newer_api_version_than_the_librarys_are_read_alike() {
        WebhookEvent current = StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid");
        // 2019-02-19 predates release trains; a request id as a plain string is how events before 2017-05-25 read
        String old = current.withApiVersion("2019-02-19").json().replaceFirst("\"request\": \\{[^}]*}",
                "\"request\": \"req_old\"");
        WebhookEvent newer = current.withApiVersion("2099-01-01.zinnia");

        assertThat(current.apiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(old).contains("\"request\": \"req_old\"");
        assertThat(verify(webhooks.sign(old, NOW))).isEqualTo(verify(webhooks.sign(current)));
        assertThat(verify(webhooks.sign(newer))).isEqualTo(verify(webhooks.sign(current)));
    }

    @Test
    void a_replayed_event_verifies_again_to_the_same_notification() {
        SignedWebhook delivery = webhooks.sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid"));

        assertThat(verify(delivery)).isEqualTo(verify(delivery));
    }

    @Test
    void a_signature_within_the_five_minute_tolerance_is_accepted() {
        WebhookEvent event = StripeWebhooks.checkoutSessionExpired(ORDER);

        assertThat(verify(webhooks.sign(event, NOW.minus(Duration.ofSeconds(299)))).outcome())
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void a_signature_older_than_five_minutes_is_refused() {
        SignedWebhook stale = webhooks.sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid"),
                NOW.minus(Duration.ofSeconds(301)));

        assertRefused(() -> verify(stale), "tolerance");
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        SignedWebhook forged = new StripeWebhooks("whsec_someone_else", clock)
                .sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid"));

        assertRefused(() -> verify(forged), "does not verify");
    }

    @Test
    void a_wrong_signature_is_refused() {
        SignedWebhook delivery = webhooks.sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid"));
        String tampered = delivery.signatureHeader().replaceFirst("v1=.", "v1=" + flipped(delivery.signatureHeader()));

        assertRefused(() -> provider.verify(delivery.body(), tampered), "does not verify");
    }

    @Test
    void a_body_altered_by_one_byte_is_refused() {
        SignedWebhook delivery = webhooks.sign(StripeWebhooks.checkoutSessionCompleted(ORDER, "pi_3Paid"));
        byte[] withNewline = Arrays.copyOf(delivery.body(), delivery.body().length + 1);
        withNewline[withNewline.length - 1] = '\n';

        assertRefused(() -> provider.verify(withNewline, delivery.signatureHeader()), "does not verify");
    }

    @Test
    void a_missing_or_malformed_signature_header_is_refused() {
        byte[] body = StripeWebhooks.checkoutSessionExpired(ORDER).json().getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> provider.verify(body, null), "is missing");
        assertRefused(() -> provider.verify(body, " "), "is missing");
        assertRefused(() -> provider.verify(body, "t"), "must read t=<seconds>,v1=<signature>");
        assertRefused(() -> provider.verify(body, "t=soon,v1=abc"), "not a number of seconds");
        assertRefused(() -> provider.verify(body, "v1=abc"), "does not verify");
        assertRefused(() -> provider.verify(body, "t=" + NOW.getEpochSecond()), "does not verify");
    }

    @Test
    void a_signed_body_that_is_not_a_stripe_event_is_refused() {
        assertRefused(() -> verify(webhooks.sign("not json {", NOW)), "not a Stripe event");
        assertRefused(() -> verify(webhooks.sign("[1, 2]", NOW)), "not a Stripe event");
        assertRefused(() -> verify(webhooks.sign("{\"object\":\"event\",\"type\":\"charge.refunded\"}", NOW)),
                "without an id");
        assertRefused(() -> verify(webhooks.sign("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.refunded\"}",
                NOW)), "its object");
    }

    private PaymentNotification verify(SignedWebhook delivery) {
        return provider.verify(delivery.body(), delivery.signatureHeader());
    }

    /** The signature's first hex digit changed to another. */
    private static char flipped(String header) {
        char first = header.charAt(header.indexOf("v1=") + 3);
        return first == '0' ? '1' : '0';
    }

    private static void assertRefused(ThrowingCallable verification, String reason) {
        assertThatThrownBy(verification)
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("Stripe-Signature");
                            assertThat(error.message()).contains(reason);
                        }));
    }
}
