package dev.coachkit.adapters.http.media;

import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.media.Point;
import dev.coachkit.domain.media.Shape;
import dev.coachkit.domain.media.ShapeKind;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of the Video review endpoints. The sizes bound what is parsed before the domain checks the
 * rest (coordinates within the frame, colours, at most 5,000 points in all shapes together).
 */
final class AnnotationMessages {

    private AnnotationMessages() {}

    /** One shape: {@code points} as {@code [[x, y], …]}, fractions of the frame from its top-left corner. */
    record ShapeBody(
            @NotNull String kind,
            @NotNull @Size(min = 1, max = Drawing.MAX_POINTS) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> points,
            @NotNull String color,
            @Nullable Double width,
            @Nullable @Size(max = Shape.MAX_LABEL) String label) {

        Shape toDomain() {
            return new Shape(ShapeKind.named(kind), points.stream().map(xy -> new Point(xy.get(0), xy.get(1))).toList(),
                    color, Optional.ofNullable(width), Optional.ofNullable(label));
        }
    }

    /** A drawing over the frame, format version 1. */
    record DrawingBody(@NotNull Integer version,
            @NotNull @Size(min = 1, max = Drawing.MAX_SHAPES) List<@NotNull @Valid ShapeBody> shapes) {

        Drawing toDomain() {
            return new Drawing(version, shapes.stream().map(ShapeBody::toDomain).toList());
        }
    }

    /** {@code POST /media/{id}/annotations}: at least one of text, drawing, audioMediaId. */
    record CreateAnnotationRequest(
            @NotNull Long atMs,
            @Nullable Long endMs,
            @Nullable @Size(max = Annotation.MAX_TEXT) String text,
            @Nullable @Valid DrawingBody drawing,
            @Nullable UUID audioMediaId) {}

    /** {@code PATCH /annotations/{id}}: what is left out stays; an empty text removes the text. */
    record UpdateAnnotationRequest(
            @Nullable Long atMs,
            @Nullable Long endMs,
            @Nullable @Size(max = Annotation.MAX_TEXT) String text,
            @Nullable @Valid DrawingBody drawing) {

        Annotation.Changes toChanges() {
            return new Annotation.Changes(Optional.ofNullable(atMs), Optional.ofNullable(endMs),
                    Optional.ofNullable(text), Optional.ofNullable(drawing).map(DrawingBody::toDomain));
        }
    }

    /** One shape as stored. */
    record ShapeResponse(String kind, List<List<Double>> points, String color, @Nullable Double width,
            @Nullable String label) {

        static ShapeResponse from(Shape shape) {
            return new ShapeResponse(shape.kind().wireName(), shape.points().stream()
                    .map(point -> List.of(point.x(), point.y())).toList(), shape.color(), shape.width().orElse(null),
                    shape.label().orElse(null));
        }
    }

    /** A drawing as stored. */
    record DrawingResponse(int version, List<ShapeResponse> shapes) {

        static DrawingResponse from(Drawing drawing) {
            return new DrawingResponse(drawing.version(), drawing.shapes().stream().map(ShapeResponse::from).toList());
        }
    }

    /** An annotation as the Video review endpoints answer with it. */
    record AnnotationResponse(UUID id, UUID mediaId, UUID authorId, long atMs, @Nullable Long endMs,
            @Nullable String text, @Nullable DrawingResponse drawing, @Nullable UUID audioMediaId, Instant createdAt,
            Instant updatedAt) {

        static AnnotationResponse from(Annotation annotation) {
            return new AnnotationResponse(annotation.id(), annotation.mediaId(), annotation.authorId().value(),
                    annotation.atMs(), annotation.endMs().orElse(null), annotation.text().orElse(null),
                    annotation.drawing().map(DrawingResponse::from).orElse(null),
                    annotation.audioMediaId().orElse(null), annotation.createdAt(), annotation.updatedAt());
        }
    }

    /** A page of a media's annotations, by moment. */
    record AnnotationPage(List<AnnotationResponse> items, @Nullable String nextCursor) {

        static AnnotationPage from(Page<Annotation> page) {
            return new AnnotationPage(page.items().stream().map(AnnotationResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }
}
