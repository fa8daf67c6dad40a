package dev.coachkit.application;

import dev.coachkit.application.admin.AdminContext;
import dev.coachkit.application.admin.AdminModule;
import dev.coachkit.application.admin.DataExportContext;
import dev.coachkit.application.admin.DataExportModule;
import dev.coachkit.application.community.CommunityContext;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.IdentityContext;
import dev.coachkit.application.identity.IdentityModule;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.media.MediaContext;
import dev.coachkit.application.media.MediaModule;
import dev.coachkit.application.notification.NotificationContext;
import dev.coachkit.application.realtime.RealtimeContext;
import dev.coachkit.application.notification.NotificationModule;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.notification.port.in.MarkNotificationReadUseCase;
import dev.coachkit.application.payments.PaymentsContext;
import dev.coachkit.application.payments.PaymentsModule;
import dev.coachkit.application.scheduling.SchedulingContext;
import dev.coachkit.application.scheduling.SchedulingModule;
import dev.coachkit.application.shared.CheckReadinessService;
import dev.coachkit.application.shared.IdempotentRequestService;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The CoachKit core, assembled from adapters: the entry point for any host that embeds it (the REST
 * server is one such host). Obtain one from {@link #builder()}, give it an adapter for every out port
 * (or {@link CoachKitBuilder#withInMemoryAdapters()} for the rest), call {@link #start()} to run its
 * event runtime, use the modules of its bounded contexts, and {@link #stop()} it when the host shuts
 * down. docs/embedding.md walks through it.
 *
 * <pre>{@code
 * CoachKit core = CoachKit.builder().onEvent("welcome", PostCreated.class, handler).withInMemoryAdapters().build();
 * core.start();
 * AuthResult session = core.identity().register().register(command);
 * core.stop();
 * }</pre>
 */
public final class CoachKit {

    /** The ports of the core itself, beside those each context declares. */
    static final List<Class<?>> KERNEL_PORTS = List.of(UnitOfWork.class, EventOutbox.class, ProcessedEvents.class,
            IdempotencyStore.class, RateLimiter.class, IdGenerator.class, Clock.class);

    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final EventOutbox eventOutbox;
    private final RateLimiter rateLimiter;
    private final CheckReadinessUseCase checkReadiness;
    private final Map<Class<?>, Object> modules;
    private final HandleEventUseCase handleEvent;
    private final IdempotentRequestUseCase idempotentRequests;
    private final List<AutoCloseable> managed;
    private final EventRuntime events;
    private boolean stopped;

    CoachKit(CoachKitBuilder builder) {
        List<BoundedContext<?>> contexts = builder.contexts();
        EventTypes eventTypes = new EventTypes(contexts.stream().flatMap(context -> context.eventTypes().stream())
                .toList());
        this.clock = builder.adapterOf(Clock.class);
        this.unitOfWork = builder.adapterOf(UnitOfWork.class);
        this.eventOutbox = builder.adapterOf(EventOutbox.class);
        this.rateLimiter = builder.adapterOf(RateLimiter.class);
        IdGenerator ids = builder.adapterOf(IdGenerator.class);
        ContextAssembly assembly = new ContextAssembly(builder, new EventRecorder(eventOutbox, eventTypes, ids));
        contexts.forEach(assembly::assemble);
        this.modules = assembly.modules();
        List<EventConsumer<?>> consumers = new ArrayList<>(assembly.consumers());
        consumers.addAll(builder.hostConsumers());
        this.handleEvent = new EventDispatcher(unitOfWork, builder.adapterOf(ProcessedEvents.class), eventTypes,
                consumers);
        this.checkReadiness = new CheckReadinessService(builder.probes);
        this.idempotentRequests = new IdempotentRequestService(unitOfWork, builder.adapterOf(IdempotencyStore.class),
                ids, clock, IdempotentRequestService.DEFAULT_RETENTION, IdempotentRequestService.DEFAULT_LEASE);
        this.managed = List.copyOf(builder.managed);
        this.events = EventRuntimeAssembly.assemble(builder.runtime, handleEvent, clock, assembly.jobs());
    }

    /**
     * The core's own bounded contexts, in the order they are assembled (each may use those before it);
     * payments comes before scheduling, whose paid bookings it serves.
     */
    static List<BoundedContext<?>> standardContexts() {
        return List.of(new IdentityContext(), new CommunityContext(), new MediaContext(), new PaymentsContext(),
                new SchedulingContext(), new AdminContext(), new DataExportContext(), new NotificationContext(),
                new RealtimeContext());
    }

    public static CoachKitBuilder builder() {
        return new CoachKitBuilder();
    }

    /** Starts the event runtime: the relay, scheduler and subscriptions this core was given (see {@link #events()}). */
    public synchronized void start() {
        events.start();
    }

    /**
     * Stops the event runtime after the work in hand, then closes the resources handed to
     * {@link CoachKitBuilder#manage}, last registered first. Stopping again does nothing.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Deque<AutoCloseable> closing = new ArrayDeque<>(managed);
        closing.addLast(events::stop); // first: the loops may still use the managed resources
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

    /** The event runtime: started and stopped with the core; {@link EventRuntime#drain()} relays synchronously. */
    public EventRuntime events() {
        return events;
    }

    /** The module of a context, the core's own or one a host added with {@link CoachKitBuilder#context}. */
    public <M> M module(Class<M> moduleType) {
        Object module = modules.get(moduleType);
        if (module == null) {
            throw new IllegalArgumentException("no context of this core assembles " + moduleType.getSimpleName());
        }
        return moduleType.cast(module);
    }

    public CheckReadinessUseCase checkReadiness() {
        return checkReadiness;
    }

    /** Accounts, tenants, sessions, invitations and members. */
    public IdentityModule identity() {
        return module(IdentityModule.class);
    }

    /** What an organization's ADMINs do: the audit trail, metrics and erasure. */
    public AdminModule admin() {
        return module(AdminModule.class);
    }

    /** Spaces, their members, posts, comments and the feed. */
    public CommunityModule community() {
        return module(CommunityModule.class);
    }

    /** GDPR exports of a member's or the whole organization's data (ADMIN). */
    public DataExportModule exports() {
        return module(DataExportModule.class);
    }

    /** Delivers a published event to its consumers; transports (SQS, in-process) call it. */
    public HandleEventUseCase handleEvent() {
        return handleEvent;
    }

    /** Uploads, processing, playback and the cleanup of abandoned uploads. */
    public MediaModule media() {
        return module(MediaModule.class);
    }

    public ListNotificationsUseCase listNotifications() {
        return module(NotificationModule.class).list();
    }

    public MarkNotificationReadUseCase markNotificationRead() {
        return module(NotificationModule.class).markRead();
    }

    /** Session packs, orders, credits, refunds and the payment provider's callbacks. */
    public PaymentsModule payments() {
        return module(PaymentsModule.class);
    }

    /** Weekly availability, openings, booking and cancelling sessions, the calendar feed and reminders. */
    public SchedulingModule scheduling() {
        return module(SchedulingModule.class);
    }

    /** Runs a host's request at most once per client-chosen {@code Idempotency-Key}, replaying its response. */
    public IdempotentRequestUseCase idempotentRequests() {
        return idempotentRequests;
    }

    /** The limiter hosts apply to incoming requests (per client, account and tenant). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public Clock clock() {
        return clock;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public EventOutbox eventOutbox() {
        return eventOutbox;
    }
}
