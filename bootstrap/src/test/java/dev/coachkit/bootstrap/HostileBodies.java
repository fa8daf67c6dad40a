package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.HostileRequest.Expect.HANDLED;
import static dev.coachkit.bootstrap.HostileRequest.Expect.INVALID;
import static dev.coachkit.bootstrap.HostileRequest.Expect.INVALID_OR_TOO_LARGE;
import static dev.coachkit.bootstrap.HostileRequest.Expect.TOO_LARGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapters.http.HttpSettings;
import dev.coachkit.bootstrap.HostileRequest.Expect;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The hostile variants of one operation's valid JSON body, field by field and as a whole. */
final class HostileBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "\u2603marker\u2603";

    private final ApiOperation operation;
    private final String path;
    private final ObjectNode valid;
    private final Random random;
    private final ValidValues values;
    private final JsonNode schema;
    private List<HostileRequest> out;

    HostileBodies(ApiOperation operation, String path, ObjectNode valid, Random random, ValidValues values) {
        this.operation = operation;
        this.path = path;
        this.valid = valid;
        this.random = random;
        this.values = values;
        this.schema = operation.resolve(operation.bodySchema());
    }

    void addTo(List<HostileRequest> requests) {
        out = requests;
        whole();
        boolean hugeStringSent = false;
        for (Iterator<Map.Entry<String, JsonNode>> fields = HostileRequests.properties(schema); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode fieldSchema = operation.resolve(field.getValue());
            if (ValidValues.isRequired(schema, name)) {
                ObjectNode missing = valid.deepCopy();
                missing.remove(name);
                add("missing required " + name, missing, INVALID);
                add(name + ": null", with(name, NODES.nullNode()), INVALID);
            }
            int depth = HostileRequests.DEEPER_THAN_ANY_LIMIT;
            add(name + ": nested " + depth + " deep", raw(name, "[".repeat(depth) + "]".repeat(depth)), INVALID);
            switch (fieldSchema.path("type").asText()) {
                case "string" -> {
                    strings(name, fieldSchema, !hugeStringSent);
                    hugeStringSent = true;
                }
                case "integer", "number" -> numbers(name, fieldSchema);
                case "boolean" -> {
                    add(name + ": string", with(name, NODES.textNode("maybe")), INVALID);
                    add(name + ": object", with(name, NODES.objectNode()), INVALID);
                    // no coercion: "false" is not false, and 0 is not false either
                    addNaming(name, name + ": \"false\"", with(name, NODES.textNode("false")));
                    addNaming(name, name + ": 0", with(name, NODES.numberNode(0)));
                }
                case "array" -> arrays(name, fieldSchema);
                default -> add(name + ": string", with(name, NODES.textNode("x")), INVALID);
            }
        }
    }

    /** The body as a whole: not an object, not JSON, not UTF-8, or with fields the server does not know. */
    private void whole() {
        for (String notAnObject : List.of("[]", "\"text\"", "42", "null", "{", "{\"a\":1}}", "{'single':'quotes'}")) {
            add("body " + notAnObject, notAnObject, INVALID);
        }
        String withMarker = with(firstStringField(), NODES.textNode(MARKER)).toString();
        for (byte[] invalidUtf8 : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            out.add(new HostileRequest(operation, "invalid UTF-8 " + hex(invalidUtf8), path,
                    HostileRequests.splice(withMarker, MARKER, invalidUtf8), operation.authenticated(), INVALID, null,
                    null));
        }
        // in a field the server ignores, so only the depth can be what is refused
        int limit = HttpSettings.DEFAULT_MAX_JSON_NESTING_DEPTH;
        add("nested one past the depth limit", nested(limit + 1), INVALID);
        out.add(HostileRequest.of(operation, "nested exactly to the depth limit", path, nested(limit), HANDLED)
                .withUnknownField("nesting"));
        ObjectNode padded = valid.deepCopy();
        padded.put("padding", "x".repeat((int) HttpSettings.DEFAULT_MAX_REQUEST_BODY_BYTES));
        add("body over the size limit", padded, TOO_LARGE);
        if (valid.size() > 0) {
            // a repeated key: a proxy or filter in front may read the first, Jackson would keep the last
            String first = valid.fieldNames().next();
            String duplicated = "{" + NODES.textNode(first) + ":" + valid.get(first) + "," + valid.toString().substring(1);
            out.add(HostileRequest.of(operation, "duplicate key " + first, path, duplicated, INVALID).naming(first));
        }
        ObjectNode extra = valid.deepCopy();
        extra.put("isAdmin", true);
        extra.set("__proto__", NODES.objectNode().put("polluted", true));
        // an unknown field is ignored for forward compatibility: the answer may be anything but a complaint about it
        out.add(HostileRequest.of(operation, "unknown fields", path, extra.toString(), HANDLED)
                .withUnknownField("isAdmin"));
    }

    private void strings(String name, JsonNode fieldSchema, boolean huge) {
        add(name + ": object", with(name, NODES.objectNode().putNull("$ne")), INVALID);
        add(name + ": array", with(name, NODES.arrayNode().add("x")), INVALID);
        // no coercion: a number where a string belongs is not read as its digits
        addNaming(name, name + ": number", with(name, NODES.numberNode(123)));
        // valid JSON, but no text: an unpaired surrogate would be stored as "?"
        addNaming(name, name + ": lone surrogate", raw(name, "\"a\\ud800b\""));
        if (fieldSchema.has("enum")) {
            // an enum by its index: 1 and "1" are not the second constant
            addNaming(name, name + ": enum index \"1\"", raw(name, "\"1\""));
            addNaming(name, name + ": enum index 1", raw(name, "1"));
        }
        if (fieldSchema.has("maxLength")) {
            add(name + ": longer than maxLength", with(name, NODES.textNode("x".repeat(fieldSchema.path("maxLength")
                    .asInt() + 1))), INVALID);
        } else {
            add(name + ": 100 000 chars", with(name, NODES.textNode("x".repeat(100_000))), HANDLED);
        }
        if (huge) {
            add(name + ": " + HostileRequests.HUGE_STRING + " chars", with(name,
                    NODES.textNode("x".repeat(HostileRequests.HUGE_STRING))), INVALID_OR_TOO_LARGE);
        }
        String format = fieldSchema.path("format").asText();
        Expect malformed = format.equals("uuid") || format.equals("date-time") || fieldSchema.has("enum")
                || fieldSchema.has("pattern") ? INVALID : HANDLED;
        add(name + ": malformed", with(name, NODES.textNode("not-a-uuid 2026-13-45T25:61 DROP")), malformed);
        if (format.equals("date-time")) {
            // valid ISO-8601, but beyond what any session or filter can mean: refused, not a database failure
            add(name + ": year +1000000000", with(name, NODES.textNode("+1000000000-12-31T23:59:59Z")),
                    HostileRequest.Expect.REFUSED);
            add(name + ": year -1000000000", with(name, NODES.textNode("-1000000000-01-01T00:00:00Z")),
                    HostileRequest.Expect.REFUSED);
        }
        String injection = HostileRequests.INJECTIONS.get(random.nextInt(HostileRequests.INJECTIONS.size()));
        add(name + ": injection " + injection, with(name, NODES.textNode(injection)), malformed);
        add(name + ": NUL character", with(name, NODES.textNode("a\u0000b")), malformed);
    }

    private void numbers(String name, JsonNode fieldSchema) {
        for (String number : List.of("1e309", "-1e309", "1.5", "99999999999999999999999", "-9223372036854775809",
                "\"12\"", "true", "NaN")) {
            if (number.equals("\"12\"")) {
                addNaming(name, name + ": " + number, raw(name, number)); // no coercion from a string
            } else {
                add(name + ": " + number, raw(name, number), INVALID);
            }
        }
        if (fieldSchema.has("minimum")) {
            add(name + ": below minimum", with(name, NODES.numberNode(fieldSchema.path("minimum").asLong() - 1)),
                    INVALID);
        }
        if (fieldSchema.has("maximum")) {
            add(name + ": above maximum", with(name, NODES.numberNode(fieldSchema.path("maximum").asLong() + 1)),
                    INVALID);
        }
        add(name + ": Long.MIN_VALUE", with(name, NODES.numberNode(Long.MIN_VALUE)), HostileRequest.Expect.REFUSED);
    }

    private void arrays(String name, JsonNode fieldSchema) {
        add(name + ": string", with(name, NODES.textNode("x")), INVALID);
        add(name + ": array of nulls", with(name, NODES.arrayNode().addNull()), INVALID);
        JsonNode item = values.value(operation, name, fieldSchema.path("items"));
        int count = fieldSchema.has("maxItems") ? fieldSchema.path("maxItems").asInt() + 1 : 10_000;
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            many.add(item.deepCopy());
        }
        add(name + ": " + count + " items", with(name, many), fieldSchema.has("maxItems") ? INVALID : HANDLED);
        add(name + ": 200 000 numbers", raw(name, "[" + "0,".repeat(199_999) + "0]"), INVALID);
    }

    /** The valid body with an unknown field whose value makes the whole body {@code depth} levels deep. */
    private String nested(int depth) {
        ObjectNode body = valid.deepCopy();
        body.put("nesting", MARKER);
        return body.toString().replace("\"" + MARKER + "\"", "[".repeat(depth - 1) + "]".repeat(depth - 1));
    }

    private String firstStringField() {
        for (Iterator<Map.Entry<String, JsonNode>> f = HostileRequests.properties(schema); f.hasNext(); ) {
            Map.Entry<String, JsonNode> field = f.next();
            if (operation.resolve(field.getValue()).path("type").asText().equals("string")) {
                return field.getKey();
            }
        }
        return "unknownText";
    }

    private ObjectNode with(String field, JsonNode value) {
        ObjectNode body = valid.deepCopy();
        body.set(field, value);
        return body;
    }

    /** The valid body with {@code field} set to JSON text Jackson's tree would not write (1e309, NaN, deep arrays). */
    private String raw(String field, String json) {
        return HostileRequests.text(with(field, NODES.textNode(MARKER))).replace("\"" + MARKER + "\"", json);
    }

    /** Refused as invalid input (400) naming {@code field}. */
    private void addNaming(String field, String kind, JsonNode body) {
        out.add(HostileRequest.of(operation, kind, path, body.toString(), INVALID).naming(field));
    }

    private void addNaming(String field, String kind, String body) {
        out.add(HostileRequest.of(operation, kind, path, body, INVALID).naming(field));
    }

    private void add(String kind, JsonNode body, Expect expect) {
        add(kind, body.toString(), expect);
    }

    private void add(String kind, String body, Expect expect) {
        out.add(HostileRequest.of(operation, kind, path, body, expect));
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b));
        }
        return text.toString();
    }
}
