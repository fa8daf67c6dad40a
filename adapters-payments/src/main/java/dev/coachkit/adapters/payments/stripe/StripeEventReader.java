package dev.coachkit.adapters.payments.stripe;

import static dev.coachkit.application.payments.port.out.PaymentNotification.Outcome.EXPIRED;
import static dev.coachkit.application.payments.port.out.PaymentNotification.Outcome.FAILED;
import static dev.coachkit.application.payments.port.out.PaymentNotification.Outcome.IGNORED;
import static dev.coachkit.application.payments.port.out.PaymentNotification.Outcome.PAID;
import static dev.coachkit.application.payments.port.out.PaymentNotification.Outcome.REFUNDED;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentNotification.Outcome;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads what a verified Stripe event means for an order. The event is read as JSON rather than through
 * stripe-java's typed models: those are only guaranteed for events of the library's own API version (an
 * incompatible field fails the whole event), while the few fields read here ({@code id}, {@code type},
 * {@code account}, and the object's {@code client_reference_id}, {@code payment_status}, {@code payment_intent},
 * {@code refunded}, {@code metadata}) have kept their names and shapes across every API version, so an endpoint
 * pinned to an old or a newer version is read the same way.
 */
final class StripeEventReader {

    static final String PROVIDER = "stripe";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StripeEventReader() {
    }

    /** The event's meaning, or empty when it lacks an id, a type or, for a type CoachKit acts on, its object. */
    static Optional<PaymentNotification> read(JsonObject event) {
        Optional<String> type = text(event, "type");
        if (text(event, "id").isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonObject> object = child(event, "data").flatMap(data -> child(data, "object"));
        return switch (type.get()) {
            case "checkout.session.completed" -> object.map(session -> completed(event, session));
            case "checkout.session.async_payment_succeeded" -> object.map(session -> checkout(event, PAID, session));
            case "checkout.session.async_payment_failed" -> object.map(session -> checkout(event, FAILED, session));
            case "checkout.session.expired" -> object.map(session -> checkout(event, EXPIRED, session));
            case "charge.refunded" -> object.map(charge -> refunded(event, charge));
            default -> Optional.of(ignored(event));
        };
    }

    /**
     * A completed session is paid when Stripe says so ({@code paid}, or {@code no_payment_required}); otherwise its
     * payment method settles later (a bank debit) and an async event follows. Anything unknown is not a payment.
     */
    private static PaymentNotification completed(JsonObject event, JsonObject session) {
        String status = text(session, "payment_status").orElse("");
        return status.equals("paid") || status.equals("no_payment_required")
                ? checkout(event, PAID, session)
                : ignored(event);
    }

    /** A session without a CoachKit order id was opened by something else on the account: not ours to act on. */
    private static PaymentNotification checkout(JsonObject event, Outcome outcome, JsonObject session) {
        Optional<UUID> orderId = uuid(text(session, "client_reference_id"))
                .or(() -> uuid(metadata(session, "orderId")));
        if (orderId.isEmpty()) {
            return ignored(event);
        }
        return notification(event, outcome, orderId, reference(session, "payment_intent"));
    }

    /**
     * A partial refund (made in Stripe's dashboard) leaves the charge {@code refunded: false}; CoachKit refunds whole
     * orders only, so it acts once the charge is refunded in full. The charge names its order only when its metadata
     * says so; otherwise the payment intent does.
     */
    private static PaymentNotification refunded(JsonObject event, JsonObject charge) {
        Optional<String> paymentIntent = reference(charge, "payment_intent");
        boolean refundedInFull = text(charge, "refunded").map("true"::equals).orElse(false);
        if (!refundedInFull || paymentIntent.isEmpty()) {
            return ignored(event);
        }
        return notification(event, REFUNDED, uuid(metadata(charge, "orderId")), paymentIntent);
    }

    private static PaymentNotification ignored(JsonObject event) {
        return notification(event, IGNORED, Optional.empty(), Optional.empty());
    }

    private static PaymentNotification notification(JsonObject event, Outcome outcome, Optional<UUID> orderId,
            Optional<String> paymentReference) {
        return new PaymentNotification(PROVIDER, text(event, "id").orElseThrow(), outcome, orderId, paymentReference,
                text(event, "account"));
    }

    /** An expandable field: an id, or the expanded object that carries it. */
    private static Optional<String> reference(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value != null && value.isJsonObject()) {
            return text(value.getAsJsonObject(), "id");
        }
        return text(object, field);
    }

    private static Optional<String> metadata(JsonObject object, String key) {
        return child(object, "metadata").flatMap(metadata -> text(metadata, key));
    }

    private static Optional<JsonObject> child(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<String> text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
    }

    /** Only the canonical form: {@code UUID.fromString} also accepts shortened groups such as {@code 1-2-3-4-5}. */
    private static Optional<UUID> uuid(Optional<String> text) {
        return text.filter(value -> CANONICAL_UUID.matcher(value).matches()).map(UUID::fromString);
    }
}
