package dev.coachkit.domain.shared;

/** The request conflicts with the current state (taken e-mail, overlapping session, already cancelled). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
