package dev.coachkit.application.admin.port.out;

import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.media.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values of an export row that are more than a scalar, in the one form every {@link TenantDataSource} gives. */
public final class ExportValues {

    private ExportValues() {}

    /** A drawing as the API shows it: {@code {version, shapes:[{kind, points:[[x, y], …], color, width?, label?}]}}. */
    public static Map<String, Object> drawing(Drawing drawing) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("version", drawing.version());
        value.put("shapes", drawing.shapes().stream().map(ExportValues::shape).toList());
        return value;
    }

    private static Map<String, Object> shape(Shape shape) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("kind", shape.kind().wireName());
        value.put("points", shape.points().stream().map(point -> List.of(point.x(), point.y())).toList());
        value.put("color", shape.color());
        shape.width().ifPresent(width -> value.put("width", width));
        shape.label().ifPresent(label -> value.put("label", label));
        return value;
    }
}
