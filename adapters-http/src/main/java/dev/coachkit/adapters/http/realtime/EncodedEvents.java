package dev.coachkit.adapters.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes stream events for every connection of a server. The core hands one event to each of its
 * subscribers in turn, so the encoding of the last event is kept and reused: a thousand streams cost
 * one JSON encoding per event, not a thousand.
 */
final class EncodedEvents {

    /** Event data holds only strings, numbers, booleans, lists and maps: a plain mapper writes it. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Encoded(String id, Map<String, Object> data, byte[] serverSent, String frame) {}

    private Encoded last;

    /** The event as Server-Sent Events lines. */
    byte[] serverSent(String id, String type, Map<String, Object> data) {
        return encoded(id, type, data).serverSent();
    }

    /** The event as a WebSocket text frame {@code {id, type, data}}. */
    String frame(String id, String type, Map<String, Object> data) {
        return encoded(id, type, data).frame();
    }

    /** Any other JSON message, not kept. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stream message is not serializable", e);
        }
    }

    private synchronized Encoded encoded(String id, String type, Map<String, Object> data) {
        if (last == null || last.data() != data || !last.id().equals(id)) {
            String body = json(data);
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("id", id);
            frame.put("type", type);
            frame.put("data", data);
            last = new Encoded(id, data, ("id: " + id + "\nevent: " + type + "\ndata: " + body + "\n\n")
                    .getBytes(StandardCharsets.UTF_8), json(frame));
        }
        return last;
    }
}
