package dev.coachkit.application.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON documents to a stream; an array goes out one element at a time, one element per line,
 * so an export section is never assembled in memory. The core has no JSON library: values are the
 * export rows' few types (null, strings, booleans, numbers, maps, collections; anything else as its
 * string form). The underlying stream is flushed, never closed.
 */
final class JsonWriter {

    private final Writer out;
    private boolean empty;

    JsonWriter(Writer out) {
        this.out = out;
    }

    /** Writes {@code value} as a whole document. */
    void document(Object value) {
        try {
            value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write("\n");
        flush();
    }

    /** Opens a document that is an array; add its elements with {@link #element}, then {@link #endArray}. */
    void beginArray() {
        write("[");
        empty = true;
    }

    void element(Object value) {
        write(empty ? "\n" : ",\n");
        empty = false;
        try {
            value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void endArray() {
        write(empty ? "]\n" : "\n]\n");
        flush();
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(Object value) throws IOException {
        if (value == null) {
            out.write("null");
        } else if (value instanceof Boolean || value instanceof Number) {
            out.write(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Collection<?> items) {
            array(items);
        } else {
            string(value.toString());
        }
    }

    private void object(Map<?, ?> map) throws IOException {
        out.write('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            string(String.valueOf(entry.getKey()));
            out.write(':');
            value(entry.getValue());
            if (entries.hasNext()) {
                out.write(',');
            }
        }
        out.write('}');
    }

    private void array(Collection<?> items) throws IOException {
        out.write('[');
        Iterator<?> each = items.iterator();
        while (each.hasNext()) {
            value(each.next());
            if (each.hasNext()) {
                out.write(',');
            }
        }
        out.write(']');
    }

    private void string(String text) throws IOException {
        out.write('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (c < 0x20) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
