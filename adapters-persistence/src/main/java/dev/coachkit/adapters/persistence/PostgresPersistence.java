package dev.coachkit.adapters.persistence;

import dev.coachkit.application.CoachKitBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.coachkit.adapters.persistence.admin.PostgresMemberDataEraser;
import dev.coachkit.adapters.persistence.admin.PostgresTenantMetrics;
import dev.coachkit.adapters.persistence.admin.PostgresDataExports;
import dev.coachkit.adapters.persistence.admin.PostgresTenantData;
import dev.coachkit.adapters.persistence.audit.PostgresAuditLog;
import dev.coachkit.adapters.persistence.community.PostgresComments;
import dev.coachkit.adapters.persistence.community.PostgresPosts;
import dev.coachkit.adapters.persistence.community.PostgresSpaceMembers;
import dev.coachkit.adapters.persistence.community.PostgresSpaces;
import dev.coachkit.adapters.persistence.events.PostgresEventOutbox;
import dev.coachkit.adapters.persistence.events.PostgresOutboxSignal;
import dev.coachkit.adapters.persistence.realtime.PostgresEventFeed;
import dev.coachkit.adapters.persistence.realtime.PostgresRealtimeTickets;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.adapters.persistence.events.PostgresProcessedEvents;
import dev.coachkit.adapters.persistence.media.PostgresAnnotations;
import dev.coachkit.adapters.persistence.media.PostgresMedia;
import dev.coachkit.adapters.persistence.notification.PostgresNotifications;
import dev.coachkit.adapters.persistence.notification.PostgresRecipientTimeZones;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.adapters.persistence.payments.PostgresCreditLedger;
import dev.coachkit.adapters.persistence.payments.PostgresOrders;
import dev.coachkit.adapters.persistence.payments.PostgresPaymentDirectory;
import dev.coachkit.adapters.persistence.payments.PostgresPaymentSettings;
import dev.coachkit.adapters.persistence.payments.PostgresProcessedPaymentEvents;
import dev.coachkit.adapters.persistence.payments.PostgresProducts;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.adapters.persistence.scheduling.PostgresAvailabilities;
import dev.coachkit.adapters.persistence.scheduling.PostgresCalendarTokens;
import dev.coachkit.adapters.persistence.scheduling.PostgresSessions;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.adapters.persistence.identity.PostgresAccountTokens;
import dev.coachkit.adapters.persistence.identity.PostgresAccounts;
import dev.coachkit.adapters.persistence.identity.PostgresInvitations;
import dev.coachkit.adapters.persistence.identity.PostgresMemberships;
import dev.coachkit.adapters.persistence.identity.PostgresRefreshTokens;
import dev.coachkit.adapters.persistence.identity.PostgresTenants;
import dev.coachkit.adapters.persistence.jooq.Tables;
import dev.coachkit.adapters.persistence.shared.DatabaseReadinessProbe;
import dev.coachkit.adapters.persistence.shared.PostgresIdempotencyKeys;
import dev.coachkit.adapters.persistence.shared.PostgresUnitOfWork;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.adapters.persistence.shared.RuntimeRoleGuard;
import dev.coachkit.adapters.persistence.shared.StatementCounter;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The PostgreSQL adapters over one connection pool of the runtime role. Connecting verifies that
 * the role cannot bypass row-level security; close it to release the pool.
 */
public final class PostgresPersistence implements AutoCloseable {

    private final HikariDataSource pool;
    private final PostgresUnitOfWork unitOfWork;
    private final PostgresEventOutbox eventOutbox;
    private final DatabaseReadinessProbe readinessProbe;
    private final PostgresAccounts accounts;
    private final PostgresAccountTokens accountTokens;
    private final PostgresTenants tenants;
    private final PostgresMemberships memberships;
    private final PostgresInvitations invitations;
    private final PostgresRefreshTokens refreshTokens;
    private final PostgresAuditLog auditLog;
    private final PostgresProcessedEvents processedEvents;
    private final PostgresNotifications notifications;
    private final PostgresRecipientTimeZones recipientTimeZones;
    private final PostgresSpaces spaces;
    private final PostgresSpaceMembers spaceMembers;
    private final PostgresPosts posts;
    private final PostgresComments comments;
    private final PostgresMedia media;
    private final PostgresAnnotations annotations;
    private final PostgresTenantMetrics tenantMetrics;
    private final PostgresMemberDataEraser memberDataEraser;
    private final PostgresAvailabilities availabilities;
    private final PostgresSessions sessions;
    private final PostgresCalendarTokens calendarTokens;
    private final PostgresDataExports dataExports;
    private final PostgresTenantData tenantData;
    private final PostgresIdempotencyKeys idempotencyKeys;
    private final PostgresEventFeed eventFeed;
    private final PostgresRealtimeTickets realtimeTickets;
    private final PostgresProducts products;
    private final PostgresOrders orders;
    private final PostgresCreditLedger creditLedger;
    private final PostgresPaymentSettings paymentSettings;
    private final PostgresProcessedPaymentEvents processedPaymentEvents;
    private final PostgresPaymentDirectory paymentDirectory;

    private PostgresPersistence(HikariDataSource pool, PostgresUrl runtime, MeterRegistry meters) {
        this.pool = pool;
        DSLContext dsl = DSL.using(new DefaultConfiguration().set(pool).set(SQLDialect.POSTGRES)
                .set(new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED))
                .set(new StatementCounter(meters)));
        TenantTransactions transactions = new TenantTransactions();
        this.unitOfWork = new PostgresUnitOfWork(dsl, transactions);
        this.eventOutbox = new PostgresEventOutbox(transactions);
        this.readinessProbe = new DatabaseReadinessProbe(dsl);
        this.accounts = new PostgresAccounts(transactions);
        this.accountTokens = new PostgresAccountTokens(transactions);
        this.tenants = new PostgresTenants(transactions);
        this.memberships = new PostgresMemberships(transactions, dsl);
        this.invitations = new PostgresInvitations(transactions, dsl);
        this.refreshTokens = new PostgresRefreshTokens(transactions);
        this.auditLog = new PostgresAuditLog(transactions);
        this.processedEvents = new PostgresProcessedEvents(transactions);
        this.notifications = new PostgresNotifications(transactions);
        this.recipientTimeZones = new PostgresRecipientTimeZones(transactions);
        this.spaces = new PostgresSpaces(transactions);
        this.spaceMembers = new PostgresSpaceMembers(transactions);
        this.posts = new PostgresPosts(transactions);
        this.comments = new PostgresComments(transactions);
        this.media = new PostgresMedia(transactions, dsl);
        this.annotations = new PostgresAnnotations(transactions);
        this.tenantMetrics = new PostgresTenantMetrics(transactions);
        this.memberDataEraser = new PostgresMemberDataEraser(transactions);
        this.availabilities = new PostgresAvailabilities(transactions);
        this.sessions = new PostgresSessions(transactions);
        this.calendarTokens = new PostgresCalendarTokens(transactions, dsl);
        this.dataExports = new PostgresDataExports(transactions);
        this.tenantData = new PostgresTenantData(transactions);
        this.idempotencyKeys = new PostgresIdempotencyKeys(transactions);
        this.eventFeed = new PostgresEventFeed(transactions, new PostgresOutboxSignal(runtime));
        this.realtimeTickets = new PostgresRealtimeTickets(dsl);
        this.products = new PostgresProducts(transactions);
        this.orders = new PostgresOrders(transactions);
        this.creditLedger = new PostgresCreditLedger(transactions);
        this.paymentSettings = new PostgresPaymentSettings(transactions);
        this.processedPaymentEvents = new PostgresProcessedPaymentEvents(transactions);
        this.paymentDirectory = new PostgresPaymentDirectory(transactions, dsl);
        RuntimeRoleGuard.verify(dsl);
    }

    /**
     * Initialises jOOQ and the generated schema classes on the calling thread without touching a
     * database: the first query of a cold JVM otherwise spends about a second there. A server calls
     * it on a second thread while its database starts.
     */
    public static void warmUp() {
        DSL.using(SQLDialect.POSTGRES).selectFrom(Tables.POSTS).where(Tables.POSTS.ID.isNotNull()).limit(1).getSQL();
    }

    /** Opens a pool of {@code poolSize} connections as the runtime role; metrics go to {@code meters}. */
    public static PostgresPersistence connect(PostgresUrl runtime, int poolSize, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("coachkit-runtime");
        config.setJdbcUrl(runtime.jdbcUrl());
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setMetricRegistry(meters);
        // a constraint violation's "Detail: Key (email)=(...)" would carry row values into exception logs
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new PostgresPersistence(pool, runtime, meters);
        } catch (RuntimeException refused) {
            pool.close();
            throw refused;
        }
    }

    /**
     * Gives {@code builder} every adapter of this family: the unit of work, the outbox and all the stores
     * sharing its transactions, and the database's readiness probe. The pool stays the caller's to close
     * (or to hand to {@link CoachKitBuilder#manage}).
     */
    public CoachKitBuilder addTo(CoachKitBuilder builder) {
        return builder.unitOfWork(unitOfWork()).eventOutbox(eventOutbox())
                .eventStores(processedEvents(), notifications())
                .recipientTimeZones(recipientTimeZones())
                .idempotencyStore(idempotencyKeys())
                .identityStores(accounts(), tenants(), memberships(), invitations(), refreshTokens(), auditLog())
                .accountTokens(accountTokens())
                .communityStores(spaces(), spaceMembers(), posts(), comments())
                .schedulingStores(availabilities(), sessions(), calendarTokens())
                .mediaStores(media())
                .adapter(AnnotationRepository.class, annotations())
                .tenantMetrics(tenantMetrics())
                .memberDataEraser(memberDataEraser())
                .exportStores(dataExports(), tenantData())
                .realtimeStores(eventFeed(), realtimeTickets())
                .adapter(ProductRepository.class, products())
                .adapter(OrderRepository.class, orders())
                .adapter(CreditLedger.class, creditLedger())
                .adapter(PaymentSettingsRepository.class, paymentSettings())
                .adapter(ProcessedPaymentEvents.class, processedPaymentEvents())
                .adapter(PaymentDirectory.class, paymentDirectory())
                .readinessProbe(readinessProbe());
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public EventOutbox eventOutbox() {
        return eventOutbox;
    }

    public ReadinessProbe readinessProbe() {
        return readinessProbe;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public TenantRepository tenants() {
        return tenants;
    }

    public MembershipRepository memberships() {
        return memberships;
    }

    public AccountTokenRepository accountTokens() {
        return accountTokens;
    }

    public InvitationRepository invitations() {
        return invitations;
    }

    public RefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public IdempotencyStore idempotencyKeys() {
        return idempotencyKeys;
    }

    public ProcessedEvents processedEvents() {
        return processedEvents;
    }

    public NotificationRepository notifications() {
        return notifications;
    }

    public RecipientTimeZones recipientTimeZones() {
        return recipientTimeZones;
    }

    public SpaceRepository spaces() {
        return spaces;
    }

    public SpaceMemberRepository spaceMembers() {
        return spaceMembers;
    }

    public PostRepository posts() {
        return posts;
    }

    public CommentRepository comments() {
        return comments;
    }

    public MediaRepository media() {
        return media;
    }

    public AnnotationRepository annotations() {
        return annotations;
    }

    public AvailabilityRepository availabilities() {
        return availabilities;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public CalendarTokenRepository calendarTokens() {
        return calendarTokens;
    }

    public TenantMetricsQuery tenantMetrics() {
        return tenantMetrics;
    }

    public MemberDataEraser memberDataEraser() {
        return memberDataEraser;
    }

    public DataExportRepository dataExports() {
        return dataExports;
    }

    public TenantDataSource tenantData() {
        return tenantData;
    }

    public EventFeed eventFeed() {
        return eventFeed;
    }

    public RealtimeTicketStore realtimeTickets() {
        return realtimeTickets;
    }

    public ProductRepository products() {
        return products;
    }

    public OrderRepository orders() {
        return orders;
    }

    public CreditLedger creditLedger() {
        return creditLedger;
    }

    public PaymentSettingsRepository paymentSettings() {
        return paymentSettings;
    }

    public ProcessedPaymentEvents processedPaymentEvents() {
        return processedPaymentEvents;
    }

    public PaymentDirectory paymentDirectory() {
        return paymentDirectory;
    }

    /** Stops the feed's listening connection and closes the pool. */
    @Override
    public void close() {
        eventFeed.close();
        pool.close();
    }
}
