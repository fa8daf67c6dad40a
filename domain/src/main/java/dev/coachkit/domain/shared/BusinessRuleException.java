package dev.coachkit.domain.shared;

/** Well-formed input that a business rule refuses (outside availability, over quota, in the past). */
public final class BusinessRuleException extends DomainException {

    public BusinessRuleException(String message) {
        super(message);
    }
}
