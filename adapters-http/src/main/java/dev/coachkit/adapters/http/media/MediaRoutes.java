package dev.coachkit.adapters.http.media;

import dev.coachkit.adapters.http.media.MediaMessages.FinalizeRequest;
import dev.coachkit.adapters.http.media.MediaMessages.MediaPage;
import dev.coachkit.adapters.http.media.MediaMessages.MediaResponse;
import dev.coachkit.adapters.http.media.MediaMessages.PlaybackUrlResponse;
import dev.coachkit.adapters.http.media.MediaMessages.UploadIntentRequest;
import dev.coachkit.adapters.http.media.MediaMessages.UploadIntentResponse;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.media.MediaModule;
import dev.coachkit.application.media.port.in.DeleteMediaUseCase;
import dev.coachkit.application.media.port.in.FinalizeUploadUseCase;
import dev.coachkit.application.media.port.in.GetMediaUseCase;
import dev.coachkit.application.media.port.in.GetPlaybackUrlUseCase;
import dev.coachkit.application.media.port.in.ListMediaUseCase;
import dev.coachkit.application.media.port.in.RequestUploadUseCase;
import dev.coachkit.application.media.port.in.FinalizeUploadUseCase.UploadedPart;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Ids;
import dev.coachkit.domain.shared.InvalidInputException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Media endpoints: upload intents, finalization, media and their list, playback URLs and deletion (docs/media.md). */
public final class MediaRoutes implements RouteModule {

    private static final String TAG = "Media";

    private final MediaModule media;

    public MediaRoutes(MediaModule media) {
        this.media = media;
    }

    @Override
    public List<ApiRoute> routes() {
        ApiParameter id = ApiParameter.path("id", UUID.class, "The media asset");
        return List.of(
                ApiRoute.post("/media/upload-intent").operationId("createUploadIntent").tag(TAG)
                        .summary("Announce an upload: presigned URLs to PUT the file's parts to, straight to storage")
                        .body(UploadIntentRequest.class, MediaExamples.UPLOAD_INTENT)
                        .json(201, "The pending asset and its part URLs", UploadIntentResponse.class,
                                MediaExamples.UPLOAD_GRANTED)
                        .errors(404, 413, 415, 422)
                        .handle(this::requestUpload),
                ApiRoute.post("/media/{id}/finalize").operationId("finalizeUpload").tag(TAG)
                        .summary("Complete an upload once its parts are stored; processing starts")
                        .parameter(id).body(FinalizeRequest.class, MediaExamples.FINALIZE)
                        .json(202, "Accepted for processing (status PROCESSING)", MediaResponse.class,
                                MediaExamples.PROCESSING)
                        .errors(404, 409, 422)
                        .handle(this::finalizeUpload),
                ApiRoute.get("/media").operationId("listMedia").tag(TAG)
                        .summary("The caller's uploads in any status, newest first (ADMIN: any member's, by uploaderId)")
                        .parameter(ApiParameter.query("status", MediaStatus.class, "Only media in this status"))
                        .parameter(ApiParameter.query("uploaderId", UUID.class, "Whose uploads (ADMIN); anyone else"
                                + " may name only themselves"))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of media", MediaPage.class)
                        .errors(403)
                        .handle(this::list),
                ApiRoute.get("/media/{id}").operationId("getMedia").tag(TAG)
                        .summary("A media asset, with a thumbnail URL once ready")
                        .parameter(id).json(200, "The asset", MediaResponse.class).errors(404)
                        .handle(this::get),
                ApiRoute.get("/media/{id}/playback-url").operationId("getPlaybackUrl").tag(TAG)
                        .summary("A short-lived URL to play or download a ready asset")
                        .parameter(id).json(200, "The presigned URL", PlaybackUrlResponse.class).errors(404, 409)
                        .handle(this::playbackUrl),
                ApiRoute.delete("/media/{id}").operationId("deleteMedia").tag(TAG)
                        .summary("Delete media (uploader, ADMIN): a pending upload is cancelled and its quota released"
                                + " at once; the stored bytes are deleted")
                        .parameter(id).responds(ApiResponse.empty(204, "Deleted")).errors(403, 404)
                        .handle(this::delete));
    }

    private void requestUpload(Context ctx) {
        UploadIntentRequest request = RequestBody.parse(ctx, UploadIntentRequest.class);
        ctx.status(201).json(UploadIntentResponse.from(media.requestUpload().requestUpload(
                new RequestUploadUseCase.Command(Authenticated.actor(ctx), request.fileName(), request.contentType(),
                        request.sizeBytes(), Optional.ofNullable(request.spaceId())))));
    }

    private void finalizeUpload(Context ctx) {
        FinalizeRequest request = RequestBody.parse(ctx, FinalizeRequest.class);
        List<UploadedPart> parts = request.parts() == null ? List.of() : request.parts().stream()
                .map(part -> new UploadedPart(part.partNumber(), part.etag())).toList();
        ctx.status(202).json(MediaResponse.from(media.finalizeUpload().finalizeUpload(new FinalizeUploadUseCase.Command(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id"), parts)), Optional.empty()));
    }

    private void get(Context ctx) {
        ctx.json(MediaResponse.from(media.media().media(new GetMediaUseCase.Query(Authenticated.actor(ctx),
                Ids.parse(ctx.pathParam("id"), "id")))));
    }

    private void list(Context ctx) {
        ctx.json(MediaPage.from(media.list().media(new ListMediaUseCase.Query(Authenticated.actor(ctx),
                Optional.ofNullable(ctx.queryParam("uploaderId")).map(text -> AccountId.parse(text, "uploaderId")),
                status(ctx), Paging.from(ctx, 2)))));
    }

    private static Optional<MediaStatus> status(Context ctx) {
        String text = ctx.queryParam("status");
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(MediaStatus.values()).filter(status -> status.name().equals(text))
                .findFirst().orElseThrow(() -> new InvalidInputException("status",
                        "must be one of " + Arrays.toString(MediaStatus.values()))));
    }

    private void playbackUrl(Context ctx) {
        ctx.json(PlaybackUrlResponse.from(media.playbackUrl().playbackUrl(new GetPlaybackUrlUseCase.Query(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id")))));
    }

    private void delete(Context ctx) {
        media.delete().delete(new DeleteMediaUseCase.Command(Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"),
                "id"), ClientIp.forAudit(ctx)));
        ctx.status(204);
    }
}
