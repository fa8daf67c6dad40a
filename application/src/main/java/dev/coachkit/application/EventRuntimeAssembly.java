package dev.coachkit.application;

import dev.coachkit.application.events.EventRuntime.Job;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.MaintenanceJobs;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.media.MediaModule;
import dev.coachkit.application.media.port.in.CleanUpExpiredUploadsUseCase;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryIdempotencyKeys;
import dev.coachkit.application.memory.InMemoryMaintenance;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemorySessions;
import dev.coachkit.application.scheduling.SchedulingModule;
import dev.coachkit.application.scheduling.SessionReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the core's {@link EventRuntime} from the parts its builder collected, with the scheduler's
 * jobs taken from the modules; and gives an in-memory builder the in-memory relay and scheduler stores.
 */
final class EventRuntimeAssembly {

    private EventRuntimeAssembly() {}

    static EventRuntime assemble(EventRuntime.Parts parts, HandleEventUseCase handler, Clock clock, MediaModule media,
            SchedulingModule scheduling) {
        List<Job> jobs = new ArrayList<>();
        RuntimeSettings settings = parts.settings();
        parts.maintenance().ifPresent(store -> {
            MaintenanceJobs maintenance = new MaintenanceJobs(store, clock);
            jobs.add(new Job("maintenance", settings.maintenanceInterval(),
                    () -> Optional.of("deleted " + maintenance.runOnce())));
            CleanUpExpiredUploadsUseCase uploads = media.cleanUpExpiredUploads();
            jobs.add(new Job("expired upload cleanup", settings.maintenanceInterval(), () -> {
                CleanUpExpiredUploadsUseCase.Sweep sweep = uploads.cleanUpExpiredUploads();
                return sweep.discardedUploads() > 0 || sweep.failedProcessing() > 0
                        ? Optional.of("discarded " + sweep.discardedUploads() + " expired media uploads, failed "
                                + sweep.failedProcessing() + " stalled in processing")
                        : Optional.empty();
            }));
        });
        parts.dueReminders().ifPresent(due -> {
            SessionReminders reminders = scheduling.reminders(due, settings.reminderOffsets());
            jobs.add(new Job("session reminders", settings.reminderInterval(), () -> {
                int sent = reminders.runOnce();
                return sent > 0 ? Optional.of("recorded " + sent + " session reminder(s)") : Optional.empty();
            }));
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
                && b.adapterOf(ProcessedEvents.class) instanceof InMemoryProcessedEvents processed
                && b.adapterOf(IdempotencyStore.class) instanceof InMemoryIdempotencyKeys keys
                && b.adapterOf(SessionRepository.class) instanceof InMemorySessions sessions) {
            b.runtime.scheduler(new InMemoryMaintenance(refreshTokens, processed, outbox, keys), sessions);
        }
    }
}
