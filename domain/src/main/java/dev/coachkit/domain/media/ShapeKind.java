package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** What a shape of a drawing is; clients name it in lower case ({@code "arrow"}). */
public enum ShapeKind {
    LINE, ARROW, CIRCLE, RECT, FREEHAND, ANGLE, TEXT;

    public static ShapeKind named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("drawing.shapes.kind",
                        "must be one of line, arrow, circle, rect, freehand, angle, text"));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
