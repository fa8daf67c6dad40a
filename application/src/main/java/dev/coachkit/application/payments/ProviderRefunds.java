package dev.coachkit.application.payments;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.domain.payments.OrderRefunded;

/**
 * Returns the money of a refund CoachKit decided (an ADMIN's, or a payment too late for its hold) through
 * the provider, after the refund committed. The idempotency key comes from the order, so the event
 * runtime's retries after a failure never refund twice; a refund the provider reported needs nothing.
 */
final class ProviderRefunds implements EventConsumer<OrderRefunded> {

    private final PaymentProvider provider;
    private final PaymentSettingsRepository settings;

    ProviderRefunds(PaymentProvider provider, PaymentSettingsRepository settings) {
        this.provider = provider;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "payment-provider-refunds";
    }

    @Override
    public Class<OrderRefunded> eventType() {
        return OrderRefunded.class;
    }

    @Override
    public void consume(OrderRefunded event) {
        if (!event.refundAtProvider()) {
            return;
        }
        String paymentReference = event.paymentReference().orElseThrow(() -> new IllegalStateException(
                "order " + event.orderId() + " was refunded without the provider's reference of its payment"));
        provider.refund(new PaymentProvider.RefundRequest(event.tenantId(), event.orderId(), paymentReference,
                event.amount(), settings.find(event.tenantId()).stripeAccountId(), "refund-" + event.orderId()));
    }
}
