package dev.coachkit.application;

import dev.coachkit.application.admin.AdminEventTypes;
import dev.coachkit.application.admin.AdminModule;
import dev.coachkit.application.admin.DataExportModule;
import dev.coachkit.application.community.CommunityEventTypes;
import dev.coachkit.application.community.CommunityModule;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.identity.IdentityEventTypes;
import dev.coachkit.application.identity.IdentityModule;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.media.MediaEventTypes;
import dev.coachkit.application.media.MediaModule;
import dev.coachkit.application.notification.CommentNotificationConsumer;
import dev.coachkit.application.notification.InvitationEmailConsumer;
import dev.coachkit.application.notification.ListNotificationsService;
import dev.coachkit.application.notification.MarkNotificationReadService;
import dev.coachkit.application.notification.PostNotificationConsumer;
import dev.coachkit.application.notification.SessionNotificationConsumer;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.notification.port.in.MarkNotificationReadUseCase;
import dev.coachkit.application.scheduling.SchedulingEventTypes;
import dev.coachkit.application.scheduling.SchedulingModule;
import dev.coachkit.application.shared.CheckReadinessService;
import dev.coachkit.application.shared.IdempotentRequestService;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CoachKit core, assembled from adapters: the entry point for any host that embeds it (the
 * REST server is one such host). Obtain one from {@link #builder()}, give it an adapter for every out
 * port, call {@link #start()}, use its use cases, and {@link #stop()} it when the host shuts down.
 *
 * <pre>{@code
 * CoachKit core = CoachKit.builder().withInMemoryAdapters().build();
 * core.start();
 * AuthResult session = core.identity().register().register(command);
 * core.stop();
 * }</pre>
 */
public final class CoachKit {

    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final EventOutbox eventOutbox;
    private final RateLimiter rateLimiter;
    private final CheckReadinessUseCase checkReadiness;
    private final IdentityModule identity;
    private final CommunityModule community;
    private final AdminModule admin;
    private final HandleEventUseCase handleEvent;
    private final ListNotificationsUseCase listNotifications;
    private final MarkNotificationReadUseCase markNotificationRead;
    private final MediaModule media;
    private final SchedulingModule scheduling;
    private final DataExportModule exports;
    private final IdempotentRequestUseCase idempotentRequests;
    private final List<AutoCloseable> managed;
    private final EventRuntime events;

    CoachKit(CoachKitBuilder builder) {
        EventTypes eventTypes = new EventTypes(Stream.of(IdentityEventTypes.all(), CommunityEventTypes.all(),
                MediaEventTypes.all(), SchedulingEventTypes.all(), AdminEventTypes.all())
                .flatMap(List::stream).toList());
        EventRecorder events = new EventRecorder(builder.eventOutbox, eventTypes, builder.ids);
        this.clock = builder.clock;
        this.unitOfWork = builder.unitOfWork;
        this.eventOutbox = builder.eventOutbox;
        this.rateLimiter = builder.rateLimiter;
        this.checkReadiness = new CheckReadinessService(builder.probes);
        this.identity = new IdentityModule(new IdentityModule.Ports(builder.unitOfWork, events,
                builder.accounts, builder.tenants, builder.memberships, builder.invitations, builder.refreshTokens,
                builder.auditLog, builder.passwordHasher, builder.accessTokens, builder.tokenDenylist,
                builder.rateLimiter, builder.secureTokens, builder.ids, builder.clock, builder.afterAnswer),
                builder.identitySettings);
        this.community = new CommunityModule(new CommunityModule.Ports(builder.unitOfWork, events,
                builder.spaces, builder.spaceMembers, builder.posts, builder.comments, builder.memberships,
                builder.mediaRepository, builder.auditLog, builder.ids, builder.clock));
        this.media = new MediaModule(new MediaModule.Ports(builder.unitOfWork, events,
                builder.mediaRepository, builder.blobStore, builder.mediaProbe,
                builder.mediaAudience != null ? builder.mediaAudience : community.mediaAudience(), builder.auditLog,
                builder.ids, builder.clock), builder.mediaSettings);
        this.scheduling = new SchedulingModule(new SchedulingModule.Ports(builder.unitOfWork, events,
                builder.availabilities, builder.sessions, builder.calendarTokens, builder.memberships,
                builder.spaces, builder.spaceMembers, builder.auditLog, builder.secureTokens, builder.ids,
                builder.clock));
        this.admin = new AdminModule(new AdminModule.Ports(builder.unitOfWork, events, builder.auditLog,
                builder.tenantMetrics, builder.memberships, builder.accounts, builder.sessions, scheduling.cancel(),
                builder.memberDataEraser, builder.tokenDenylist, builder.blobStore, builder.ids, builder.clock),
                new AdminModule.Settings(builder.contentErasure, builder.identitySettings.accessTokenTtl()));
        this.exports = new DataExportModule(new DataExportModule.Ports(builder.unitOfWork, events,
                builder.memberships, builder.dataExports, builder.tenantData, builder.blobStore, builder.auditLog,
                builder.ids, builder.clock), builder.exportSettings);
        this.handleEvent = new EventDispatcher(builder.unitOfWork, builder.processedEvents, eventTypes, List.of(
                new InvitationEmailConsumer(builder.mailer, builder.publicUrl),
                new PostNotificationConsumer(builder.spaces, builder.spaceMembers, builder.notifications, builder.ids),
                new CommentNotificationConsumer(builder.notifications, builder.ids), media.processor(),
                new SessionNotificationConsumer(builder.notifications, builder.ids, builder.clock),
                admin.erasedMediaCleanup(), exports.builder()));
        this.listNotifications = new ListNotificationsService(builder.unitOfWork, builder.notifications);
        this.markNotificationRead = new MarkNotificationReadService(builder.unitOfWork, builder.notifications,
                builder.clock);
        this.idempotentRequests = new IdempotentRequestService(builder.unitOfWork, builder.idempotencyStore,
                builder.ids, builder.clock, IdempotentRequestService.DEFAULT_RETENTION,
                IdempotentRequestService.DEFAULT_LEASE);
        this.managed = List.copyOf(builder.managed);
        this.events = EventRuntimeAssembly.assemble(builder.runtime, handleEvent, clock, media, scheduling);
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
     * {@link CoachKitBuilder#manage}, last registered first.
     */
    public synchronized void stop() {
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

    public CheckReadinessUseCase checkReadiness() {
        return checkReadiness;
    }

    /** Accounts, tenants, sessions, invitations and members. */
    public IdentityModule identity() {
        return identity;
    }

    /** What an organization's ADMINs do: the audit trail, metrics and erasure. */
    public AdminModule admin() {
        return admin;
    }

    /** Spaces, their members, posts, comments and the feed. */
    public CommunityModule community() {
        return community;
    }

    /** GDPR exports of a member's or the whole organization's data (ADMIN). */
    public DataExportModule exports() {
        return exports;
    }

    /** Delivers a published event to its consumers; transports (SQS, in-process) call it. */
    public HandleEventUseCase handleEvent() {
        return handleEvent;
    }

    /** Uploads, processing, playback and the cleanup of abandoned uploads. */
    public MediaModule media() {
        return media;
    }

    public ListNotificationsUseCase listNotifications() {
        return listNotifications;
    }

    public MarkNotificationReadUseCase markNotificationRead() {
        return markNotificationRead;
    }

    /** Weekly availability, openings, booking and cancelling sessions, the calendar feed and reminders. */
    public SchedulingModule scheduling() {
        return scheduling;
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
