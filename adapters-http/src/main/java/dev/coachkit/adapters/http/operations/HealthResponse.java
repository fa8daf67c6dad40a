package dev.coachkit.adapters.http.operations;

import jakarta.validation.constraints.NotNull;

/** Body of {@code GET /health}: the process is alive. */
public record HealthResponse(@NotNull String status) {

    static final HealthResponse UP = new HealthResponse("UP");
}
