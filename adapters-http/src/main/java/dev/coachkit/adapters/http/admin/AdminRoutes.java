package dev.coachkit.adapters.http.admin;

import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.QueryInstants;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.application.admin.AdminModule;
import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.domain.admin.TenantMetrics;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.Text;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Admin endpoints (ADMIN only): audit trail, erasure, metrics (docs/privacy.md). */
public final class AdminRoutes implements RouteModule {

    private static final String TAG = "Admin";
    /** Audit action names are short dotted words; a longer filter cannot match and is refused. */
    private static final int MAX_ACTION_LENGTH = 100;

    private final AdminModule admin;

    public AdminRoutes(AdminModule admin) {
        this.admin = admin;
    }

    /** One audit entry. */
    record AuditEntryResponse(UUID id, String action, @Nullable UUID actorId, String targetType, String targetId,
            @Nullable String ip, Instant occurredAt, Map<String, Object> details) {
        static AuditEntryResponse from(AuditEntry entry) {
            return new AuditEntryResponse(entry.id(), entry.action(), entry.actorId().map(AccountId::value).orElse(null),
                    entry.targetType(), entry.targetId(), entry.clientIp().orElse(null), entry.occurredAt(),
                    entry.details());
        }
    }

    /** A page of audit entries, newest first. */
    record AuditPage(List<AuditEntryResponse> items, @Nullable String nextCursor) {
        static AuditPage from(Page<AuditEntry> page) {
            return new AuditPage(page.items().stream().map(AuditEntryResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** An accepted erasure. */
    record ErasureResponse(UUID id, String status) {}

    /** The organization at a glance. */
    record MetricsResponse(long users, long spaces, long posts, long comments, long sessions, long mediaBytes,
            OutboxResponse outbox) {
        static MetricsResponse from(TenantMetrics m) {
            return new MetricsResponse(m.users(), m.spaces(), m.posts(), m.comments(), m.sessions(), m.mediaBytes(),
                    new OutboxResponse(m.outbox().pending(), m.outbox().failed(), m.outbox().oldestPendingSeconds()));
        }
    }

    /** Events waiting for the relay, parked as dead, and the oldest waiting event's age. */
    record OutboxResponse(long pending, long failed, long oldestPendingSeconds) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/admin/audit").operationId("searchAuditTrail").tag(TAG)
                        .summary("The organization's audit trail, newest first (ADMIN)")
                        .parameter(ApiParameter.query("action", String.class, "Only this action, e.g. post.deleted"))
                        .parameter(ApiParameter.query("actorId", UUID.class, "Only actions of this account"))
                        .parameter(ApiParameter.query("from", Instant.class, "Only entries at or after this instant"))
                        .parameter(ApiParameter.query("to", Instant.class, "Only entries before this instant"))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of audit entries", AuditPage.class).errors(403)
                        .handle(this::audit),
                ApiRoute.delete("/admin/users/{userId}").operationId("eraseMember").tag(TAG)
                        .summary("Erase a person from the organization: access revoked, personal data removed (ADMIN)")
                        .parameter(ApiParameter.path("userId", UUID.class, "The member to erase"))
                        .json(202, "Erased from the database; stored media objects follow shortly", ErasureResponse.class)
                        .errors(403, 404, 409)
                        .handle(this::erase),
                ApiRoute.get("/admin/metrics").operationId("getTenantMetrics").tag(TAG)
                        .summary("The organization's figures and outbox health (ADMIN)")
                        .json(200, "The figures", MetricsResponse.class).errors(403)
                        .handle(ctx -> ctx.json(MetricsResponse.from(admin.metrics().metrics(
                                Authenticated.actor(ctx))))));
    }

    private void audit(Context ctx) {
        // checked like stored text: PostgreSQL refuses a NUL even in a query parameter
        SearchAuditTrailUseCase.Filter filter = new SearchAuditTrailUseCase.Filter(
                Text.optional(ctx.queryParam("action"), "action", MAX_ACTION_LENGTH),
                text(ctx, "actorId").map(id -> AccountId.parse(id, "actorId")),
                QueryInstants.optional(ctx, "from"), QueryInstants.optional(ctx, "to"));
        ctx.json(AuditPage.from(admin.auditTrail().search(new SearchAuditTrailUseCase.Query(Authenticated.actor(ctx), filter,
                Paging.from(ctx, 2)))));
    }

    private void erase(Context ctx) {
        EraseMemberUseCase.Receipt receipt = admin.eraseMember().erase(new EraseMemberUseCase.Command(
                Authenticated.actor(ctx), AccountId.parse(ctx.pathParam("userId"), "userId"), ClientIp.forAudit(ctx)));
        ctx.status(202).json(new ErasureResponse(receipt.id(), receipt.status()));
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

}
