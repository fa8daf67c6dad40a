package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before Javalin sees the request (a malformed URI, an oversized header):
 * problems like every other error, hardened like every other answer, instead of Jetty's HTML page. Jetty
 * drops the connection after them, so they say {@code Connection: close}: a client that reused it would
 * see its next request fail with no answer at all.
 */
public final class JettyErrors extends ErrorHandler {

    private static final String UNKNOWN_REQUEST = "unknown"; // the request never got an id

    private final ObjectMapper mapper;

    public JettyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON);
        headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(problem(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.forEach(fields::put);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON));
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return ByteBuffer.wrap(problem(status));
    }

    /** Jetty's reason can quote the request; the problem says only what the status says. */
    private byte[] problem(int status) {
        ProblemType type = ProblemType.forStatus(status);
        try {
            return mapper.writeValueAsBytes(ProblemDetail.of(type, type.title() + ".", null, UNKNOWN_REQUEST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
