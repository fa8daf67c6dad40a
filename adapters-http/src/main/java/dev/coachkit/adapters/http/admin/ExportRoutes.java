package dev.coachkit.adapters.http.admin;

import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.admin.DataExportModule;
import dev.coachkit.application.admin.port.in.GetExportUseCase;
import dev.coachkit.application.admin.port.in.RequestExportUseCase;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.shared.Ids;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** GDPR exports among the Admin endpoints (ADMIN only): request one, then follow it to its download (docs/privacy.md). */
public final class ExportRoutes implements RouteModule {

    private static final String TAG = "Admin";

    private final DataExportModule exports;

    public ExportRoutes(DataExportModule exports) {
        this.exports = exports;
    }

    /** {@code POST /admin/export}; no {@code userId} (or no body at all): the whole organization. */
    record ExportRequest(UUID userId) {}

    /** A requested export, answered 202 while the worker builds it. */
    record ExportAccepted(UUID id, String status) {
        static ExportAccepted from(DataExport export) {
            return new ExportAccepted(export.id(), export.status().name());
        }
    }

    /** An export's progress; a READY one carries a presigned download URL of its ZIP and when it expires. */
    record ExportResponse(UUID id, String status, @Nullable String downloadUrl, @Nullable Instant expiresAt,
            @Nullable String failureReason) {
        static ExportResponse from(GetExportUseCase.Result result) {
            DataExport export = result.export();
            return new ExportResponse(export.id(), export.status().name(), result.downloadUrl().map(URI::toString).orElse(null),
                    result.expiresAt().orElse(null), export.failureReason().orElse(null));
        }
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/admin/export").operationId("requestExport").tag(TAG)
                        .summary("Export a member's data (userId) or the whole organization's as a ZIP of JSON files"
                                + " (ADMIN); built in the background")
                        .body(ExportRequest.class)
                        .json(202, "Accepted; follow it at /admin/exports/{id}", ExportAccepted.class)
                        .errors(403, 404)
                        .handle(this::request),
                ApiRoute.get("/admin/exports/{id}").operationId("getExport").tag(TAG)
                        .summary("An export's status; once READY, an expiring URL to download its ZIP (ADMIN)")
                        .parameter(ApiParameter.path("id", UUID.class, "The export"))
                        .json(200, "The export", ExportResponse.class).errors(403, 404)
                        .handle(this::status));
    }

    private void request(Context ctx) {
        Optional<UUID> userId = ctx.bodyAsBytes().length == 0 ? Optional.empty()
                : Optional.ofNullable(RequestBody.parse(ctx, ExportRequest.class).userId());
        DataExport export = exports.request().request(new RequestExportUseCase.Command(Authenticated.actor(ctx),
                userId, Optional.of(ClientIp.of(ctx).getHostAddress())));
        ctx.status(202).json(ExportAccepted.from(export));
    }

    private void status(Context ctx) {
        ctx.json(ExportResponse.from(exports.status().export(new GetExportUseCase.Query(Authenticated.actor(ctx),
                Ids.parse(ctx.pathParam("id"), "id")))));
    }
}
