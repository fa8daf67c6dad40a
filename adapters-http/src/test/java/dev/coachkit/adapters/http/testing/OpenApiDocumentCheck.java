package dev.coachkit.adapters.http.testing;

import static dev.coachkit.adapters.http.testing.OpenApiSchemas.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an OpenAPI 3.1 document with tools that did not write it: swagger-parser's OpenAPI 3.1
 * deserializer reports structural faults (missing or unexpected fields, wrong types, unresolvable
 * references), every schema in it is validated against the JSON Schema 2020-12 meta-schema (the
 * parser is lenient there), and every example must validate against the schema beside it.
 */
public final class OpenApiDocumentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocumentCheck() {}

    /** Every fault found; empty when the document is valid. */
    public static List<String> problems(String documentJson) {
        List<String> problems = new ArrayList<>(parserMessages(documentJson));
        JsonNode document = read(documentJson);
        OpenApiSchemas schemas = new OpenApiSchemas(documentJson);
        document.path("components").path("schemas").fields().forEachRemaining(schema -> schemaProblems(schemas,
                "/components/schemas/" + token(schema.getKey()), schema.getValue(), problems));
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operationProblems(schemas, "/paths/" + token(path.getKey()) + "/" + operation.getKey(),
                        operation.getValue(), problems)));
        return problems;
    }

    private static List<String> parserMessages(String documentJson) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true); // also reports references that do not resolve
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentJson, null, options);
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("swagger-parser could not read the document at all");
        } else if (result.getOpenAPI().getSpecVersion() != SpecVersion.V31) {
            messages.add("swagger-parser did not read the document as OpenAPI 3.1");
        }
        return messages;
    }

    private static void operationProblems(OpenApiSchemas schemas, String operation, JsonNode node, List<String> problems) {
        node.path("parameters").forEach(parameter -> schemaProblems(schemas, operation + "/parameters/"
                + parameter.path("name").asText(), parameter.path("schema"), problems));
        mediaProblems(schemas, operation + "/requestBody/content", node.path("requestBody").path("content"), problems);
        node.path("responses").fields().forEachRemaining(response -> mediaProblems(schemas,
                operation + "/responses/" + response.getKey() + "/content", response.getValue().path("content"),
                problems));
    }

    private static void mediaProblems(OpenApiSchemas schemas, String content, JsonNode node, List<String> problems) {
        for (Map.Entry<String, JsonNode> media : iterable(node)) {
            String pointer = content + "/" + token(media.getKey());
            schemaProblems(schemas, pointer + "/schema", media.getValue().path("schema"), problems);
            if (media.getValue().has("example")) {
                schemas.errors(pointer + "/schema", media.getValue().get("example"))
                        .forEach(error -> problems.add(pointer + "/example does not match its schema: " + error));
            }
        }
    }

    private static void schemaProblems(OpenApiSchemas schemas, String pointer, JsonNode schema, List<String> problems) {
        schemas.schemaErrors(schema).forEach(error -> problems.add(pointer + " is not a JSON Schema: " + error));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
