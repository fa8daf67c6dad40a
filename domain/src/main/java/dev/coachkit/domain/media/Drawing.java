package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.List;

/**
 * Shapes drawn over a frame, in the one version of the format there is. Bounded so that a drawing stays a
 * few hundred kilobytes at most: at most {@value #MAX_SHAPES} shapes and {@value #MAX_POINTS} points in all.
 */
public record Drawing(int version, List<Shape> shapes) {

    public static final int CURRENT_VERSION = 1;
    public static final int MAX_SHAPES = 100;
    public static final int MAX_POINTS = 5_000;

    public Drawing {
        if (version != CURRENT_VERSION) {
            throw new InvalidInputException("drawing.version", "must be " + CURRENT_VERSION);
        }
        if (shapes == null || shapes.isEmpty()) {
            throw new InvalidInputException("drawing.shapes", "must hold at least one shape");
        }
        if (shapes.size() > MAX_SHAPES) {
            throw new InvalidInputException("drawing.shapes", "must hold at most " + MAX_SHAPES + " shapes");
        }
        shapes = List.copyOf(shapes);
        if (shapes.stream().mapToInt(shape -> shape.points().size()).sum() > MAX_POINTS) {
            throw new InvalidInputException("drawing.shapes.points", "must hold at most " + MAX_POINTS
                    + " points in all shapes together");
        }
    }
}
