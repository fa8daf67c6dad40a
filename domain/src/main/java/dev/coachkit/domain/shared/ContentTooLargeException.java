package dev.coachkit.domain.shared;

/** Content larger than a limit allows (a file over the per-file upload limit). */
public final class ContentTooLargeException extends DomainException {

    public ContentTooLargeException(String message) {
        super(message);
    }
}
