package dev.coachkit.adapters.http.media;

import dev.coachkit.adapters.http.media.AnnotationMessages.AnnotationPage;
import dev.coachkit.adapters.http.media.AnnotationMessages.AnnotationResponse;
import dev.coachkit.adapters.http.media.AnnotationMessages.CreateAnnotationRequest;
import dev.coachkit.adapters.http.media.AnnotationMessages.DrawingBody;
import dev.coachkit.adapters.http.media.AnnotationMessages.DrawingResponse;
import dev.coachkit.adapters.http.media.AnnotationMessages.ShapeBody;
import dev.coachkit.adapters.http.media.AnnotationMessages.ShapeResponse;
import dev.coachkit.adapters.http.media.AnnotationMessages.UpdateAnnotationRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Example bodies of video review: a coach marks the knee angle at 2.5 s of a swing. */
final class AnnotationExamples {

    private static final UUID ANNOTATION = UUID.fromString("a7c3e1f9-2b4d-4c6e-8f0a-1b3d5e7f9a2c");
    private static final UUID MEDIA = UUID.fromString("e2f4a6b8-0c1d-4e3f-8a5b-7c9d0e1f2a3b");
    private static final UUID COACH = UUID.fromString("3f9b2d7e-5a1c-4e8f-b6d0-2c4e6a8b0d1f");
    private static final UUID VOICE_OVER = UUID.fromString("9d1b3f5a-7c2e-4a6b-8d0f-1e3a5c7b9d2f");
    private static final Instant ANNOTATED = Instant.parse("2026-03-02T18:05:00Z");
    private static final List<List<Double>> KNEE = List.of(List.of(0.42, 0.31), List.of(0.47, 0.58),
            List.of(0.44, 0.86));
    private static final List<List<Double>> POINTER = List.of(List.of(0.6, 0.2), List.of(0.5, 0.3));
    private static final DrawingBody DRAWING = new DrawingBody(1, List.of(
            new ShapeBody("angle", KNEE, "#FF3B30", 3.0, "142°"),
            new ShapeBody("arrow", POINTER, "#FFD60A", 2.0, "hands")));
    private static final DrawingResponse DRAWN = new DrawingResponse(1, List.of(
            new ShapeResponse("angle", KNEE, "#FF3B30", 3.0, "142°"),
            new ShapeResponse("arrow", POINTER, "#FFD60A", 2.0, "hands")));

    static final CreateAnnotationRequest CREATE = new CreateAnnotationRequest(2_500L, 3_200L,
            "Bend the knee more at the top of the backswing", DRAWING, VOICE_OVER);
    static final AnnotationResponse ANNOTATION_CREATED = new AnnotationResponse(ANNOTATION, MEDIA, COACH, 2_500, 3_200L,
            "Bend the knee more at the top of the backswing", DRAWN, VOICE_OVER, ANNOTATED, ANNOTATED);
    static final UpdateAnnotationRequest UPDATE = new UpdateAnnotationRequest(2_400L, 3_000L, "Bend the knee more",
            DRAWING);
    static final AnnotationPage PAGE = new AnnotationPage(List.of(ANNOTATION_CREATED), null);

    private AnnotationExamples() {}
}
