package dev.coachkit.domain.shared;

/** The resource does not exist for this actor — including when it belongs to another tenant. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
