package dev.coachkit.adapters.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    enum Day { MONDAY, TUESDAY }

    record Slot(@NotNull Day day, LocalTime start) {}

    record Availability(
            @NotEmpty @Size(max = 7) List<Slot> slots,
            @Pattern(regexp = "[A-Z]{3}") String currency,
            @Positive long capacity,
            Map<String, Integer> counters,
            Availability next) {}

    record Unsupported(Thread thread) {}

    record Answer(String name, @Nullable String nickname, @Nullable Day day, @Nullable Slot slot, int count) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(@NotNull String name, String nickname) {}

    @Test
    void record_becomes_a_component_with_constraints_and_nested_references() {
        JsonSchemas schemas = new JsonSchemas();

        assertThat(schemas.schemaOf(Availability.class)).isEqualTo(Map.of("$ref", "#/components/schemas/JsonSchemasTestAvailability"));

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) schemas.components().get("JsonSchemasTestAvailability")).get("properties");
        assertThat(properties.get("slots")).containsEntry("type", "array").containsEntry("minItems", 1).containsEntry("maxItems", 7);
        assertThat(properties.get("currency")).containsEntry("pattern", "^(?:[A-Z]{3})$");
        assertThat(properties.get("capacity")).containsEntry("format", "int64").containsEntry("exclusiveMinimum", 0);
        assertThat(properties.get("counters")).containsEntry("additionalProperties", Map.of("type", "integer", "format", "int32"));
        assertThat(properties.get("next")).containsEntry("$ref", "#/components/schemas/JsonSchemasTestAvailability");
        assertThat(schemas.components()).containsKeys("JsonSchemasTestSlot");
    }

    @Test
    void response_fields_are_all_present_and_null_only_where_marked_nullable() {
        JsonSchemas schemas = new JsonSchemas();
        schemas.responseSchemaOf(Answer.class);

        Map<String, Object> answer = component(schemas, "JsonSchemasTestAnswer");
        assertThat(answer.get("required")).isEqualTo(List.of("name", "nickname", "day", "slot", "count"));
        Map<String, Object> properties = properties(answer);
        assertThat(properties.get("name")).isEqualTo(Map.of("type", "string"));
        assertThat(properties.get("nickname")).isEqualTo(Map.of("type", List.of("string", "null")));
        assertThat(properties.get("day")).isEqualTo(Map.of("type", List.of("string", "null"),
                "enum", Arrays.asList("MONDAY", "TUESDAY", null)));
        assertThat(properties.get("slot")).isEqualTo(Map.of("anyOf", List.of(
                Map.of("$ref", "#/components/schemas/JsonSchemasTestSlot"), Map.of("type", "null"))));
    }

    @Test
    void a_response_record_that_omits_nulls_requires_only_what_cannot_be_null() {
        JsonSchemas schemas = new JsonSchemas();
        schemas.responseSchemaOf(Sparse.class);

        Map<String, Object> sparse = component(schemas, "JsonSchemasTestSparse");
        assertThat(sparse.get("required")).isEqualTo(List.of("name"));
        assertThat(properties(sparse).get("nickname")).isEqualTo(Map.of("type", "string"));
    }

    @Test
    void a_record_used_both_ways_is_refused() {
        JsonSchemas schemas = new JsonSchemas();
        schemas.schemaOf(Slot.class);

        assertThatThrownBy(() -> schemas.responseSchemaOf(Slot.class)).hasMessageContaining("both a request and a response");
    }

    @Test
    void enums_are_strings_listing_their_values() {
        assertThat(new JsonSchemas().schemaOf(Day.class)).containsEntry("enum", List.of("MONDAY", "TUESDAY"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(JsonSchemas schemas, String name) {
        return (Map<String, Object>) schemas.components().get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> component) {
        return (Map<String, Object>) component.get("properties");
    }

    @Test
    void a_type_that_cannot_be_described_fails_loudly() {
        assertThatThrownBy(() -> new JsonSchemas().schemaOf(Unsupported.class)).hasMessageContaining("java.lang.Thread");
    }
}
