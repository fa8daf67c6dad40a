package dev.coachkit.application;

import dev.coachkit.application.events.EventRuntime.Job;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.MaintenanceJobs;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.memory.InMemoryAccountTokens;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryIdempotencyKeys;
import dev.coachkit.application.memory.InMemoryMaintenance;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemorySessions;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the core's {@link EventRuntime} from the parts its builder collected: maintenance and the jobs
 * the contexts registered run where the process runs the scheduler. Gives an in-memory builder the
 * in-memory relay and scheduler stores.
 */
final class EventRuntimeAssembly {

    private EventRuntimeAssembly() {}

    static EventRuntime assemble(EventRuntime.Parts parts, HandleEventUseCase handler, Clock clock,
            List<Job> contextJobs) {
        List<Job> jobs = new ArrayList<>();
        parts.maintenance().ifPresent(store -> {
            MaintenanceJobs maintenance = new MaintenanceJobs(store, clock);
            jobs.add(new Job("maintenance", parts.settings().maintenanceInterval(),
                    () -> Optional.of("deleted " + maintenance.runOnce())));
            jobs.addAll(contextJobs);
        });
        return new EventRuntime(parts, handler, clock, jobs);
    }

    /**
     * The in-memory outbox relays itself (woken on commit); the in-memory stores clean up after
     * themselves and find due reminders. Only where the builder holds those in-memory stores.
     */
    static void addInMemory(CoachKitBuilder b) {
        if (!(b.adapterOf(EventOutbox.class) instanceof InMemoryEventOutbox outbox)) {
            return;
        }
        if (!b.runtime.hasRelay()) {
            b.runtime.relay(outbox, outbox);
        }
        if (!b.runtime.hasScheduler() && b.adapterOf(RefreshTokenStore.class) instanceof InMemoryRefreshTokens refreshTokens
                && b.adapterOf(AccountTokenRepository.class) instanceof InMemoryAccountTokens accountTokens
                && b.adapterOf(ProcessedEvents.class) instanceof InMemoryProcessedEvents processed
                && b.adapterOf(IdempotencyStore.class) instanceof InMemoryIdempotencyKeys keys
                && b.adapterOf(SessionRepository.class) instanceof InMemorySessions sessions) {
            b.scheduler(new InMemoryMaintenance(refreshTokens, accountTokens, processed, outbox, keys), sessions);
        }
    }
}
