package dev.coachkit.application.payments.port.in;

/**
 * A provider callback: verified over its raw bytes, then applied once in the tenant of its order. Types
 * CoachKit does not act on are acknowledged. An event that names an order not known (yet) throws
 * {@link PaymentEventNotApplicableException} so that the provider retries it. With the local provider,
 * which sends no callbacks, there is nothing to receive: NotFoundException.
 */
public interface ReceivePaymentWebhookUseCase {

    /** What became of the callback. */
    enum Outcome {
        APPLIED,
        ALREADY_APPLIED,
        IGNORED
    }

    Outcome receive(byte[] payload, String signatureHeader);
}
