package dev.coachkit.adapters.http.media;

import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase.Download;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase.SignedRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed blob URLs of a store that serves its own (single-node mode): clients PUT upload
 * parts and GET playback bytes here without a bearer token; the signature in the URL is the grant.
 */
public final class BlobRoutes implements RouteModule {

    private static final String TAG = "Blobs";
    private static final String PATH = "/blobs/{tenantId}/{mediaId}/{name}";

    private final SignedBlobTransferUseCase transfer;

    public BlobRoutes(SignedBlobTransferUseCase transfer) {
        this.transfer = transfer;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                signed(ApiRoute.put(PATH).operationId("putBlob")
                        .summary("Upload a file or one part of it to a presigned URL (raw bytes)")
                        .responds(ApiResponse.empty(200, "Stored; the ETag header names the stored bytes"))
                        .errors(403, 413))
                        .handle(this::put),
                signed(ApiRoute.get(PATH).operationId("getBlob")
                        .summary("Download a blob through a presigned URL")
                        // served with the Content-Type it was uploaded with (image/png, video/mp4...), not as octet-stream
                        .responds(ApiResponse.content(200, "The bytes", "*/*"))
                        .errors(403, 404))
                        .handle(this::get));
    }

    private static ApiRoute.Builder signed(ApiRoute.Builder route) {
        return route.tag(TAG).publicAccess()
                .parameter(ApiParameter.query("op", String.class, "What the URL allows (signed)"))
                .parameter(ApiParameter.query("expires", Long.class, "When the URL expires, epoch seconds (signed)"))
                .parameter(ApiParameter.query("signature", String.class, "HMAC-SHA256 of the URL"));
    }

    private void put(Context ctx) throws IOException {
        String etag = transfer.receive(request(ctx), ctx.req().getInputStream());
        ctx.header("ETag", etag).status(200);
    }

    private void get(Context ctx) {
        Download download = transfer.send(request(ctx));
        // nosniff: browsers must not guess a script or page into what was uploaded as an image or video
        ctx.contentType(download.contentType()).header("Content-Length", Long.toString(download.length()))
                .header("X-Content-Type-Options", "nosniff").header("Content-Disposition", download.contentDisposition())
                .result(download.content());
    }

    private static SignedRequest request(Context ctx) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        return new SignedRequest(ctx.pathParam("tenantId") + "/" + ctx.pathParam("mediaId") + "/"
                + ctx.pathParam("name"), query);
    }
}
