package dev.coachkit.application;

import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.shared.CheckReadinessService;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The CoachKit core, assembled from adapters: the entry point for any host that embeds it (the
 * REST server is one such host). Obtain one from {@link #builder()}, give it an adapter for every out
 * port, call {@link #start()}, use its use cases, and {@link #stop()} it when the host shuts down.
 *
 * <pre>{@code
 * CoachKit core = CoachKit.builder().withInMemoryAdapters().build();
 * core.start();
 * boolean ready = core.checkReadiness().check().ready();
 * core.stop();
 * }</pre>
 */
public final class CoachKit {

    private final Clock clock;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final EventOutbox eventOutbox;
    private final CheckReadinessUseCase checkReadiness;
    private final List<AutoCloseable> managed;
    private boolean running;

    private CoachKit(Builder builder) {
        this.clock = builder.clock;
        this.ids = builder.ids;
        this.unitOfWork = builder.unitOfWork;
        this.eventOutbox = builder.eventOutbox;
        this.checkReadiness = new CheckReadinessService(builder.probes);
        this.managed = List.copyOf(builder.managed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Marks the core as running; use cases may be called from now on. */
    public synchronized void start() {
        running = true;
    }

    /** Stops the core and closes the resources handed to {@link Builder#manage}, last registered first. */
    public synchronized void stop() {
        if (!running && managed.isEmpty()) {
            return;
        }
        running = false;
        Deque<AutoCloseable> closing = new ArrayDeque<>(managed);
        RuntimeException failure = null;
        while (!closing.isEmpty()) {
            try {
                closing.removeLast().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping CoachKit failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    public CheckReadinessUseCase checkReadiness() {
        return checkReadiness;
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public EventOutbox eventOutbox() {
        return eventOutbox;
    }

    /** Collects the adapters; {@link #build()} refuses to assemble a core with a port left open. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private IdGenerator ids = IdGenerator.random();
        private UnitOfWork unitOfWork;
        private EventOutbox eventOutbox;
        private final List<ReadinessProbe> probes = new ArrayList<>();
        private final List<AutoCloseable> managed = new ArrayList<>();

        private Builder() {}

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        public Builder unitOfWork(UnitOfWork unitOfWork) {
            this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
            return this;
        }

        public Builder eventOutbox(EventOutbox eventOutbox) {
            this.eventOutbox = Objects.requireNonNull(eventOutbox, "eventOutbox");
            return this;
        }

        /** Adds a dependency check to the readiness report. */
        public Builder readinessProbe(ReadinessProbe probe) {
            probes.add(Objects.requireNonNull(probe, "probe"));
            return this;
        }

        /** Hands a resource (pool, client, embedded server) to the core, which closes it on stop. */
        public Builder manage(AutoCloseable resource) {
            managed.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** Uses the in-memory adapter for every persistence port: for tests and embedding without a database. */
        public Builder withInMemoryAdapters() {
            InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
            return unitOfWork(memory).eventOutbox(new InMemoryEventOutbox(memory));
        }

        public CoachKit build() {
            List<String> missing = new ArrayList<>();
            if (unitOfWork == null) {
                missing.add("unitOfWork");
            }
            if (eventOutbox == null) {
                missing.add("eventOutbox");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CoachKit needs an adapter for " + String.join(", ", missing)
                        + " (or call withInMemoryAdapters())");
            }
            return new CoachKit(this);
        }
    }
}
