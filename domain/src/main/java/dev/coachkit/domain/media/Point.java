package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.InvalidInputException;

/** A point of a drawing, as a fraction of the frame's width and height from its top-left corner. */
public record Point(double x, double y) {

    public Point {
        if (!withinFrame(x) || !withinFrame(y)) {
            throw new InvalidInputException("drawing.shapes.points", "coordinates must be between 0 and 1");
        }
    }

    // NaN compares false both ways, so it is refused with the out-of-frame values
    private static boolean withinFrame(double coordinate) {
        return coordinate >= 0 && coordinate <= 1;
    }
}
