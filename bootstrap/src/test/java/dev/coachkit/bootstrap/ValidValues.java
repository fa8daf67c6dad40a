package dev.coachkit.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * A valid request body for an operation: the document's example when it has one, otherwise one built
 * from the schema's required fields; UUID fields name real resources, so the request gets past lookups.
 */
final class ValidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Within the hours {@link ApiClient#openEveryDay} opens, far enough ahead for any booking rule. */
    private static final Instant FUTURE = LocalDate.now(ZoneOffset.UTC).plusDays(9).atTime(LocalTime.of(10, 0))
            .toInstant(ZoneOffset.UTC);

    private final HostileRequests.Ids ids;

    ValidValues(HostileRequests.Ids ids) {
        this.ids = ids;
    }

    ObjectNode body(ApiOperation operation) {
        JsonNode schema = operation.resolve(operation.bodySchema());
        ObjectNode body = operation.bodyExample() != null && operation.bodyExample().isObject()
                ? operation.bodyExample().deepCopy() : NODES.objectNode();
        int instants = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = HostileRequests.properties(schema); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = operation.resolve(field.getValue());
            boolean required = isRequired(schema, field.getKey());
            if (isUuid(fieldSchema)) {
                // the example's ids name nothing on this server
                String id = ids.field(field.getKey());
                if (id == null) {
                    body.remove(field.getKey());
                } else if (required || body.has(field.getKey())) {
                    body.put(field.getKey(), id);
                }
            } else if (isUuid(operation.resolve(fieldSchema.path("items")))) {
                String id = ids.field(field.getKey());
                body.set(field.getKey(), id == null ? NODES.arrayNode() : NODES.arrayNode().add(id));
            } else if ("date-time".equals(fieldSchema.path("format").asText())
                    && (required || body.has(field.getKey()))) {
                // the example's instants are in the past; later fields (endsAt) an hour after earlier ones (startsAt)
                body.put(field.getKey(), FUTURE.plusSeconds(3600L * instants++).toString());
            } else if (required && !body.has(field.getKey())) {
                body.set(field.getKey(), value(operation, field.getKey(), fieldSchema));
            }
        }
        if (body.has("email")) {
            body.put("email", ApiClient.uniqueEmail("fuzz"));
        }
        return body;
    }

    /** A valid value of {@code schema} for a field called {@code name}. */
    JsonNode value(ApiOperation operation, String name, JsonNode schema) {
        JsonNode resolved = operation.resolve(schema);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        switch (resolved.path("type").asText()) {
            case "boolean":
                return NODES.booleanNode(true);
            case "integer":
            case "number":
                return NODES.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(value(operation, name, resolved.path("items")));
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> f = HostileRequests.properties(resolved); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = f.next();
                    if (isRequired(resolved, field.getKey())) {
                        object.set(field.getKey(), value(operation, field.getKey(), field.getValue()));
                    }
                }
                return object;
            }
            default:
                return NODES.textNode(string(name, resolved));
        }
    }

    private String string(String name, JsonNode schema) {
        String format = schema.path("format").asText();
        if (format.equals("uuid")) {
            String id = ids.field(name);
            return id == null ? UUID.randomUUID().toString() : id;
        }
        if (format.equals("date-time")) {
            return FUTURE.toString();
        }
        if (format.equals("email")) {
            return ApiClient.uniqueEmail("fuzz");
        }
        if (schema.has("pattern")) {
            return switch (name) {
                case "currency" -> "EUR";
                case "outcome" -> "paid";
                default -> "12:00"; // the other patterns are wall-clock times
            };
        }
        return "v".repeat(Math.max(8, schema.path("minLength").asInt(1)));
    }

    static boolean isRequired(JsonNode objectSchema, String field) {
        for (JsonNode name : objectSchema.path("required")) {
            if (name.asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUuid(JsonNode schema) {
        return "uuid".equals(schema.path("format").asText());
    }
}
