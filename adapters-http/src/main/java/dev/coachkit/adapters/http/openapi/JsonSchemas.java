package dev.coachkit.adapters.http.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Derives JSON Schemas (2020-12, as used by OpenAPI 3.1) from request and response records, reading
 * the jakarta.validation annotations the validator enforces, so the documented rules are the real ones.
 * Records become named components; a type it cannot describe fails at startup, not in the docs.
 *
 * <p>A request field is required when a constraint demands it. A response field is always present,
 * because Jackson writes every record component, and never null unless it is marked
 * {@link Nullable}; a record written with {@code @JsonInclude(NON_NULL)} leaves its null fields out
 * instead, so there only the fields that cannot be null are required.
 */
final class JsonSchemas {

    private static final String REF_PREFIX = "#/components/schemas/";

    /** Which way a record travels: the same Java shape is described differently in each. */
    private enum Direction { REQUEST, RESPONSE }

    private final Map<String, Object> components = new TreeMap<>();
    private final Map<String, Class<?>> owners = new HashMap<>();
    private final Map<Class<?>, Direction> directions = new HashMap<>();

    /** The schemas of every record referenced so far, by component name. */
    Map<String, Object> components() {
        return components;
    }

    /** The schema of a request body or parameter of this type. */
    Map<String, Object> schemaOf(Type type) {
        return schemaOf(type, Direction.REQUEST);
    }

    /** The schema of a response body of this type. */
    Map<String, Object> responseSchemaOf(Type type) {
        return schemaOf(type, Direction.RESPONSE);
    }

    private Map<String, Object> schemaOf(Type type, Direction direction) {
        if (type instanceof ParameterizedType parameterized) {
            return generic(parameterized, direction);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("cannot describe " + type + " in the API document");
        }
        Map<String, Object> scalar = scalar(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isArray()) {
            return map("type", "array", "items", schemaOf(c.getComponentType(), direction));
        }
        if (c.isRecord()) {
            return map("$ref", REF_PREFIX + register(c, direction));
        }
        throw new IllegalArgumentException("cannot describe " + c.getName()
                + " in the API document: use a record, a scalar, an enum or a List/Map of those");
    }

    private Map<String, Object> generic(ParameterizedType type, Direction direction) {
        Class<?> raw = (Class<?>) type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        if (Collection.class.isAssignableFrom(raw)) {
            return map("type", "array", "items", schemaOf(arguments[0], direction));
        }
        if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
            return map("type", "object", "additionalProperties", schemaOf(arguments[1], direction));
        }
        throw new IllegalArgumentException("cannot describe " + type + " in the API document");
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class) {
            return map("type", "string");
        }
        if (c == UUID.class) {
            return map("type", "string", "format", "uuid");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return map("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (c == LocalTime.class) {
            // wall-clock time as Jackson reads and writes it (09:00, 09:00:30); format "time" would demand an offset
            return map("type", "string", "pattern", "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$",
                    "description", "local time, HH:mm");
        }
        if (c == Duration.class) {
            return map("type", "string", "format", "duration");
        }
        if (c == ZoneId.class) {
            return map("type", "string", "description", "IANA time zone, e.g. Europe/Berlin");
        }
        if (c == boolean.class || c == Boolean.class) {
            return map("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return map("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return map("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class
                || Number.class.isAssignableFrom(c)) {
            return map("type", "number");
        }
        if (c == Object.class) {
            return new LinkedHashMap<>(); // any JSON value
        }
        return null;
    }

    private String register(Class<?> record, Direction direction) {
        // nested records keep their owner in the name: ReadinessResponse.Dependency -> ReadinessResponseDependency
        String name = record.getName().substring(record.getPackageName().length() + 1).replace("$", "");
        Class<?> owner = owners.putIfAbsent(name, record);
        if (owner != null) {
            if (owner != record) {
                throw new IllegalStateException("two API types share the schema name " + name + ": "
                        + owner.getName() + " and " + record.getName());
            }
            if (directions.get(record) != direction) {
                throw new IllegalStateException(record.getName() + " is both a request and a response body:"
                        + " give each direction its own record, their required fields differ");
            }
            return name;
        }
        directions.put(record, direction);
        components.put(name, Map.of()); // placeholder so recursive records terminate
        boolean omitsNulls = omitsNulls(record);
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            List<Annotation> annotations = annotationsOf(record, component);
            Map<String, Object> schema = new LinkedHashMap<>(schemaOf(component.getGenericType(), direction));
            applyConstraints(schema, annotations);
            boolean primitive = component.getType().isPrimitive();
            boolean nullable = !primitive && annotations.stream().anyMatch(a -> a instanceof Nullable);
            boolean constrained = primitive || annotations.stream().anyMatch(JsonSchemas::isRequired);
            if (direction == Direction.RESPONSE && nullable && !omitsNulls) {
                schema = orNull(schema);
            }
            properties.put(component.getName(), schema);
            if (direction == Direction.REQUEST ? constrained : constrained || !omitsNulls) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = map("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        components.put(name, schema);
        return name;
    }

    private static boolean omitsNulls(Class<?> record) {
        JsonInclude include = record.getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    /** The same schema, also accepting JSON null. */
    private static Map<String, Object> orNull(Map<String, Object> schema) {
        if (schema.containsKey("$ref")) {
            return map("anyOf", List.of(schema, map("type", "null")));
        }
        if (!schema.containsKey("type")) {
            return schema; // already any value, null included
        }
        Map<String, Object> nullable = new LinkedHashMap<>(schema);
        nullable.put("type", List.of(schema.get("type"), "null"));
        if (schema.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null); // enum is checked on its own: without null in it a null value still fails
            nullable.put("enum", withNull);
        }
        return nullable;
    }

    private static List<Annotation> annotationsOf(Class<?> record, RecordComponent component) {
        // jakarta constraints do not target record components; the compiler puts them on the field
        List<Annotation> annotations = new ArrayList<>(Arrays.asList(component.getAnnotatedType().getAnnotations()));
        try {
            annotations.addAll(Arrays.asList(record.getDeclaredField(component.getName()).getAnnotations()));
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
        return annotations;
    }

    private static boolean isRequired(Annotation a) {
        return a instanceof NotNull || a instanceof NotBlank || a instanceof NotEmpty;
    }

    private static void applyConstraints(Map<String, Object> schema, List<Annotation> annotations) {
        boolean array = "array".equals(schema.get("type"));
        for (Annotation a : annotations) {
            if (a instanceof NotBlank || (a instanceof NotEmpty && !array)) {
                schema.put("minLength", 1);
            } else if (a instanceof NotEmpty) {
                schema.put("minItems", 1);
            } else if (a instanceof Size size) {
                if (size.min() > 0) { // the default 0 must not undo a @NotEmpty on the same element
                    schema.put(array ? "minItems" : "minLength", size.min());
                }
                if (size.max() != Integer.MAX_VALUE) {
                    schema.put(array ? "maxItems" : "maxLength", size.max());
                }
            } else if (a instanceof Min min) {
                schema.put("minimum", min.value());
            } else if (a instanceof Max max) {
                schema.put("maximum", max.value());
            } else if (a instanceof Positive) {
                schema.put("exclusiveMinimum", 0);
            } else if (a instanceof PositiveOrZero) {
                schema.put("minimum", 0);
            } else if (a instanceof Email) {
                schema.put("format", "email");
            } else if (a instanceof Pattern pattern) {
                // bean validation matches the whole value, a JSON Schema pattern any part of it
                schema.put("pattern", "^(?:" + pattern.regexp() + ")$");
            }
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
