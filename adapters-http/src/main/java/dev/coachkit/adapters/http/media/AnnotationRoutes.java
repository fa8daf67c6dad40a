package dev.coachkit.adapters.http.media;

import dev.coachkit.adapters.http.media.AnnotationMessages.AnnotationPage;
import dev.coachkit.adapters.http.media.AnnotationMessages.AnnotationResponse;
import dev.coachkit.adapters.http.media.AnnotationMessages.CreateAnnotationRequest;
import dev.coachkit.adapters.http.media.AnnotationMessages.DrawingBody;
import dev.coachkit.adapters.http.media.AnnotationMessages.UpdateAnnotationRequest;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.media.MediaModule;
import dev.coachkit.application.media.port.in.AnnotateMediaUseCase;
import dev.coachkit.application.media.port.in.DeleteAnnotationUseCase;
import dev.coachkit.application.media.port.in.EditAnnotationUseCase;
import dev.coachkit.application.media.port.in.ListAnnotationsUseCase;
import dev.coachkit.domain.shared.Ids;
import dev.coachkit.domain.shared.InvalidInputException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Video review endpoints: annotations on a moment of a media the caller can read (docs/media.md). */
public final class AnnotationRoutes implements RouteModule {

    private static final String TAG = "Video review";
    private static final ApiParameter MEDIA_ID = ApiParameter.path("id", UUID.class, "The annotated media");
    private static final ApiParameter ANNOTATION_ID = ApiParameter.path("id", UUID.class, "The annotation");

    private final MediaModule media;

    public AnnotationRoutes(MediaModule media) {
        this.media = media;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/media/{id}/annotations").operationId("createAnnotation").tag(TAG)
                        .summary("Annotate a moment (atMs) or a span (to endMs) of a ready video or image the caller"
                                + " can read: text, a drawing, a voice-over, or several; the uploader and the"
                                + " authors of the posts carrying the media are notified")
                        .parameter(MEDIA_ID).body(CreateAnnotationRequest.class, AnnotationExamples.CREATE)
                        .json(201, "The new annotation", AnnotationResponse.class,
                                AnnotationExamples.ANNOTATION_CREATED)
                        .errors(404)
                        .responds(ApiResponse.problem(422, "The media is not ready, the moment lies outside it, or"
                                + " audioMediaId is not a ready audio media"))
                        .handle(this::annotate),
                ApiRoute.get("/media/{id}/annotations").operationId("listAnnotations").tag(TAG)
                        .summary("Annotations of a media the caller can read, by atMs then creation")
                        .parameter(MEDIA_ID)
                        .parameter(ApiParameter.query("fromMs", Long.class, "Only annotations at or after this moment")
                                .atLeast(0))
                        .parameter(ApiParameter.query("toMs", Long.class, "Only annotations at or before this moment")
                                .atLeast(0))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of annotations", AnnotationPage.class, AnnotationExamples.PAGE)
                        .errors(404)
                        .handle(this::list),
                ApiRoute.patch("/annotations/{id}").operationId("updateAnnotation").tag(TAG)
                        .summary("Change the moment, text or drawing of an annotation (its author)")
                        .parameter(ANNOTATION_ID).body(UpdateAnnotationRequest.class, AnnotationExamples.UPDATE)
                        .json(200, "The edited annotation", AnnotationResponse.class).errors(403, 404)
                        .responds(ApiResponse.problem(422, "The new moment lies outside the media"))
                        .handle(this::edit),
                ApiRoute.delete("/annotations/{id}").operationId("deleteAnnotation").tag(TAG)
                        .summary("Delete an annotation (its author, the media's uploader, an owner of a space the"
                                + " media is shared in, ADMIN)")
                        .parameter(ANNOTATION_ID)
                        .responds(ApiResponse.empty(204, "Deleted")).errors(403, 404)
                        .handle(this::delete));
    }

    private void annotate(Context ctx) {
        CreateAnnotationRequest request = RequestBody.parse(ctx, CreateAnnotationRequest.class);
        ctx.status(201).json(AnnotationResponse.from(media.annotate().annotate(new AnnotateMediaUseCase.Command(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id"), request.atMs(),
                Optional.ofNullable(request.endMs()), Optional.ofNullable(request.text()),
                Optional.ofNullable(request.drawing()).map(DrawingBody::toDomain),
                Optional.ofNullable(request.audioMediaId())))));
    }

    private void list(Context ctx) {
        ctx.json(AnnotationPage.from(media.annotations().annotations(new ListAnnotationsUseCase.Query(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id"), moment(ctx, "fromMs"),
                moment(ctx, "toMs"), Paging.from(ctx, 3)))));
    }

    private void edit(Context ctx) {
        UpdateAnnotationRequest request = RequestBody.parse(ctx, UpdateAnnotationRequest.class);
        ctx.json(AnnotationResponse.from(media.editAnnotation().edit(new EditAnnotationUseCase.Command(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id"), request.toChanges()))));
    }

    private void delete(Context ctx) {
        media.deleteAnnotation().delete(new DeleteAnnotationUseCase.Command(Authenticated.actor(ctx),
                Ids.parse(ctx.pathParam("id"), "id"), ClientIp.forAudit(ctx)));
        ctx.status(204);
    }

    private static Optional<Long> moment(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number of milliseconds");
        }
    }
}
