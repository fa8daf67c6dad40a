package dev.coachkit.application.testing;

import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A payment provider for tests: records the checkouts and refunds asked of it, can be made unreachable,
 * and "signs" callbacks: {@link #callback} registers what a callback says and answers its payload, which
 * {@link #verify} reads back (anything else is a bad signature).
 */
public final class RecordingPaymentProvider implements PaymentProvider {

    public static final String SIGNATURE = "t=1,v1=test";

    private final String name;
    private final List<CheckoutRequest> checkouts = new CopyOnWriteArrayList<>();
    private final List<RefundRequest> refunds = new CopyOnWriteArrayList<>();
    private final Map<String, PaymentNotification> callbacks = new ConcurrentHashMap<>();
    private volatile boolean unreachable;

    public RecordingPaymentProvider(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckoutSession openCheckout(CheckoutRequest request) {
        if (unreachable) {
            throw new DependencyUnavailableException("payments", DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                    new IllegalStateException("the test provider is down"));
        }
        checkouts.add(request);
        return new CheckoutSession("https://pay.test/c/" + request.orderId(), "cs_" + request.orderId());
    }

    @Override
    public void refund(RefundRequest request) {
        refunds.add(request);
    }

    @Override
    public PaymentNotification verify(byte[] payload, String signatureHeader) {
        PaymentNotification notification = callbacks.get(new String(payload, StandardCharsets.UTF_8));
        if (notification == null || !SIGNATURE.equals(signatureHeader)) {
            throw new InvalidInputException("Stripe-Signature", "does not match the payload");
        }
        return notification;
    }

    /** The payload of a callback saying {@code outcome} about {@code orderId}, with a fresh event id. */
    public byte[] callback(PaymentNotification.Outcome outcome, UUID orderId) {
        return callback(new PaymentNotification(name, "evt_" + UUID.randomUUID(), outcome, Optional.of(orderId),
                Optional.of("pi_" + orderId), Optional.empty()));
    }

    /** The payload of a callback saying {@code notification}. */
    public byte[] callback(PaymentNotification notification) {
        callbacks.put(notification.eventId(), notification);
        return notification.eventId().getBytes(StandardCharsets.UTF_8);
    }

    public void unreachable(boolean down) {
        this.unreachable = down;
    }

    public List<CheckoutRequest> checkouts() {
        return List.copyOf(checkouts);
    }

    public List<RefundRequest> refunds() {
        return List.copyOf(refunds);
    }
}
