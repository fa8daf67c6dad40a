package dev.coachkit.adapters.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of one OpenAPI 3.1 document, validated by networknt's JSON Schema 2020-12
 * implementation in the OpenAPI 3.1 dialect: the whole document is one schema resource, so any schema
 * in it is addressed by JSON pointer and its {@code #/components/schemas/...} references resolve as a
 * client's validator would resolve them.
 */
public final class OpenApiSchemas {

    /** Where the document pretends to live; only a base for resolving its own references, never fetched. */
    private static final String BASE = "https://openapi.coachkit.test/openapi.json";
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaRegistry registry;

    public OpenApiSchemas(String documentJson) {
        // formats are only annotations by default in 2020-12; the API promises uuid, date-time and e-mail values
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, documentJson)).schemaRegistryConfig(config));
    }

    /** Why {@code instance} does not match the schema at {@code pointer} (e.g. {@code /components/schemas/Space}). */
    public List<String> errors(String pointer, JsonNode instance) {
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
            return messages(schema.validate(instance));
        } catch (SchemaException unusable) { // e.g. a $ref to nothing: a fault of the document, reported like the rest
            return List.of("the schema at " + pointer + " cannot be used: " + unusable.getMessage());
        }
    }

    /** Why {@code schema} is not a valid JSON Schema 2020-12. */
    public List<String> schemaErrors(JsonNode schema) {
        return messages(registry.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema));
    }

    /** The RFC 6901 pointer token for a key such as {@code /spaces/{id}} or {@code application/json}. */
    public static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(error -> {
            String location = error.getInstanceLocation().toString();
            return (location.isEmpty() ? "(the whole value)" : location) + ": " + error.getMessage();
        }).toList();
    }
}
