package dev.coachkit.adapters.http.media;

import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase.Download;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase.SignedRequest;
import dev.coachkit.adapters.http.media.RangeHeader.Part;
import dev.coachkit.adapters.http.media.RangeHeader.Selection;
import dev.coachkit.adapters.http.media.RangeHeader.Unsatisfiable;
import dev.coachkit.adapters.http.media.RangeHeader.Whole;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed blob URLs of a store that serves its own (single-node mode): clients PUT upload
 * parts and GET playback bytes here without a bearer token; the signature in the URL is the grant.
 * Downloads honour a single {@code Range} (players seek with it) and HEAD, like S3's presigned URLs.
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
                        .summary("Download a blob, or one byte range of it, through a presigned URL")
                        .parameter(ApiParameter.header("Range", "One range of bytes: `bytes=first-last`, `bytes=first-`"
                                + " or `bytes=-suffixLength`. Several ranges, another unit, a malformed range or an"
                                + " `If-Range` header (these URLs give no validator to match) are ignored: the"
                                + " whole blob is sent with 200"))
                        // served with the Content-Type it was uploaded with (image/png, video/mp4...), not as octet-stream
                        .responds(ApiResponse.content(200, "The bytes, with Content-Length and Accept-Ranges: bytes",
                                "*/*"))
                        .responds(ApiResponse.content(206, "The requested range: Content-Range `bytes first-last/total`,"
                                + " its Content-Length and Accept-Ranges: bytes", "*/*"))
                        .responds(ApiResponse.problem(416, "The range starts beyond the blob (or asks for none of it);"
                                + " Content-Range `bytes */total` names the length"))
                        .errors(403, 404))
                        .handle(this::get),
                signed(ApiRoute.head(PATH).operationId("headBlob")
                        .summary("The type and length of a blob through a presigned URL, without its bytes")
                        .responds(ApiResponse.content(200, "No body: the Content-Type and Content-Length a GET would"
                                + " answer, and Accept-Ranges: bytes", "*/*"))
                        .errors(403, 404))
                        .handle(this::head));
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

    private void get(Context ctx) throws IOException {
        Download download = transfer.send(request(ctx));
        // these URLs carry no ETag or Last-Modified, so no If-Range validator can match: RFC 9110 says send it all
        Selection selection = ctx.header(Header.IF_RANGE) != null ? new Whole()
                : RangeHeader.select(ctx.header(Header.RANGE), download.length());
        if (selection instanceof Unsatisfiable) {
            download.content().close();
            ctx.header(Header.CONTENT_RANGE, Unsatisfiable.contentRange(download.length()));
            throw new HttpResponseException(416, "The range lies beyond the " + download.length() + " bytes of the blob.");
        }
        if (selection instanceof Part part) {
            InputStream content = download.content();
            try {
                // the local store's stream is a file channel's: skipping seeks, it does not read what it skips
                content.skipNBytes(part.first());
            } catch (IOException shortened) { // the file shrank under us (deleted, replaced): no stream left open
                content.close();
                throw shortened;
            }
            describe(ctx, download);
            ctx.status(206).header(Header.CONTENT_RANGE, part.contentRange(download.length()))
                    .header(Header.CONTENT_LENGTH, Long.toString(part.length()))
                    .result(new LimitedInputStream(content, part.length()));
        } else {
            describe(ctx, download);
            ctx.header(Header.CONTENT_LENGTH, Long.toString(download.length())).result(download.content());
        }
    }

    private void head(Context ctx) throws IOException {
        Download download = transfer.send(request(ctx));
        download.content().close();
        describe(ctx, download);
        ctx.header(Header.CONTENT_LENGTH, Long.toString(download.length()));
    }

    private static void describe(Context ctx, Download download) {
        // nosniff: browsers must not guess a script or page into what was uploaded as an image or video
        ctx.contentType(download.contentType()).header(Header.ACCEPT_RANGES, "bytes")
                .header("X-Content-Type-Options", "nosniff").header("Content-Disposition", download.contentDisposition());
    }

    private static SignedRequest request(Context ctx) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        return new SignedRequest(ctx.pathParam("tenantId") + "/" + ctx.pathParam("mediaId") + "/"
                + ctx.pathParam("name"), query);
    }

    /** The first {@code remaining} bytes of a stream: a range's end, without reading the rest of the file. */
    private static final class LimitedInputStream extends FilterInputStream {
        private long remaining;

        LimitedInputStream(InputStream content, long length) {
            super(content);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                remaining--;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(Math.min(count, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
