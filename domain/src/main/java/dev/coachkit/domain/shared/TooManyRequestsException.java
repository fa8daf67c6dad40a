package dev.coachkit.domain.shared;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts at something guarded by a limit (e.g. sign-ins to one account); retry later. */
public final class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
