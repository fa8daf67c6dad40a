package dev.coachkit.adapters.http.operations;

import dev.coachkit.application.shared.port.in.CheckReadinessUseCase.Readiness;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of {@code GET /ready}: {@code UP} only when every dependency is up. */
public record ReadinessResponse(@NotNull Status status, @NotNull List<Dependency> dependencies) {

    /** Up or down, for the whole service and for each dependency. */
    public enum Status {
        UP,
        DOWN
    }

    /** One dependency; {@code detail} says what is wrong when it is down. */
    public record Dependency(@NotNull String name, @NotNull Status status, @NotNull String detail) {}

    static ReadinessResponse from(Readiness readiness) {
        return new ReadinessResponse(
                readiness.ready() ? Status.UP : Status.DOWN,
                readiness.dependencies().stream()
                        .map(d -> new Dependency(d.name(), d.up() ? Status.UP : Status.DOWN, d.detail()))
                        .toList());
    }
}
