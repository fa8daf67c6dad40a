package dev.coachkit.application;

import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.memory.InMemoryAccessTokens;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryAvailabilities;
import dev.coachkit.application.memory.InMemoryBlobStore;
import dev.coachkit.application.memory.InMemoryCalendarTokens;
import dev.coachkit.application.memory.InMemoryComments;
import dev.coachkit.application.memory.InMemoryDataExports;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryIdempotencyKeys;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryMediaProbe;
import dev.coachkit.application.memory.InMemoryMemberDataEraser;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryPasswordHasher;
import dev.coachkit.application.memory.InMemoryPosts;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemorySessions;
import dev.coachkit.application.memory.InMemorySpaceMembers;
import dev.coachkit.application.memory.InMemorySpaces;
import dev.coachkit.application.memory.InMemoryTenantData;
import dev.coachkit.application.memory.InMemoryTenantMetrics;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryTokenDenylist;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.function.Supplier;

/**
 * Gives a builder the in-memory adapter of every port it lacks. The stores (and the readers across
 * them: metrics, export, erasure) form one family on one in-memory unit of work, added only where the
 * builder's unit of work is that in-memory one, since stores must share their unit's transactions. The
 * family reuses the in-memory stores the host gave; a store of another kind replaces its in-memory twin
 * for the use cases, while the readers across stores keep reading the twin.
 */
final class InMemoryAdapters {

    private InMemoryAdapters() {}

    static void addMissing(CoachKitBuilder builder) {
        Clock clock = builder.adapterOf(Clock.class);
        if (!builder.has(UnitOfWork.class)) {
            InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
            builder.unitOfWork(memory);
            if (!builder.has(EventOutbox.class)) {
                builder.eventOutbox(new InMemoryEventOutbox(memory, clock));
            }
        }
        if (builder.adapterOf(UnitOfWork.class) instanceof InMemoryUnitOfWork memory) {
            new Family(memory, clock, builder).addMissingTo(builder);
        }
        addMissing(builder, Mailer.class, new InMemoryMailer());
        addMissing(builder, PasswordHasher.class, new InMemoryPasswordHasher());
        addMissing(builder, AccessTokenService.class, new InMemoryAccessTokens(clock));
        addMissing(builder, TokenDenylist.class, new InMemoryTokenDenylist(clock));
        addMissing(builder, RateLimiter.class, new InMemoryRateLimiter(clock));
        addMissing(builder, BlobStore.class, new InMemoryBlobStore(clock));
        addMissing(builder, MediaProbe.class, new InMemoryMediaProbe());
    }

    private static <P> void addMissing(CoachKitBuilder builder, Class<P> port, P adapter) {
        if (!builder.has(port)) {
            builder.adapter(port, adapter);
        }
    }

    /** Every in-memory store on one unit of work, wired to each other as the readers across them need. */
    private static final class Family {
        private final InMemoryUnitOfWork memory;
        private final InMemoryAccounts accounts;
        private final InMemoryTenants tenants;
        private final InMemoryMemberships memberships;
        private final InMemoryInvitations invitations;
        private final InMemoryRefreshTokens refreshTokens;
        private final InMemoryAuditLog auditLog;
        private final InMemorySpaceMembers spaceMembers;
        private final InMemorySpaces spaces;
        private final InMemoryPosts posts;
        private final InMemoryMedia media;
        private final InMemoryAvailabilities availabilities;
        private final InMemorySessions sessions;
        private final InMemoryCalendarTokens calendarTokens;
        private final InMemoryNotifications notifications;
        private final InMemoryProcessedEvents processedEvents;
        private final InMemoryIdempotencyKeys idempotencyKeys;
        private final InMemoryEventOutbox outbox;

        Family(InMemoryUnitOfWork memory, Clock clock, CoachKitBuilder given) {
            this.memory = memory;
            this.accounts = reuse(given, AccountRepository.class, InMemoryAccounts.class, () -> new InMemoryAccounts(memory));
            this.tenants = reuse(given, TenantRepository.class, InMemoryTenants.class, () -> new InMemoryTenants(memory));
            this.memberships = reuse(given, MembershipRepository.class, InMemoryMemberships.class,
                    () -> new InMemoryMemberships(memory, accounts, tenants));
            this.invitations = reuse(given, InvitationRepository.class, InMemoryInvitations.class,
                    () -> new InMemoryInvitations(memory));
            this.refreshTokens = reuse(given, RefreshTokenStore.class, InMemoryRefreshTokens.class,
                    InMemoryRefreshTokens::new);
            this.auditLog = reuse(given, AuditLog.class, InMemoryAuditLog.class, () -> new InMemoryAuditLog(memory));
            this.spaceMembers = reuse(given, SpaceMemberRepository.class, InMemorySpaceMembers.class,
                    () -> new InMemorySpaceMembers(memory));
            this.spaces = reuse(given, SpaceRepository.class, InMemorySpaces.class,
                    () -> new InMemorySpaces(memory, spaceMembers));
            this.posts = reuse(given, PostRepository.class, InMemoryPosts.class, () -> new InMemoryPosts(memory, spaces));
            this.media = reuse(given, MediaRepository.class, InMemoryMedia.class, () -> new InMemoryMedia(memory));
            this.availabilities = reuse(given, AvailabilityRepository.class, InMemoryAvailabilities.class,
                    () -> new InMemoryAvailabilities(memory));
            this.sessions = reuse(given, SessionRepository.class, InMemorySessions.class,
                    () -> new InMemorySessions(memory));
            this.calendarTokens = reuse(given, CalendarTokenRepository.class, InMemoryCalendarTokens.class,
                    () -> new InMemoryCalendarTokens(memory));
            this.notifications = reuse(given, NotificationRepository.class, InMemoryNotifications.class,
                    () -> new InMemoryNotifications(memory));
            this.processedEvents = reuse(given, ProcessedEvents.class, InMemoryProcessedEvents.class,
                    () -> new InMemoryProcessedEvents(memory, clock));
            this.idempotencyKeys = reuse(given, IdempotencyStore.class, InMemoryIdempotencyKeys.class,
                    () -> new InMemoryIdempotencyKeys(memory));
            this.outbox = reuse(given, EventOutbox.class, InMemoryEventOutbox.class,
                    () -> new InMemoryEventOutbox(memory, clock));
        }

        /** The store the host gave when it is this family's in-memory kind, so the readers see its data. */
        private static <P, M extends P> M reuse(CoachKitBuilder given, Class<P> port, Class<M> inMemory,
                Supplier<M> created) {
            P adapter = given.adapterOf(port);
            return inMemory.isInstance(adapter) ? inMemory.cast(adapter) : created.get();
        }

        void addMissingTo(CoachKitBuilder builder) {
            addMissing(builder, EventOutbox.class, outbox);
            addMissing(builder, AccountRepository.class, accounts);
            addMissing(builder, TenantRepository.class, tenants);
            addMissing(builder, MembershipRepository.class, memberships);
            addMissing(builder, InvitationRepository.class, invitations);
            addMissing(builder, RefreshTokenStore.class, refreshTokens);
            addMissing(builder, AuditLog.class, auditLog);
            addMissing(builder, SpaceRepository.class, spaces);
            addMissing(builder, SpaceMemberRepository.class, spaceMembers);
            addMissing(builder, PostRepository.class, posts);
            addMissing(builder, CommentRepository.class, new InMemoryComments(posts));
            addMissing(builder, MediaRepository.class, media);
            addMissing(builder, AvailabilityRepository.class, availabilities);
            addMissing(builder, SessionRepository.class, sessions);
            addMissing(builder, CalendarTokenRepository.class, calendarTokens);
            addMissing(builder, NotificationRepository.class, notifications);
            addMissing(builder, ProcessedEvents.class, processedEvents);
            addMissing(builder, IdempotencyStore.class, idempotencyKeys);
            addMissing(builder, DataExportRepository.class, new InMemoryDataExports(memory));
            addMissing(builder, TenantMetricsQuery.class,
                    new InMemoryTenantMetrics(memberships, spaces, posts, sessions, media, outbox));
            addMissing(builder, TenantDataSource.class, new InMemoryTenantData(new InMemoryTenantData.Stores(
                    accounts, memberships, spaces, spaceMembers, posts, sessions, availabilities, notifications,
                    media)));
            addMissing(builder, MemberDataEraser.class, new InMemoryMemberDataEraser(new InMemoryMemberDataEraser.Stores(
                    memory, accounts, memberships, invitations, refreshTokens, spaceMembers, posts, availabilities,
                    calendarTokens, notifications, media, outbox, idempotencyKeys)));
        }
    }
}
