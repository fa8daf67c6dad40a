package dev.coachkit.application.events;

/** A stored or received event that cannot be read as its type: a payload value missing or of the wrong kind. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
