package dev.coachkit.application;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.IdentityModule;
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
import dev.coachkit.application.memory.InMemoryAccessTokens;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryPasswordHasher;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryTokenDenylist;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.InvitationEmailConsumer;
import dev.coachkit.application.notification.ListNotificationsService;
import dev.coachkit.application.notification.MarkNotificationReadService;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.notification.port.in.MarkNotificationReadUseCase;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    private final Builder adapters;
    private final CheckReadinessUseCase checkReadiness;
    private final IdentityModule identity;
    private final HandleEventUseCase handleEvent;
    private final ListNotificationsUseCase listNotifications;
    private final MarkNotificationReadUseCase markNotificationRead;
    private final List<AutoCloseable> managed;
    private boolean running;

    private CoachKit(Builder builder) {
        this.adapters = builder;
        this.checkReadiness = new CheckReadinessService(builder.probes);
        this.identity = new IdentityModule(new IdentityModule.Ports(builder.unitOfWork, builder.eventOutbox,
                builder.accounts, builder.tenants, builder.memberships, builder.invitations, builder.refreshTokens,
                builder.auditLog, builder.passwordHasher, builder.accessTokens, builder.tokenDenylist,
                builder.rateLimiter, builder.secureTokens, builder.ids, builder.clock), builder.identitySettings);
        this.handleEvent = new EventDispatcher(builder.unitOfWork, builder.processedEvents,
                List.of(new InvitationEmailConsumer(builder.mailer, builder.publicUrl)));
        this.listNotifications = new ListNotificationsService(builder.unitOfWork, builder.notifications);
        this.markNotificationRead = new MarkNotificationReadService(builder.unitOfWork, builder.notifications,
                builder.clock);
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

    /** Accounts, tenants, sessions, invitations and members. */
    public IdentityModule identity() {
        return identity;
    }

    /** Delivers a published event to its consumers; transports (SQS, in-process) call it. */
    public HandleEventUseCase handleEvent() {
        return handleEvent;
    }

    public ListNotificationsUseCase listNotifications() {
        return listNotifications;
    }

    public MarkNotificationReadUseCase markNotificationRead() {
        return markNotificationRead;
    }

    /** The limiter hosts apply to incoming requests (per client, account and tenant). */
    public RateLimiter rateLimiter() {
        return adapters.rateLimiter;
    }

    public Clock clock() {
        return adapters.clock;
    }

    public UnitOfWork unitOfWork() {
        return adapters.unitOfWork;
    }

    public EventOutbox eventOutbox() {
        return adapters.eventOutbox;
    }

    /** Collects the adapters; {@link #build()} refuses to assemble a core with a port left open. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private IdGenerator ids = IdGenerator.random();
        private SecureTokens secureTokens = new RandomSecureTokens();
        private IdentitySettings identitySettings = IdentitySettings.defaults();
        private UnitOfWork unitOfWork;
        private EventOutbox eventOutbox;
        private AccountRepository accounts;
        private TenantRepository tenants;
        private MembershipRepository memberships;
        private InvitationRepository invitations;
        private RefreshTokenStore refreshTokens;
        private AuditLog auditLog;
        private PasswordHasher passwordHasher;
        private AccessTokenService accessTokens;
        private TokenDenylist tokenDenylist;
        private RateLimiter rateLimiter;
        private ProcessedEvents processedEvents;
        private NotificationRepository notifications;
        private Mailer mailer;
        private String publicUrl = "http://localhost:8080";
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

        public Builder secureTokens(SecureTokens secureTokens) {
            this.secureTokens = Objects.requireNonNull(secureTokens, "secureTokens");
            return this;
        }

        public Builder identitySettings(IdentitySettings identitySettings) {
            this.identitySettings = Objects.requireNonNull(identitySettings, "identitySettings");
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

        /** The identity stores of one persistence adapter family. */
        public Builder identityStores(AccountRepository accounts, TenantRepository tenants,
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

        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
            return this;
        }

        public Builder accessTokens(AccessTokenService accessTokens) {
            this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
            return this;
        }

        public Builder tokenDenylist(TokenDenylist tokenDenylist) {
            this.tokenDenylist = Objects.requireNonNull(tokenDenylist, "tokenDenylist");
            return this;
        }

        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** The consumer-side stores of one persistence adapter family. */
        public Builder eventStores(ProcessedEvents processedEvents, NotificationRepository notifications) {
            this.processedEvents = Objects.requireNonNull(processedEvents, "processedEvents");
            this.notifications = Objects.requireNonNull(notifications, "notifications");
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /** Where clients reach the API; links in e-mails start with it. */
        public Builder publicUrl(String publicUrl) {
            this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
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

        /**
         * Uses the in-memory adapter for every port that has none yet: for tests and for embedding
         * without infrastructure. Call it last to keep the adapters given explicitly.
         */
        public Builder withInMemoryAdapters() {
            InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
            if (unitOfWork == null) {
                unitOfWork(memory).eventOutbox(new InMemoryEventOutbox(memory, clock));
                InMemoryAccounts memoryAccounts = new InMemoryAccounts(memory);
                InMemoryTenants memoryTenants = new InMemoryTenants(memory);
                identityStores(memoryAccounts, memoryTenants,
                        new InMemoryMemberships(memory, memoryAccounts, memoryTenants), new InMemoryInvitations(memory),
                        new InMemoryRefreshTokens(), new InMemoryAuditLog(memory));
                eventStores(new InMemoryProcessedEvents(memory, clock), new InMemoryNotifications(memory));
            }
            mailer = mailer != null ? mailer : new InMemoryMailer();
            passwordHasher = passwordHasher != null ? passwordHasher : new InMemoryPasswordHasher();
            accessTokens = accessTokens != null ? accessTokens : new InMemoryAccessTokens(clock);
            tokenDenylist = tokenDenylist != null ? tokenDenylist : new InMemoryTokenDenylist(clock);
            rateLimiter = rateLimiter != null ? rateLimiter : new InMemoryRateLimiter(clock);
            return this;
        }

        public CoachKit build() {
            Map<String, Object> required = new LinkedHashMap<>();
            required.put("unitOfWork", unitOfWork);
            required.put("eventOutbox", eventOutbox);
            required.put("identityStores", accounts);
            required.put("passwordHasher", passwordHasher);
            required.put("accessTokens", accessTokens);
            required.put("tokenDenylist", tokenDenylist);
            required.put("rateLimiter", rateLimiter);
            required.put("eventStores", processedEvents);
            required.put("mailer", mailer);
            List<String> missing = required.entrySet().stream().filter(e -> e.getValue() == null)
                    .map(Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CoachKit needs an adapter for " + String.join(", ", missing)
                        + " (or call withInMemoryAdapters())");
            }
            return new CoachKit(this);
        }
    }
}
