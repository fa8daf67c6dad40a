package dev.coachkit.application.shared;

import java.util.Objects;
import java.util.concurrent.Executor;

/** Where the core runs work after it has answered (see {@code CoachKitBuilder.afterAnswer}). */
public record AfterAnswer(Executor executor) {

    public AfterAnswer {
        Objects.requireNonNull(executor, "executor");
    }
}
