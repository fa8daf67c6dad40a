package dev.coachkit.adapters.payments.testing;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Stripe's JSON for the objects the double answers with and the webhooks carry. */
final class StripeJson {

    /** How long Stripe keeps a Checkout Session open by default. */
    private static final Duration SESSION_LIFETIME = Duration.ofHours(24);

    private StripeJson() {
    }

    /** An open, unpaid session, as {@code POST /v1/checkout/sessions} returns it. */
    static JsonObject checkoutSession(StripeTestServer.CheckoutSession session, Map<String, String> form) {
        JsonObject json = new JsonObject();
        json.addProperty("id", session.id());
        json.addProperty("object", "checkout.session");
        json.addProperty("amount_subtotal", session.amountTotal());
        json.addProperty("amount_total", session.amountTotal());
        json.addProperty("cancel_url", form.get("cancel_url"));
        json.addProperty("client_reference_id", session.clientReferenceId());
        long created = Instant.now().getEpochSecond();
        json.addProperty("created", created);
        json.addProperty("currency", session.currency());
        json.addProperty("customer_email", session.customerEmail().orElse(null));
        json.addProperty("expires_at", created + SESSION_LIFETIME.toSeconds());
        json.addProperty("livemode", false);
        json.add("metadata", metadata(session.metadata()));
        json.addProperty("mode", "payment");
        json.add("payment_intent", null);
        json.addProperty("payment_status", "unpaid");
        json.addProperty("status", "open");
        json.addProperty("success_url", form.get("success_url"));
        json.addProperty("url", session.url());
        return json;
    }

    /** The session as a webhook shows it after the buyer's visit: {@code status} and payment set, no more URL. */
    static JsonObject checkoutSessionAfterVisit(StripeTestServer.CheckoutSession session, String status,
            String paymentStatus, String paymentIntent) {
        JsonObject json = checkoutSession(session, Map.of());
        json.addProperty("status", status);
        json.addProperty("payment_status", paymentStatus);
        json.addProperty("payment_intent", paymentIntent);
        json.add("url", null);
        return json;
    }

    /** A charge refunded in full; its metadata names the order only when {@code metadata} does. */
    static JsonObject refundedCharge(String paymentIntent, long amount, Map<String, String> metadata) {
        JsonObject json = new JsonObject();
        json.addProperty("id", "ch_" + StripeTestServer.randomId(24));
        json.addProperty("object", "charge");
        json.addProperty("amount", amount);
        json.addProperty("amount_refunded", amount);
        json.addProperty("currency", "eur");
        json.addProperty("livemode", false);
        json.add("metadata", metadata(metadata));
        json.addProperty("paid", true);
        json.addProperty("payment_intent", paymentIntent);
        json.addProperty("refunded", true);
        json.addProperty("status", "succeeded");
        return json;
    }

    static JsonObject metadata(Map<String, String> values) {
        JsonObject json = new JsonObject();
        values.forEach(json::addProperty);
        return json;
    }
}
