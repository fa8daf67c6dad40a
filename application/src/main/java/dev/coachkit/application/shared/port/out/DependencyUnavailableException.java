package dev.coachkit.application.shared.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * An out-port adapter could not reach what it stands for (storage, a cache, a queue): nothing was
 * decided, and the same request may succeed once the dependency is back. Adapters throw it for
 * connection failures only, never for a refusal the dependency did answer; the message names the
 * dependency without hosts or credentials, so it may reach a client.
 */
public final class DependencyUnavailableException extends RuntimeException {

    /** What a client is told to wait before retrying when the adapter has no better estimate. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final String dependency;
    private final Duration retryAfter;

    public DependencyUnavailableException(String dependency, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(dependency, "dependency") + " is unavailable; retry later", cause);
        this.dependency = dependency;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A short name such as {@code storage}, safe to show. */
    public String dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
