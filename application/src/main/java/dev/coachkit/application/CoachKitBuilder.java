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
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.events.port.out.EventSubscription;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.IdentitySettings;
import dev.coachkit.application.identity.RandomSecureTokens;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.AccountRepository;
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
import dev.coachkit.application.memory.InMemoryAccessTokens;
import dev.coachkit.application.memory.InMemoryBlobStore;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.memory.InMemoryMediaProbe;
import dev.coachkit.application.memory.InMemoryPasswordHasher;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.application.memory.InMemoryTokenDenylist;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.AfterAnswerExecutor;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.ContentErasure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Collects the adapters; {@link #build()} refuses to assemble a core with a port left open. */
public final class CoachKitBuilder {
    Clock clock = Clock.system();
    IdGenerator ids = IdGenerator.random();
    SecureTokens secureTokens = new RandomSecureTokens();
    IdentitySettings identitySettings = IdentitySettings.defaults();
    UnitOfWork unitOfWork;
    EventOutbox eventOutbox;
    AccountRepository accounts;
    TenantRepository tenants;
    MembershipRepository memberships;
    InvitationRepository invitations;
    RefreshTokenStore refreshTokens;
    AuditLog auditLog;
    PasswordHasher passwordHasher;
    AccessTokenService accessTokens;
    TokenDenylist tokenDenylist;
    RateLimiter rateLimiter;
    SpaceRepository spaces;
    SpaceMemberRepository spaceMembers;
    PostRepository posts;
    CommentRepository comments;
    ProcessedEvents processedEvents;
    TenantMetricsQuery tenantMetrics;
    MemberDataEraser memberDataEraser;
    ContentErasure contentErasure = ContentErasure.ANONYMIZE;
    NotificationRepository notifications;
    Mailer mailer;
    AvailabilityRepository availabilities;
    SessionRepository sessions;
    CalendarTokenRepository calendarTokens;
    String publicUrl = "http://localhost:8080";
    MediaRepository mediaRepository;
    BlobStore blobStore;
    MediaProbe mediaProbe;
    MediaAudience mediaAudience;
    MediaSettings mediaSettings = MediaSettings.defaults();
    DataExportRepository dataExports;
    TenantDataSource tenantData;
    ExportSettings exportSettings = ExportSettings.defaults();
    IdempotencyStore idempotencyStore;
    Executor afterAnswer;
    final List<ReadinessProbe> probes = new ArrayList<>();
    final List<AutoCloseable> managed = new ArrayList<>();

    CoachKitBuilder() {}

    public CoachKitBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public CoachKitBuilder ids(IdGenerator ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
        return this;
    }

    public CoachKitBuilder secureTokens(SecureTokens secureTokens) {
        this.secureTokens = Objects.requireNonNull(secureTokens, "secureTokens");
        return this;
    }

    public CoachKitBuilder identitySettings(IdentitySettings identitySettings) {
        this.identitySettings = Objects.requireNonNull(identitySettings, "identitySettings");
        return this;
    }

    public CoachKitBuilder unitOfWork(UnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        return this;
    }

    public CoachKitBuilder eventOutbox(EventOutbox eventOutbox) {
        this.eventOutbox = Objects.requireNonNull(eventOutbox, "eventOutbox");
        return this;
    }

    /** The identity stores of one persistence adapter family. */
    public CoachKitBuilder identityStores(AccountRepository accounts, TenantRepository tenants,
            MembershipRepository memberships, InvitationRepository invitations, RefreshTokenStore refreshTokens,
            AuditLog auditLog) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.invitations = Objects.requireNonNull(invitations, "invitations");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        return this;
    }

    /** The community stores (spaces, their members, posts, comments) of one persistence adapter family. */
    public CoachKitBuilder communityStores(SpaceRepository spaces, SpaceMemberRepository spaceMembers,
            PostRepository posts, CommentRepository comments) {
        this.spaces = Objects.requireNonNull(spaces, "spaces");
        this.spaceMembers = Objects.requireNonNull(spaceMembers, "spaceMembers");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.comments = Objects.requireNonNull(comments, "comments");
        return this;
    }

    /** The aggregate queries behind the organization's metrics, of the same adapter family as the stores. */
    public CoachKitBuilder tenantMetrics(TenantMetricsQuery tenantMetrics) {
        this.tenantMetrics = Objects.requireNonNull(tenantMetrics, "tenantMetrics");
        return this;
    }

    /** What removes an erased member's data, of the same adapter family as the stores. */
    public CoachKitBuilder memberDataEraser(MemberDataEraser memberDataEraser) {
        this.memberDataEraser = Objects.requireNonNull(memberDataEraser, "memberDataEraser");
        return this;
    }

    /** What erasing a member does to their posts and comments (default: anonymize them). */
    public CoachKitBuilder contentErasure(ContentErasure contentErasure) {
        this.contentErasure = Objects.requireNonNull(contentErasure, "contentErasure");
        return this;
    }

    public CoachKitBuilder passwordHasher(PasswordHasher passwordHasher) {
        this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
        return this;
    }

    public CoachKitBuilder accessTokens(AccessTokenService accessTokens) {
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        return this;
    }

    public CoachKitBuilder tokenDenylist(TokenDenylist tokenDenylist) {
        this.tokenDenylist = Objects.requireNonNull(tokenDenylist, "tokenDenylist");
        return this;
    }

    public CoachKitBuilder rateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        return this;
    }

    /** The consumer-side stores of one persistence adapter family. */
    public CoachKitBuilder eventStores(ProcessedEvents processedEvents, NotificationRepository notifications) {
        this.processedEvents = Objects.requireNonNull(processedEvents, "processedEvents");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        return this;
    }

    /** The scheduling stores of one persistence adapter family. */
    public CoachKitBuilder schedulingStores(AvailabilityRepository availabilities, SessionRepository sessions,
            CalendarTokenRepository calendarTokens) {
        this.availabilities = Objects.requireNonNull(availabilities, "availabilities");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.calendarTokens = Objects.requireNonNull(calendarTokens, "calendarTokens");
        return this;
    }

    public CoachKitBuilder mailer(Mailer mailer) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        return this;
    }

    /** Where clients reach the API; links in e-mails start with it. */
    public CoachKitBuilder publicUrl(String publicUrl) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        return this;
    }

    /** The media store of one persistence adapter family. */
    public CoachKitBuilder mediaStores(MediaRepository mediaRepository) {
        this.mediaRepository = Objects.requireNonNull(mediaRepository, "mediaRepository");
        return this;
    }

    /** Where media bytes live (S3, the local filesystem, memory). */
    public CoachKitBuilder blobStore(BlobStore blobStore) {
        this.blobStore = Objects.requireNonNull(blobStore, "blobStore");
        return this;
    }

    /** What reads uploaded content into metadata and thumbnails. */
    public CoachKitBuilder mediaProbe(MediaProbe mediaProbe) {
        this.mediaProbe = Objects.requireNonNull(mediaProbe, "mediaProbe");
        return this;
    }

    /** Replaces who may see shared media; by default the readers of its space and of the posts carrying it. */
    public CoachKitBuilder mediaAudience(MediaAudience mediaAudience) {
        this.mediaAudience = Objects.requireNonNull(mediaAudience, "mediaAudience");
        return this;
    }

    public CoachKitBuilder mediaSettings(MediaSettings mediaSettings) {
        this.mediaSettings = Objects.requireNonNull(mediaSettings, "mediaSettings");
        return this;
    }

    /** The GDPR export stores of one persistence adapter family: exports' progress and the data they read. */
    public CoachKitBuilder exportStores(DataExportRepository dataExports, TenantDataSource tenantData) {
        this.dataExports = Objects.requireNonNull(dataExports, "dataExports");
        this.tenantData = Objects.requireNonNull(tenantData, "tenantData");
        return this;
    }

    public CoachKitBuilder exportSettings(ExportSettings exportSettings) {
        this.exportSettings = Objects.requireNonNull(exportSettings, "exportSettings");
        return this;
    }

    /** Where {@code Idempotency-Key}s and their stored responses live, of the same adapter family as the unit of work. */
    public CoachKitBuilder idempotencyStore(IdempotencyStore idempotencyStore) {
        this.idempotencyStore = Objects.requireNonNull(idempotencyStore, "idempotencyStore");
        return this;
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
        this.afterAnswer = Objects.requireNonNull(executor, "executor");
        return this;
    }

    // ---- the event runtime: which background parts this process runs (see EventRuntime) ----

    final EventRuntime.Parts runtime = new EventRuntime.Parts();

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

    /** Runs the scheduler in this process: maintenance, expired-upload cleanup and session reminders. */
    public CoachKitBuilder scheduler(MaintenanceStore maintenance, DueReminders dueReminders) {
        runtime.scheduler(maintenance, dueReminders);
        return this;
    }

    /** The runtime's intervals, retry policy, executor and monitor (default: {@link RuntimeSettings#defaults()}). */
    public CoachKitBuilder runtimeSettings(RuntimeSettings settings) {
        runtime.settings(settings);
        return this;
    }

    // ---- end of the event runtime ----

    /**
     * Uses the in-memory adapter for every port that has none yet: for tests and for embedding
     * without infrastructure. Call it last to keep the adapters given explicitly. Missing store
     * families are added only on an in-memory unit of work, since stores must share their unit's
     * transactions.
     */
    public CoachKitBuilder withInMemoryAdapters() {
        if (unitOfWork == null) {
            InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
            unitOfWork(memory).eventOutbox(new InMemoryEventOutbox(memory, clock));
        }
        if (unitOfWork instanceof InMemoryUnitOfWork memory) {
            InMemoryStores.addMissing(this, memory);
        }
        mailer = mailer != null ? mailer : new InMemoryMailer();
        passwordHasher = passwordHasher != null ? passwordHasher : new InMemoryPasswordHasher();
        accessTokens = accessTokens != null ? accessTokens : new InMemoryAccessTokens(clock);
        tokenDenylist = tokenDenylist != null ? tokenDenylist : new InMemoryTokenDenylist(clock);
        rateLimiter = rateLimiter != null ? rateLimiter : new InMemoryRateLimiter(clock);
        blobStore = blobStore != null ? blobStore : new InMemoryBlobStore(clock);
        mediaProbe = mediaProbe != null ? mediaProbe : new InMemoryMediaProbe();
        EventRuntimeAssembly.addInMemory(this);
        return this;
    }

    public CoachKit build() {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("unitOfWork", unitOfWork);
        required.put("eventOutbox", eventOutbox);
        required.put("identityStores", accounts);
        required.put("communityStores", spaces);
        required.put("tenantMetrics", tenantMetrics);
        required.put("memberDataEraser", memberDataEraser);
        required.put("passwordHasher", passwordHasher);
        required.put("accessTokens", accessTokens);
        required.put("tokenDenylist", tokenDenylist);
        required.put("rateLimiter", rateLimiter);
        required.put("eventStores", processedEvents);
        required.put("mailer", mailer);
        required.put("mediaStores", mediaRepository);
        required.put("blobStore", blobStore);
        required.put("mediaProbe", mediaProbe);
        required.put("schedulingStores", sessions);
        required.put("exportStores", dataExports);
        required.put("idempotencyStore", idempotencyStore);
        List<String> missing = required.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("CoachKit needs an adapter for " + String.join(", ", missing)
                    + " (or call withInMemoryAdapters())");
        }
        if (afterAnswer == null) {
            AfterAnswerExecutor own = new AfterAnswerExecutor();
            manage(own);
            afterAnswer = own;
        }
        return new CoachKit(this);
    }
}
