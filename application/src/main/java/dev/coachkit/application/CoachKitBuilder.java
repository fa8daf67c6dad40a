package dev.coachkit.application;

import dev.coachkit.application.admin.ExportSettings;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.events.port.out.EventSubscription;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.BundledBreachedPasswords;
import dev.coachkit.application.identity.IdentitySettings;
import dev.coachkit.application.identity.RandomSecureTokens;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.media.MediaSettings;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.payments.PaymentHoldSettings;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.realtime.RealtimeSettings;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.AfterAnswer;
import dev.coachkit.application.shared.AfterAnswerExecutor;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.PublicUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.ContentErasure;
import dev.coachkit.domain.shared.DomainEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Collects the adapters of the core's out ports (by port type), its settings, the bounded contexts to
 * assemble and the host's own event consumers; {@link #build()} refuses to assemble a core with a port
 * left open and names every such port. Named methods ({@link #unitOfWork}, {@link #identityStores}...)
 * are shorthands for {@link #adapter}.
 */
public final class CoachKitBuilder {

    private final Map<Class<?>, Object> adapters = new LinkedHashMap<>();
    private final Map<Class<?>, Object> settings = new HashMap<>();
    private final List<BoundedContext<?>> contexts = new ArrayList<>(CoachKit.standardContexts());
    private final List<EventConsumer<?>> hostConsumers = new ArrayList<>();
    final List<ReadinessProbe> probes = new ArrayList<>();
    final List<AutoCloseable> managed = new ArrayList<>();
    final EventRuntime.Parts runtime = new EventRuntime.Parts();

    CoachKitBuilder() {
        adapter(Clock.class, Clock.system());
        adapter(IdGenerator.class, IdGenerator.random());
        adapter(SecureTokens.class, new RandomSecureTokens());
        adapter(BreachedPasswords.class, BundledBreachedPasswords.instance());
    }

    /** Uses {@code adapter} for {@code port}, replacing any adapter given before. */
    public <P> CoachKitBuilder adapter(Class<P> port, P adapter) {
        adapters.put(Objects.requireNonNull(port, "port"), port.cast(Objects.requireNonNull(adapter, port.getSimpleName())));
        return this;
    }

    /** A setting a context reads (e.g. {@link MediaSettings}); contexts fall back on their defaults. */
    public <S> CoachKitBuilder setting(Class<S> type, S value) {
        settings.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(value, type.getSimpleName())));
        return this;
    }

    /** Adds a bounded context of the host's, assembled after the core's own; find its module with {@code CoachKit.module}. */
    public CoachKitBuilder context(BoundedContext<?> context) {
        contexts.add(Objects.requireNonNull(context, "context"));
        return this;
    }

    /**
     * Runs {@code handler} on every committed event of {@code type} (or of its subtypes), once per event,
     * in a unit of work of the event's tenant. The consumer is named after the type and the order of
     * registration; give it a name of its own with {@link #onEvent(String, Class, Consumer)} when the
     * registrations may change, since the name is what remembers which events it has handled.
     */
    public <E extends DomainEvent> CoachKitBuilder onEvent(Class<E> type, Consumer<? super E> handler) {
        return onEvent("host." + type.getSimpleName() + "." + (hostConsumers.size() + 1), type, handler);
    }

    /** As {@link #onEvent(Class, Consumer)}, under a stable {@code consumerName} of the host's. */
    public <E extends DomainEvent> CoachKitBuilder onEvent(String consumerName, Class<E> type,
            Consumer<? super E> handler) {
        hostConsumers.add(EventConsumer.of(consumerName, type, handler));
        return this;
    }

    public CoachKitBuilder clock(Clock clock) {
        return adapter(Clock.class, clock);
    }

    public CoachKitBuilder ids(IdGenerator ids) {
        return adapter(IdGenerator.class, ids);
    }

    public CoachKitBuilder secureTokens(SecureTokens secureTokens) {
        return adapter(SecureTokens.class, secureTokens);
    }

    public CoachKitBuilder identitySettings(IdentitySettings identitySettings) {
        return setting(IdentitySettings.class, identitySettings);
    }

    public CoachKitBuilder unitOfWork(UnitOfWork unitOfWork) {
        return adapter(UnitOfWork.class, unitOfWork);
    }

    public CoachKitBuilder eventOutbox(EventOutbox eventOutbox) {
        return adapter(EventOutbox.class, eventOutbox);
    }

    /** The identity stores of one persistence adapter family. */
    public CoachKitBuilder identityStores(AccountRepository accounts, TenantRepository tenants,
            MembershipRepository memberships, InvitationRepository invitations, RefreshTokenStore refreshTokens,
            AuditLog auditLog) {
        return adapter(AccountRepository.class, accounts).adapter(TenantRepository.class, tenants)
                .adapter(MembershipRepository.class, memberships).adapter(InvitationRepository.class, invitations)
                .adapter(RefreshTokenStore.class, refreshTokens).adapter(AuditLog.class, auditLog);
    }

    /** The password-reset and e-mail verification tokens, of the same adapter family as the identity stores. */
    public CoachKitBuilder accountTokens(AccountTokenRepository accountTokens) {
        return adapter(AccountTokenRepository.class, accountTokens);
    }

    /** The community stores (spaces, their members, posts, comments) of one persistence adapter family. */
    public CoachKitBuilder communityStores(SpaceRepository spaces, SpaceMemberRepository spaceMembers,
            PostRepository posts, CommentRepository comments) {
        return adapter(SpaceRepository.class, spaces).adapter(SpaceMemberRepository.class, spaceMembers)
                .adapter(PostRepository.class, posts).adapter(CommentRepository.class, comments);
    }

    /** The aggregate queries behind the organization's metrics, of the same adapter family as the stores. */
    public CoachKitBuilder tenantMetrics(TenantMetricsQuery tenantMetrics) {
        return adapter(TenantMetricsQuery.class, tenantMetrics);
    }

    /** What removes an erased member's data, of the same adapter family as the stores. */
    public CoachKitBuilder memberDataEraser(MemberDataEraser memberDataEraser) {
        return adapter(MemberDataEraser.class, memberDataEraser);
    }

    /** What erasing a member does to their posts and comments (default: anonymize them). */
    public CoachKitBuilder contentErasure(ContentErasure contentErasure) {
        return setting(ContentErasure.class, contentErasure);
    }

    /** Replaces the passwords nobody may set; by default the list shipped in this jar ({@link BundledBreachedPasswords}). */
    public CoachKitBuilder breachedPasswords(BreachedPasswords breachedPasswords) {
        return adapter(BreachedPasswords.class, breachedPasswords);
    }

    public CoachKitBuilder passwordHasher(PasswordHasher passwordHasher) {
        return adapter(PasswordHasher.class, passwordHasher);
    }

    public CoachKitBuilder accessTokens(AccessTokenService accessTokens) {
        return adapter(AccessTokenService.class, accessTokens);
    }

    public CoachKitBuilder tokenDenylist(TokenDenylist tokenDenylist) {
        return adapter(TokenDenylist.class, tokenDenylist);
    }

    public CoachKitBuilder rateLimiter(RateLimiter rateLimiter) {
        return adapter(RateLimiter.class, rateLimiter);
    }

    /** The consumer-side stores of one persistence adapter family. */
    public CoachKitBuilder eventStores(ProcessedEvents processedEvents, NotificationRepository notifications) {
        return adapter(ProcessedEvents.class, processedEvents).adapter(NotificationRepository.class, notifications);
    }

    /** The scheduling stores of one persistence adapter family. */
    public CoachKitBuilder schedulingStores(AvailabilityRepository availabilities, SessionRepository sessions,
            CalendarTokenRepository calendarTokens) {
        return adapter(AvailabilityRepository.class, availabilities).adapter(SessionRepository.class, sessions)
                .adapter(CalendarTokenRepository.class, calendarTokens);
    }

    /**
     * The payment stores of one persistence adapter family: packs, orders, the credit ledger, each tenant's
     * settings, the provider events applied, and the cross-tenant directory callbacks resolve orders with.
     */
    public CoachKitBuilder paymentStores(ProductRepository products, OrderRepository orders, CreditLedger ledger,
            PaymentSettingsRepository settings, ProcessedPaymentEvents processedEvents, PaymentDirectory directory) {
        return adapter(ProductRepository.class, products).adapter(OrderRepository.class, orders)
                .adapter(CreditLedger.class, ledger).adapter(PaymentSettingsRepository.class, settings)
                .adapter(ProcessedPaymentEvents.class, processedEvents).adapter(PaymentDirectory.class, directory);
    }

    /** Where money is taken (Stripe); by default the development provider, {@code LocalPaymentProvider}. */
    public CoachKitBuilder paymentProvider(PaymentProvider provider) {
        return adapter(PaymentProvider.class, provider);
    }

    /**
     * The scheduler's finder of unpaid holds and expired credit lots, of the worker's adapter family; the
     * payments expiry job runs where the process runs the scheduler.
     */
    public CoachKitBuilder paymentHousekeeping(PaymentHousekeeping housekeeping) {
        return adapter(PaymentHousekeeping.class, housekeeping);
    }

    /** How long a booking waiting for payment holds its slot (default 15 minutes). */
    public CoachKitBuilder paymentHold(Duration hold) {
        return setting(PaymentHoldSettings.class, new PaymentHoldSettings(hold));
    }

    /** Where notifications read their recipients' time zones: the accounts of one persistence adapter family. */
    public CoachKitBuilder recipientTimeZones(RecipientTimeZones recipientTimeZones) {
        return adapter(RecipientTimeZones.class, recipientTimeZones);
    }

    public CoachKitBuilder mailer(Mailer mailer) {
        return adapter(Mailer.class, mailer);
    }

    /** Where clients reach the API; links in e-mails start with it unless {@link #appUrl} says otherwise. */
    public CoachKitBuilder publicUrl(String publicUrl) {
        return setting(PublicUrl.class, new PublicUrl(publicUrl));
    }

    /**
     * Where people open the password-reset and e-mail verification links ({@code <appUrl>/reset-password?token=…},
     * {@code <appUrl>/verify-email?token=…}): the web app's address; by default the {@link #publicUrl}.
     */
    public CoachKitBuilder appUrl(String appUrl) {
        return setting(AppUrl.class, new AppUrl(appUrl));
    }

    /** The media store of one persistence adapter family. */
    public CoachKitBuilder mediaStores(MediaRepository mediaRepository) {
        return adapter(MediaRepository.class, mediaRepository);
    }

    /** Where media bytes live (S3, the local filesystem, memory). */
    public CoachKitBuilder blobStore(BlobStore blobStore) {
        return adapter(BlobStore.class, blobStore);
    }

    /** What reads uploaded content into metadata and thumbnails. */
    public CoachKitBuilder mediaProbe(MediaProbe mediaProbe) {
        return adapter(MediaProbe.class, mediaProbe);
    }

    /** Replaces who may see shared media; by default the readers of its space and of the posts carrying it. */
    public CoachKitBuilder mediaAudience(MediaAudience mediaAudience) {
        return adapter(MediaAudience.class, mediaAudience);
    }

    public CoachKitBuilder mediaSettings(MediaSettings mediaSettings) {
        return setting(MediaSettings.class, mediaSettings);
    }

    /** The GDPR export stores of one persistence adapter family: exports' progress and the data they read. */
    public CoachKitBuilder exportStores(DataExportRepository dataExports, TenantDataSource tenantData) {
        return adapter(DataExportRepository.class, dataExports).adapter(TenantDataSource.class, tenantData);
    }

    /** The real-time stores of one persistence adapter family: the feed of committed events and the tickets. */
    public CoachKitBuilder realtimeStores(EventFeed feed, RealtimeTicketStore tickets) {
        return adapter(EventFeed.class, feed).adapter(RealtimeTicketStore.class, tickets);
    }

    public CoachKitBuilder realtimeSettings(RealtimeSettings realtimeSettings) {
        return setting(RealtimeSettings.class, realtimeSettings);
    }

    public CoachKitBuilder exportSettings(ExportSettings exportSettings) {
        return setting(ExportSettings.class, exportSettings);
    }

    /** Where {@code Idempotency-Key}s and their stored responses live, of the same adapter family as the unit of work. */
    public CoachKitBuilder idempotencyStore(IdempotencyStore idempotencyStore) {
        return adapter(IdempotencyStore.class, idempotencyStore);
    }

    /** Adds a dependency check to the readiness report. */
    public CoachKitBuilder readinessProbe(ReadinessProbe probe) {
        probes.add(Objects.requireNonNull(probe, "probe"));
        return this;
    }

    /** Hands a resource (pool, client, embedded server) to the core, which closes it on stop. */
    public CoachKitBuilder manage(AutoCloseable resource) {
        managed.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /**
     * Where the core runs work after it has answered, such as the audit entry of a failed sign-in (whose
     * cost must not tell that an account exists). Default: one daemon thread of the core's own, stopped
     * with the core; a host may give its own executor (tests: one they run by hand).
     */
    public CoachKitBuilder afterAnswer(Executor executor) {
        return setting(AfterAnswer.class, new AfterAnswer(executor));
    }

    // ---- the event runtime: which background parts this process runs (see EventRuntime) ----

    /** Relays the outbox in this process: claims due events from {@code store}, woken by {@code signal} on commit. */
    public CoachKitBuilder relay(OutboxRelayStore store, OutboxSignal signal) {
        runtime.relay(store, signal);
        return this;
    }

    /** Where the relay publishes (a queue); by default it dispatches in-process to this core's consumers. */
    public CoachKitBuilder eventPublisher(EventPublisher publisher) {
        runtime.publisher(publisher);
        return this;
    }

    /** An inbound transport (a queue consumer) the runtime runs with this core's event handler. */
    public CoachKitBuilder eventSubscription(EventSubscription subscription) {
        runtime.subscription(subscription);
        return this;
    }

    /** Runs the scheduler in this process: maintenance and the contexts' jobs (expired uploads, session reminders). */
    public CoachKitBuilder scheduler(MaintenanceStore maintenance, DueReminders dueReminders) {
        runtime.scheduler(maintenance, dueReminders);
        return adapter(MaintenanceStore.class, maintenance).adapter(DueReminders.class, dueReminders);
    }

    /** The runtime's intervals, retry policy, executor and monitor (default: {@link RuntimeSettings#defaults()}). */
    public CoachKitBuilder runtimeSettings(RuntimeSettings settings) {
        runtime.settings(settings);
        return setting(RuntimeSettings.class, settings);
    }

    // ---- end of the event runtime ----

    /**
     * Uses the in-memory adapter for every port that has none yet: for tests and for embedding without
     * infrastructure. Call it last to keep the adapters given explicitly. Stores are added only on an
     * in-memory unit of work, since stores must share their unit's transactions; replace a store family
     * (e.g. all identity stores) together, as the in-memory readers across stores read their own family.
     */
    public CoachKitBuilder withInMemoryAdapters() {
        InMemoryAdapters.addMissing(this);
        EventRuntimeAssembly.addInMemory(this);
        return this;
    }

    public CoachKit build() {
        Set<Class<?>> required = new LinkedHashSet<>(CoachKit.KERNEL_PORTS);
        contexts.forEach(context -> required.addAll(context.ports()));
        List<String> missing = required.stream().filter(port -> !adapters.containsKey(port))
                .map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("CoachKit needs an adapter for " + String.join(", ", missing)
                    + " (or call withInMemoryAdapters())");
        }
        if (!settings.containsKey(AfterAnswer.class)) {
            AfterAnswerExecutor own = new AfterAnswerExecutor();
            manage(own);
            afterAnswer(own);
        }
        return new CoachKit(this);
    }

    boolean has(Class<?> port) {
        return adapters.containsKey(port);
    }

    <P> P adapterOf(Class<P> port) {
        return port.cast(adapters.get(port));
    }

    <S> S settingOf(Class<S> type, S defaultValue) {
        return type.cast(settings.getOrDefault(type, defaultValue));
    }

    List<BoundedContext<?>> contexts() {
        return List.copyOf(contexts);
    }

    List<EventConsumer<?>> hostConsumers() {
        return List.copyOf(hostConsumers);
    }
}
