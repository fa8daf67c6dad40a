package dev.coachkit.application.payments.port.in;

/**
 * A verified provider event that cannot be applied now (its order is not known yet, or it refunds an order
 * not paid yet): the HTTP adapter answers 503 so that the provider delivers it again later.
 */
public final class PaymentEventNotApplicableException extends RuntimeException {

    public PaymentEventNotApplicableException(String message) {
        super(message);
    }
}
