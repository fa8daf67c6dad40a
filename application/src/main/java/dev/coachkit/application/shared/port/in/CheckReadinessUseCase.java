package dev.coachkit.application.shared.port.in;

import java.util.List;
import java.util.Objects;

/** Reports whether every dependency is usable, one entry per dependency. */
public interface CheckReadinessUseCase {

    Readiness check();

    /** The state of one dependency; {@code detail} says what is wrong when it is down. */
    record DependencyStatus(String name, boolean up, String detail) {
        public DependencyStatus {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Ready when every dependency is up. */
    record Readiness(List<DependencyStatus> dependencies) {
        public Readiness {
            dependencies = List.copyOf(dependencies);
        }

        public boolean ready() {
            return dependencies.stream().allMatch(DependencyStatus::up);
        }
    }
}
