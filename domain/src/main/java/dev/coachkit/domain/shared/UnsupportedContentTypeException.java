package dev.coachkit.domain.shared;

/** Content of a type that is not accepted (an upload that is neither an allowed image nor video type). */
public final class UnsupportedContentTypeException extends DomainException {

    public UnsupportedContentTypeException(String message) {
        super(message);
    }
}
