package dev.coachkit.domain.shared;

/** The action costs something the caller has not paid for: no usable credit for a paid booking. */
public final class PaymentRequiredException extends DomainException {

    public PaymentRequiredException(String message) {
        super(message);
    }
}
