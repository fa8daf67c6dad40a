package dev.coachkit.domain.shared;

/**
 * The caller could not be authenticated: bad credentials, or a token that is invalid, expired or
 * revoked. The message is deliberately the same for every cause the client must not tell apart.
 */
public final class AuthenticationException extends DomainException {

    public AuthenticationException(String message) {
        super(message);
    }
}
