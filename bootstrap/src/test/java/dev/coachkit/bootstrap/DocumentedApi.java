package dev.coachkit.bootstrap;

import dev.coachkit.adapters.http.testing.OpenApiDocumentCheck;
import dev.coachkit.adapters.http.testing.OpenApiResponseCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a running server's {@code /openapi.json} promises, checked against every response the
 * end-to-end tests receive, so the document cannot drift from the code. The document is the one the
 * server itself serves (the fully wired route set, signed blob routes included); it must pass the
 * OpenAPI validators before any response is judged by it.
 */
final class DocumentedApi {

    /** One check per server, by port; a port is not reused by two servers of one test JVM in practice. */
    private static final Map<Integer, OpenApiResponseCheck> BY_PORT = new ConcurrentHashMap<>();
    /** Servers with the same configuration serve the same document: validate and compile it once. */
    private static final Map<String, OpenApiResponseCheck> BY_DOCUMENT = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DocumentedApi() {}

    /** @throws AssertionError naming the exchange and every way it departs from the document */
    static void verify(int port, String method, String path, HttpResponse<String> response) {
        verify(port, method, path, response, response.body());
    }

    /**
     * Checks an exchange a test made with a client of its own, such as raw bytes to one of the server's
     * signed {@code /blobs/...} URLs, and answers it; the URL must be the server's, not another service's.
     */
    static <T> HttpResponse<T> verified(HttpResponse<T> response) {
        URI uri = response.request().uri();
        Object body = response.body();
        String text = body instanceof String string ? string
                : body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : "";
        verify(uri.getPort(), response.request().method(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), response, text);
        return response;
    }

    private static void verify(int port, String method, String path, HttpResponse<?> response, String body) {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        List<String> problems = BY_PORT.computeIfAbsent(port, DocumentedApi::load)
                .problems(method, path, response.statusCode(), contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " " + contentType
                    + ", which is not what /openapi.json documents:\n  - " + String.join("\n  - ", problems)
                    + "\nbody: " + body);
        }
    }

    private static OpenApiResponseCheck load(int port) {
        String document = fetch(port);
        return BY_DOCUMENT.computeIfAbsent(document, json -> {
            List<String> problems = OpenApiDocumentCheck.problems(json);
            if (!problems.isEmpty()) {
                throw new AssertionError("/openapi.json of the server on port " + port + " is not a valid OpenAPI "
                        + "3.1 document:\n  - " + String.join("\n  - ", problems));
            }
            return new OpenApiResponseCheck(json);
        });
    }

    private static String fetch(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi.json"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /openapi.json answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET /openapi.json failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
