package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.NotFoundException;

/**
 * A deployment that has chosen no provider: nothing can be bought (422), nothing was ever paid, and nothing
 * calls back. A shared deployment gets this rather than the local test page, whose Pay button would hand
 * out credits for free to anyone holding an order id.
 */
public final class UnconfiguredPaymentProvider implements PaymentProvider {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckoutSession openCheckout(CheckoutRequest request) {
        throw new BusinessRuleException("this server takes no payments: its operator has chosen no payment provider");
    }

    @Override
    public void refund(RefundRequest request) {
        // no checkout ever opened, so no money was taken
    }

    @Override
    public PaymentNotification verify(byte[] payload, String signatureHeader) {
        throw new NotFoundException("payment webhook", NAME);
    }
}
