package dev.coachkit.adapters.persistence.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.media.Point;
import dev.coachkit.domain.media.Shape;
import dev.coachkit.domain.media.ShapeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.JSONB;

/** A drawing in its jsonb column, in the API's version 1 shape ({@code points} as {@code [[x, y], …]}). */
public final class DrawingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DrawingJson() {}

    static JSONB write(Drawing drawing) {
        ObjectNode root = JSON.createObjectNode().put("version", drawing.version());
        ArrayNode shapes = root.putArray("shapes");
        for (Shape shape : drawing.shapes()) {
            ObjectNode node = shapes.addObject().put("kind", shape.kind().wireName()).put("color", shape.color());
            ArrayNode points = node.putArray("points");
            shape.points().forEach(point -> points.addArray().add(point.x()).add(point.y()));
            shape.width().ifPresent(width -> node.put("width", width));
            shape.label().ifPresent(label -> node.put("label", label));
        }
        return JSONB.valueOf(root.toString());
    }

    public static Drawing read(JSONB column) {
        try {
            JsonNode root = JSON.readTree(column.data());
            List<Shape> shapes = new ArrayList<>();
            for (JsonNode node : root.get("shapes")) {
                List<Point> points = new ArrayList<>();
                node.get("points").forEach(point -> points.add(new Point(point.get(0).doubleValue(),
                        point.get(1).doubleValue())));
                shapes.add(new Shape(ShapeKind.named(node.get("kind").textValue()), points,
                        node.get("color").textValue(),
                        Optional.ofNullable(node.get("width")).map(JsonNode::doubleValue),
                        Optional.ofNullable(node.get("label")).map(JsonNode::textValue)));
            }
            return new Drawing(root.get("version").intValue(), shapes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored drawing is not JSON", e);
        }
    }
}
