package dev.coachkit.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP client for tests that talk to a running server on localhost. Every response it
 * receives must be one the server's {@code /openapi.json} documents ({@link DocumentedApi}).
 */
final class HttpProbe {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Integer> ports;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> defaultHeaders;

    HttpProbe(int port) {
        this(List.of(port), Map.of());
    }

    private HttpProbe(List<Integer> ports, Map<String, String> defaultHeaders) {
        this.ports = List.copyOf(ports);
        this.defaultHeaders = defaultHeaders;
    }

    /** A client that sends its requests to each of the servers in turn, as a round-robin load balancer does. */
    static HttpProbe spreadingOver(List<Integer> ports) {
        return new HttpProbe(ports, Map.of());
    }

    /** The same client sending {@code headers} on every request, e.g. a forwarded client address. */
    HttpProbe withHeaders(Map<String, String> headers) {
        return new HttpProbe(ports, headers);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    /** Sends a JSON body (or none when null) with a bearer token (or none when null). */
    HttpResponse<String> send(String method, String path, String jsonBody, String bearerToken) {
        return send(method, path, jsonBody, bearerToken, Map.of());
    }

    /** The same with {@code headers} added to this request only (e.g. an Idempotency-Key). */
    HttpResponse<String> send(String method, String path, String jsonBody, String bearerToken,
            Map<String, String> headers) {
        return send(method, path, jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8), bearerToken,
                headers);
    }

    /** Sends raw bytes as {@code application/json}, such as a body that is not valid UTF-8. */
    HttpResponse<String> send(String method, String path, byte[] jsonBody, String bearerToken,
            Map<String, String> headers) {
        return send(method, path, jsonBody, "application/json", bearerToken, headers);
    }

    /** Posts an HTML form's fields ({@code outcome=paid}), as a browser does. */
    HttpResponse<String> postForm(String path, String form) {
        return send("POST", path, form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", null,
                Map.of());
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String contentType,
            String bearerToken, Map<String, String> headers) {
        int port = nextPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        defaultHeaders.forEach(request::header);
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        DocumentedApi.verify(port, method, path, response);
        return response;
    }

    private int nextPort() {
        return ports.get(Math.floorMod(requests.getAndIncrement(), ports.size()));
    }
}
