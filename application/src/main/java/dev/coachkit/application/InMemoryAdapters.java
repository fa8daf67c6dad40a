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
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.memory.InMemoryAccessTokens;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryAvailabilities;
import dev.coachkit.application.memory.InMemoryBlobStore;
import dev.coachkit.application.memory.InMemoryCalendarTokens;
import dev.coachkit.application.memory.InMemoryComments;
import dev.coachkit.application.memory.InMemoryCreditLedger;
import dev.coachkit.application.memory.InMemoryDataExports;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryIdempotencyKeys;
import dev.coachkit.application.memory.InMemoryAccountTokens;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.memory.InMemoryAnnotations;
import dev.coachkit.application.memory.InMemoryMedia;
import dev.coachkit.application.memory.InMemoryMediaProbe;
import dev.coachkit.application.memory.InMemoryMemberDataEraser;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryOrders;
import dev.coachkit.application.memory.InMemoryPasswordHasher;
import dev.coachkit.application.memory.InMemoryPaymentDirectory;
import dev.coachkit.application.memory.InMemoryPaymentHousekeeping;
import dev.coachkit.application.memory.InMemoryPaymentSettings;
import dev.coachkit.application.memory.InMemoryPosts;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryProcessedPaymentEvents;
import dev.coachkit.application.memory.InMemoryProducts;
import dev.coachkit.application.memory.InMemoryRecipientTimeZones;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.application.memory.InMemoryRealtimeTickets;
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
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gives a builder the in-memory adapter of every port it lacks. The stores (and the readers across
 * them: metrics, export, erasure) form one family on one in-memory unit of work, added only where the
 * builder's unit of work is that in-memory one, since stores must share their unit's transactions. The
 * family reuses the in-memory stores the host gave; an in-memory store that reads another is not
 * added next to a host's own store of that other port (see {@link Family}).
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
            new Family(memory, clock, builder).addMissingTo();
        }
        addMissing(builder, Mailer.class, new InMemoryMailer());
        addMissing(builder, PasswordHasher.class, new InMemoryPasswordHasher());
        addMissing(builder, AccessTokenService.class, new InMemoryAccessTokens(clock));
        addMissing(builder, TokenDenylist.class, new InMemoryTokenDenylist(clock));
        addMissing(builder, RateLimiter.class, new InMemoryRateLimiter(clock));
        addMissing(builder, BlobStore.class, new InMemoryBlobStore(clock));
        addMissing(builder, MediaProbe.class, new InMemoryMediaProbe());
        addMissing(builder, RealtimeTicketStore.class, new InMemoryRealtimeTickets());
    }

    private static <P> void addMissing(CoachKitBuilder builder, Class<P> port, P adapter) {
        if (!builder.has(port)) {
            builder.adapter(port, adapter);
        }
    }

    /**
     * Every in-memory store on one unit of work, wired to each other as the readers across them need.
     * A store that reads another in-memory store (spaces read their members, posts their spaces, the
     * metrics, export and erasure readers nearly everything) is added only when the builder uses this
     * family's twin of each store it reads: an in-memory reader cannot see a host's own store, so it is
     * left open for {@code build()} to name rather than added to answer from an empty twin.
     */
    private static final class Family {
        private final CoachKitBuilder builder;
        private final InMemoryUnitOfWork memory;
        private final InMemoryAccounts accounts;
        /** The host's accounts or this family's: readers that go through the port can use either. */
        private final AccountRepository anyAccounts;
        private final InMemoryTenants tenants;
        private final InMemoryMemberships memberships;
        private final InMemoryInvitations invitations;
        private final InMemoryAccountTokens accountTokens;
        private final InMemoryRefreshTokens refreshTokens;
        private final InMemoryAuditLog auditLog;
        private final InMemorySpaceMembers spaceMembers;
        private final InMemorySpaces spaces;
        private final InMemoryPosts posts;
        private final InMemoryMedia media;
        private final InMemoryAnnotations annotations;
        private final InMemoryAvailabilities availabilities;
        private final InMemorySessions sessions;
        private final InMemoryCalendarTokens calendarTokens;
        private final InMemoryNotifications notifications;
        private final InMemoryProcessedEvents processedEvents;
        private final InMemoryIdempotencyKeys idempotencyKeys;
        private final InMemoryEventOutbox outbox;
        private final InMemoryOrders orders;
        private final InMemoryCreditLedger ledger;
        private final InMemoryPaymentSettings paymentSettings;

        Family(InMemoryUnitOfWork memory, Clock clock, CoachKitBuilder builder) {
            this.builder = builder;
            this.memory = memory;
            this.accounts = reuse(AccountRepository.class, InMemoryAccounts.class, () -> new InMemoryAccounts(memory));
            this.tenants = reuse(TenantRepository.class, InMemoryTenants.class, () -> new InMemoryTenants(memory));
            this.anyAccounts = builder.has(AccountRepository.class)
                    ? builder.adapterOf(AccountRepository.class) : accounts;
            this.memberships = reuse(MembershipRepository.class, InMemoryMemberships.class,
                    () -> new InMemoryMemberships(memory, anyAccounts, tenants));
            this.invitations = reuse(InvitationRepository.class, InMemoryInvitations.class,
                    () -> new InMemoryInvitations(memory));
            this.accountTokens = reuse(AccountTokenRepository.class, InMemoryAccountTokens.class,
                    () -> new InMemoryAccountTokens(memory));
            this.refreshTokens = reuse(RefreshTokenStore.class, InMemoryRefreshTokens.class, InMemoryRefreshTokens::new);
            this.auditLog = reuse(AuditLog.class, InMemoryAuditLog.class, () -> new InMemoryAuditLog(memory));
            this.spaceMembers = reuse(SpaceMemberRepository.class, InMemorySpaceMembers.class,
                    () -> new InMemorySpaceMembers(memory));
            this.spaces = reuse(SpaceRepository.class, InMemorySpaces.class, () -> new InMemorySpaces(memory, spaceMembers));
            this.posts = reuse(PostRepository.class, InMemoryPosts.class, () -> new InMemoryPosts(memory, spaces));
            this.media = reuse(MediaRepository.class, InMemoryMedia.class, () -> new InMemoryMedia(memory));
            this.annotations = reuse(AnnotationRepository.class, InMemoryAnnotations.class,
                    () -> new InMemoryAnnotations(memory, media));
            this.availabilities = reuse(AvailabilityRepository.class, InMemoryAvailabilities.class,
                    () -> new InMemoryAvailabilities(memory));
            this.sessions = reuse(SessionRepository.class, InMemorySessions.class, () -> new InMemorySessions(memory));
            this.calendarTokens = reuse(CalendarTokenRepository.class, InMemoryCalendarTokens.class,
                    () -> new InMemoryCalendarTokens(memory));
            this.notifications = reuse(NotificationRepository.class, InMemoryNotifications.class,
                    () -> new InMemoryNotifications(memory));
            this.processedEvents = reuse(ProcessedEvents.class, InMemoryProcessedEvents.class,
                    () -> new InMemoryProcessedEvents(memory, clock));
            this.idempotencyKeys = reuse(IdempotencyStore.class, InMemoryIdempotencyKeys.class,
                    () -> new InMemoryIdempotencyKeys(memory));
            this.outbox = reuse(EventOutbox.class, InMemoryEventOutbox.class, () -> new InMemoryEventOutbox(memory, clock));
            this.orders = reuse(OrderRepository.class, InMemoryOrders.class, () -> new InMemoryOrders(memory));
            this.ledger = reuse(CreditLedger.class, InMemoryCreditLedger.class, () -> new InMemoryCreditLedger(memory));
            this.paymentSettings = reuse(PaymentSettingsRepository.class, InMemoryPaymentSettings.class,
                    () -> new InMemoryPaymentSettings(memory));
        }

        /** The store the host gave when it is this family's in-memory kind, so the readers see its data. */
        private <P, M extends P> M reuse(Class<P> port, Class<M> inMemory, Supplier<M> created) {
            P adapter = builder.adapterOf(port);
            return inMemory.isInstance(adapter) ? inMemory.cast(adapter) : created.get();
        }

        void addMissingTo() {
            add(EventOutbox.class, outbox);
            add(AccountRepository.class, accounts);
            add(TenantRepository.class, tenants);
            add(InvitationRepository.class, invitations);
            add(AccountTokenRepository.class, accountTokens);
            add(RefreshTokenStore.class, refreshTokens);
            add(AuditLog.class, auditLog);
            add(SpaceMemberRepository.class, spaceMembers);
            add(MediaRepository.class, media);
            add(AnnotationRepository.class, annotations);
            add(AvailabilityRepository.class, availabilities);
            add(SessionRepository.class, sessions);
            add(CalendarTokenRepository.class, calendarTokens);
            add(NotificationRepository.class, notifications);
            add(ProcessedEvents.class, processedEvents);
            add(IdempotencyStore.class, idempotencyKeys);
            add(ProductRepository.class, new InMemoryProducts(memory));
            add(OrderRepository.class, orders);
            add(CreditLedger.class, ledger);
            add(PaymentSettingsRepository.class, paymentSettings);
            add(ProcessedPaymentEvents.class, new InMemoryProcessedPaymentEvents(memory));
            add(DataExportRepository.class, new InMemoryDataExports(memory));
            add(RecipientTimeZones.class, new InMemoryRecipientTimeZones(anyAccounts));
            addReading(MembershipRepository.class, memberships, TenantRepository.class);
            addReading(SpaceRepository.class, spaces, SpaceMemberRepository.class);
            addReading(PostRepository.class, posts, SpaceRepository.class);
            addReading(CommentRepository.class, new InMemoryComments(posts), PostRepository.class);
            // the feed is the outbox's own committed events, so it is only the outbox's twin
            addReading(EventFeed.class, outbox, EventOutbox.class);
            addReading(PaymentDirectory.class, new InMemoryPaymentDirectory(orders, paymentSettings),
                    OrderRepository.class, PaymentSettingsRepository.class);
            addReading(PaymentHousekeeping.class, new InMemoryPaymentHousekeeping(sessions, ledger),
                    SessionRepository.class, CreditLedger.class);
            addReading(TenantMetricsQuery.class, new InMemoryTenantMetrics(memberships, spaces, posts, sessions, media,
                    outbox), MembershipRepository.class, SpaceRepository.class, PostRepository.class,
                    SessionRepository.class, MediaRepository.class, EventOutbox.class);
            addReading(TenantDataSource.class, new InMemoryTenantData(new InMemoryTenantData.Stores(accounts,
                    memberships, spaces, spaceMembers, posts, sessions, availabilities, notifications, media,
                    refreshTokens, orders, ledger, annotations)),
                    AccountRepository.class, MembershipRepository.class, SpaceRepository.class,
                    SpaceMemberRepository.class, PostRepository.class, SessionRepository.class,
                    AvailabilityRepository.class, NotificationRepository.class, MediaRepository.class,
                    RefreshTokenStore.class, OrderRepository.class, CreditLedger.class, AnnotationRepository.class);
            addReading(MemberDataEraser.class, new InMemoryMemberDataEraser(new InMemoryMemberDataEraser.Stores(memory,
                    accounts, memberships, invitations, refreshTokens, spaceMembers, posts, availabilities,
                    calendarTokens, notifications, media, outbox, idempotencyKeys, accountTokens, orders, annotations)),
                    AccountRepository.class, MembershipRepository.class, InvitationRepository.class, RefreshTokenStore.class,
                    SpaceMemberRepository.class, PostRepository.class, AvailabilityRepository.class,
                    CalendarTokenRepository.class, NotificationRepository.class, MediaRepository.class,
                    EventOutbox.class, IdempotencyStore.class, AccountTokenRepository.class, OrderRepository.class,
                    AnnotationRepository.class);
        }

        private <P> void add(Class<P> port, P twin) {
            addMissing(builder, port, twin);
        }

        /** Adds {@code reader} only where the builder uses this family's twin of every port it reads. */
        private <P> void addReading(Class<P> port, P reader, Class<?>... reads) {
            Map<Class<?>, Object> twins = twins();
            for (Class<?> read : reads) {
                if (builder.adapterOf(read) != twins.get(read)) {
                    return;
                }
            }
            add(port, reader);
        }

        private Map<Class<?>, Object> twins() {
            Map<Class<?>, Object> twins = new HashMap<>();
            twins.put(EventOutbox.class, outbox);
            twins.put(AccountRepository.class, accounts);
            twins.put(TenantRepository.class, tenants);
            twins.put(MembershipRepository.class, memberships);
            twins.put(InvitationRepository.class, invitations);
            twins.put(AccountTokenRepository.class, accountTokens);
            twins.put(RefreshTokenStore.class, refreshTokens);
            twins.put(SpaceMemberRepository.class, spaceMembers);
            twins.put(SpaceRepository.class, spaces);
            twins.put(PostRepository.class, posts);
            twins.put(MediaRepository.class, media);
            twins.put(AnnotationRepository.class, annotations);
            twins.put(AvailabilityRepository.class, availabilities);
            twins.put(SessionRepository.class, sessions);
            twins.put(CalendarTokenRepository.class, calendarTokens);
            twins.put(NotificationRepository.class, notifications);
            twins.put(IdempotencyStore.class, idempotencyKeys);
            twins.put(OrderRepository.class, orders);
            twins.put(CreditLedger.class, ledger);
            twins.put(PaymentSettingsRepository.class, paymentSettings);
            return twins;
        }
    }
}
