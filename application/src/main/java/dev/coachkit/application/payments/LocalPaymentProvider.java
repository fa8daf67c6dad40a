package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.shared.PublicUrl;
import dev.coachkit.domain.shared.NotFoundException;

/**
 * The development provider, used when the host configures none: its checkout is this server's own page
 * ({@code <publicUrl>/payments/local-checkout/<orderId>}, Pay and Decline), which settles the order through
 * {@code LocalCheckoutUseCase}; no money moves, so a refund has nothing to return, and nothing calls back.
 */
public final class LocalPaymentProvider implements PaymentProvider {

    public static final String NAME = "local";

    private final PublicUrl publicUrl;

    public LocalPaymentProvider(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckoutSession openCheckout(CheckoutRequest request) {
        return new CheckoutSession(publicUrl.value() + "/payments/local-checkout/" + request.orderId(),
                "local_" + request.orderId());
    }

    @Override
    public void refund(RefundRequest request) {
        // no money was taken, so there is none to give back
    }

    /** Nothing calls back: orders settle on the checkout page, so no webhook listens for this provider. */
    @Override
    public PaymentNotification verify(byte[] payload, String signatureHeader) {
        throw new NotFoundException("payment webhook", NAME);
    }
}
