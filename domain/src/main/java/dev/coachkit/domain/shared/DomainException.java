package dev.coachkit.domain.shared;

/**
 * A business outcome that stops a use case. Each subtype maps to exactly one HTTP status in the
 * HTTP adapter; messages are safe to show to the client.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
