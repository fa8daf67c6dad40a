package dev.coachkit.adapters.http.operations;

import dev.coachkit.application.shared.port.in.CheckReadinessUseCase.DependencyStatus;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase.Readiness;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Body of {@code GET /ready}: {@code UP} only when every dependency is up. The endpoint is
 * unauthenticated, so a dependency that is down is reported without its error text (which can name
 * hosts, roles or queues); that goes to the server log.
 */
public record ReadinessResponse(@NotNull Status status, @NotNull List<Dependency> dependencies) {

    /** Up or down, for the whole service and for each dependency. */
    public enum Status {
        UP,
        DOWN
    }

    /** One dependency; {@code detail} is its report when up (e.g. a queue depth). */
    public record Dependency(@NotNull String name, @NotNull Status status, @NotNull String detail) {}

    public static final String DOWN_DETAIL = "unavailable; the server log says why";
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessResponse.class);

    static ReadinessResponse from(Readiness readiness) {
        return new ReadinessResponse(
                readiness.ready() ? Status.UP : Status.DOWN,
                readiness.dependencies().stream().map(ReadinessResponse::dependency).toList());
    }

    private static Dependency dependency(DependencyStatus status) {
        if (status.up()) {
            return new Dependency(status.name(), Status.UP, status.detail());
        }
        LOG.warn("not ready: {} is down: {}", status.name(), status.detail());
        return new Dependency(status.name(), Status.DOWN, DOWN_DETAIL);
    }
}
