package dev.coachkit.adapters.payments.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe webhooks for tests: events ({@link WebhookEvent}) for the types CoachKit acts on, and deliveries signed
 * exactly as Stripe signs them: header {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}.
 * <pre>{@code
 * StripeWebhooks webhooks = new StripeWebhooks(StripeWebhooks.SECRET);
 * WebhookEvent paid = StripeWebhooks.checkoutSessionCompleted(stripe.checkoutSessions().get(0), "pi_123");
 * SignedWebhook delivery = webhooks.sign(paid);
 * // POST delivery.body() to /payments/webhooks/stripe with header Stripe-Signature: delivery.signatureHeader()
 * SignedWebhook stale = webhooks.sign(paid, Instant.now().minusSeconds(301));   // refused: older than 5 minutes
 * }</pre>
 */
public final class StripeWebhooks {

    /** A webhook signing secret for tests; configure it as {@code COACHKIT_STRIPE_WEBHOOK_SECRET}. */
    public static final String SECRET = "whsec_coachkit_test_secret";

    /** A delivery: the exact bytes to POST and the {@code Stripe-Signature} header that signs them. */
    public record SignedWebhook(byte[] body, String signatureHeader) {

        /** The body as text (UTF-8). */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String secret;
    private final Clock clock;

    /** Signs with {@code secret} at the system clock's time. */
    public StripeWebhooks(String secret) {
        this(secret, Clock.systemUTC());
    }

    public StripeWebhooks(String secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The event signed now. */
    public SignedWebhook sign(WebhookEvent event) {
        return sign(event.json(), clock.instant());
    }

    /** The event signed at {@code signedAt}: in the past to test the tolerance. */
    public SignedWebhook sign(WebhookEvent event, Instant signedAt) {
        return sign(event.json(), signedAt);
    }

    /** Any body, signed at {@code signedAt}. */
    public SignedWebhook sign(String body, Instant signedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new SignedWebhook(bytes, signatureHeader(bytes, signedAt.getEpochSecond()));
    }

    /** The header for {@code body} signed at {@code timestamp} (Unix seconds) with this secret. */
    public String signatureHeader(byte[] body, long timestamp) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            hmac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** {@code checkout.session.completed}, paid, for a session the double created (its account included). */
    public static WebhookEvent checkoutSessionCompleted(StripeTestServer.CheckoutSession session,
            String paymentIntent) {
        WebhookEvent event = WebhookEvent.of("checkout.session.completed",
                StripeJson.checkoutSessionAfterVisit(session, "complete", "paid", paymentIntent));
        return session.stripeAccount().map(event::onAccount).orElse(event);
    }

    /** {@code checkout.session.completed}, paid, for the order's session (a nominal amount: 10.00 EUR). */
    public static WebhookEvent checkoutSessionCompleted(UUID orderId, String paymentIntent) {
        return checkoutSessionCompleted(sessionOf(orderId), paymentIntent);
    }

    /** {@code checkout.session.completed} while a delayed payment method (a bank debit) has not settled yet. */
    public static WebhookEvent checkoutSessionCompletedUnpaid(UUID orderId, String paymentIntent) {
        return WebhookEvent.of("checkout.session.completed",
                StripeJson.checkoutSessionAfterVisit(sessionOf(orderId), "complete", "unpaid", paymentIntent));
    }

    /** {@code checkout.session.async_payment_succeeded}: the delayed payment settled. */
    public static WebhookEvent checkoutSessionAsyncPaymentSucceeded(UUID orderId, String paymentIntent) {
        return WebhookEvent.of("checkout.session.async_payment_succeeded",
                StripeJson.checkoutSessionAfterVisit(sessionOf(orderId), "complete", "paid", paymentIntent));
    }

    /** {@code checkout.session.async_payment_failed}: the delayed payment was declined. */
    public static WebhookEvent checkoutSessionAsyncPaymentFailed(UUID orderId, String paymentIntent) {
        return WebhookEvent.of("checkout.session.async_payment_failed",
                StripeJson.checkoutSessionAfterVisit(sessionOf(orderId), "complete", "unpaid", paymentIntent));
    }

    /** {@code checkout.session.expired}: the buyer never paid. */
    public static WebhookEvent checkoutSessionExpired(UUID orderId) {
        return WebhookEvent.of("checkout.session.expired",
                StripeJson.checkoutSessionAfterVisit(sessionOf(orderId), "expired", "unpaid", null));
    }

    /**
     * {@code charge.refunded} for the charge of {@code paymentIntent}, refunded in full; Stripe copies no order id to
     * the charge by itself, so {@code orderId} is in its metadata only when given.
     */
    public static WebhookEvent chargeRefunded(String paymentIntent, Optional<UUID> orderId) {
        Map<String, String> metadata = orderId.map(id -> Map.of("orderId", id.toString())).orElse(Map.of());
        return WebhookEvent.of("charge.refunded", StripeJson.refundedCharge(paymentIntent, 1000, metadata));
    }

    private static StripeTestServer.CheckoutSession sessionOf(UUID orderId) {
        String id = "cs_test_" + StripeTestServer.randomId(24);
        return new StripeTestServer.CheckoutSession(id, "https://checkout.stripe.test/c/pay/" + id,
                orderId.toString(), Map.of("orderId", orderId.toString()), 1000, "eur", Optional.empty(),
                Optional.empty());
    }
}
