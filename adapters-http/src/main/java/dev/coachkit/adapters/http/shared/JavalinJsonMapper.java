package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** Lets Javalin's {@code ctx.json(...)} write with our ObjectMapper. */
public final class JavalinJsonMapper implements JsonMapper {

    private final ObjectMapper mapper;

    public JavalinJsonMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        try {
            return mapper.writerFor(mapper.constructType(type)).writeValueAsString(obj);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        try {
            return mapper.readValue(json, mapper.constructType(targetType));
        } catch (IOException e) {
            throw new MalformedBodyException(e);
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        try {
            return mapper.readValue(json, mapper.constructType(targetType));
        } catch (IOException e) {
            throw new MalformedBodyException(e);
        }
    }
}
