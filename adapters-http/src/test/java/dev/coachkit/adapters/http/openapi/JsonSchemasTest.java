package dev.coachkit.adapters.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
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

    @Test
    void record_becomes_a_component_with_constraints_and_nested_references() {
        JsonSchemas schemas = new JsonSchemas();

        assertThat(schemas.schemaOf(Availability.class)).isEqualTo(Map.of("$ref", "#/components/schemas/JsonSchemasTestAvailability"));

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) schemas.components().get("JsonSchemasTestAvailability")).get("properties");
        assertThat(properties.get("slots")).containsEntry("type", "array").containsEntry("minItems", 1).containsEntry("maxItems", 7);
        assertThat(properties.get("currency")).containsEntry("pattern", "[A-Z]{3}");
        assertThat(properties.get("capacity")).containsEntry("format", "int64").containsEntry("exclusiveMinimum", 0);
        assertThat(properties.get("counters")).containsEntry("additionalProperties", Map.of("type", "integer", "format", "int32"));
        assertThat(properties.get("next")).containsEntry("$ref", "#/components/schemas/JsonSchemasTestAvailability");
        assertThat(schemas.components()).containsKeys("JsonSchemasTestSlot");
    }

    @Test
    void enums_are_strings_listing_their_values() {
        assertThat(new JsonSchemas().schemaOf(Day.class)).containsEntry("enum", List.of("MONDAY", "TUESDAY"));
    }

    @Test
    void a_type_that_cannot_be_described_fails_loudly() {
        assertThatThrownBy(() -> new JsonSchemas().schemaOf(Unsupported.class)).hasMessageContaining("java.lang.Thread");
    }
}
