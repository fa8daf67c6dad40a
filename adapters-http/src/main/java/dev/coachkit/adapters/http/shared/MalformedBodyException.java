package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.Optional;

/**
 * The request body could not be read as the expected JSON. Kept apart from Jackson's own exceptions
 * so that a failure to <em>write</em> a response still counts as a server error.
 */
public final class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(IOException cause) {
        super(cause.getClass().getSimpleName(), cause);
    }

    /** The JSON path of the offending value ({@code slots[0].startTime}) when the parser knows it. */
    public Optional<String> field() {
        if (getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                } else if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                }
            }
            return path.length() == 0 ? Optional.empty() : Optional.of(path.toString());
        }
        return Optional.empty();
    }
}
