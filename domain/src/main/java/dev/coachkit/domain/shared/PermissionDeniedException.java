package dev.coachkit.domain.shared;

/** The actor may see the resource but its role does not allow the action. */
public final class PermissionDeniedException extends DomainException {

    public PermissionDeniedException(String message) {
        super(message);
    }
}
