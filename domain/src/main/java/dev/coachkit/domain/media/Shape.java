package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One shape of a drawing: its kind, the points that place it, a colour, and optionally a stroke width and a label. */
public record Shape(ShapeKind kind, List<Point> points, String color, Optional<Double> width, Optional<String> label) {

    public static final int MAX_LABEL = 200;
    /** Stroke widths in pixels of the rendered frame; wider than this hides the frame rather than marks it. */
    public static final double MAX_WIDTH = 100;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Shape {
        Objects.requireNonNull(kind, "kind");
        if (points == null || points.isEmpty()) {
            throw new InvalidInputException("drawing.shapes.points", "must hold at least one point");
        }
        points = List.copyOf(points);
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new InvalidInputException("drawing.shapes.color", "must be #RRGGBB");
        }
        width = width == null ? Optional.empty() : width;
        width.ifPresent(w -> {
            if (!(w > 0 && w <= MAX_WIDTH)) {
                throw new InvalidInputException("drawing.shapes.width", "must be above 0 and at most " + MAX_WIDTH);
            }
        });
        label = label == null ? Optional.empty() : label.flatMap(text -> Text.optional(text, "drawing.shapes.label",
                MAX_LABEL));
    }
}
