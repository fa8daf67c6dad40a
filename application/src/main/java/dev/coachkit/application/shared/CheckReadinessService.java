package dev.coachkit.application.shared;

import dev.coachkit.application.shared.port.in.CheckReadinessUseCase;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.util.List;

/** Runs every probe and reports each, so one broken dependency never hides the state of the others. */
public final class CheckReadinessService implements CheckReadinessUseCase {

    private final List<ReadinessProbe> probes;

    public CheckReadinessService(List<ReadinessProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    @Override
    public Readiness check() {
        return new Readiness(probes.stream().map(CheckReadinessService::probe).toList());
    }

    private static DependencyStatus probe(ReadinessProbe probe) {
        try {
            return new DependencyStatus(probe.name(), true, probe.check());
        } catch (Exception down) {
            String reason = down.getMessage() == null ? down.getClass().getSimpleName() : down.getMessage();
            return new DependencyStatus(probe.name(), false, reason);
        }
    }
}
