package dev.coachkit.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of a served OpenAPI document as hostile-input generation sees it: its parameters and
 * its request body schema with every {@code $ref} resolvable against the document's components.
 */
record ApiOperation(String method, String pathTemplate, String operationId, boolean authenticated,
        List<JsonNode> parameters, JsonNode bodySchema, JsonNode bodyExample, JsonNode document) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every operation of {@code openApiJson}, in document order (paths sorted, then methods). */
    static List<ApiOperation> all(String openApiJson) {
        JsonNode document;
        try {
            document = JSON.readTree(openApiJson);
        } catch (Exception e) {
            throw new IllegalStateException("/openapi.json is not JSON", e);
        }
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = methods.next();
                JsonNode operation = entry.getValue();
                JsonNode body = operation.at("/requestBody/content/application~1json");
                List<JsonNode> parameters = new ArrayList<>();
                operation.path("parameters").forEach(parameters::add);
                // an operation-level empty security list overrides the document-wide bearer requirement
                boolean authenticated = !(operation.has("security") && operation.get("security").isEmpty());
                operations.add(new ApiOperation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.path("operationId").asText(), authenticated, parameters,
                        body.isMissingNode() ? null : body.path("schema"),
                        body.isMissingNode() || !body.has("example") ? null : body.get("example"), document));
            }
        }
        return operations;
    }

    /**
     * Whether its success is a stream that stays open (Server-Sent Events, or a WebSocket after 101): a
     * client that reads the whole answer waits forever, so the walkers over every operation leave it to
     * RealtimeEndToEndTest.
     */
    boolean streams() {
        JsonNode responses = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT))
                .path("responses");
        return responses.at("/200/content").has("text/event-stream") || responses.has("101");
    }

    /** {@code GET /spaces/{id}}, as the summary and assertion messages name it. */
    String key() {
        return method + " " + pathTemplate;
    }

    /** The schema itself, or the component a {@code $ref} points to. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    List<JsonNode> parametersIn(String location) {
        return parameters.stream().filter(p -> p.path("in").asText().equals(location)).toList();
    }
}
