package dev.coachkit.adapters.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /openapi.json} and {@code /docs}: the document generated from every other route plus these,
 * and a Swagger UI page whose files this server serves from the swagger-ui webjar (no CDN).
 */
public final class DocsRoutes implements RouteModule {

    private static final String TAG = "Operations";
    private static final String PAGE = "docs.html";

    /**
     * The document as far as a schema inside it can say; the OpenAPI 3.1 specification's own schema
     * describes the rest (every field of {@code paths} and {@code components}).
     */
    record DocumentBody(@Pattern(regexp = "3\\.1\\.[0-9]+") String openapi, Info info, Map<String, Object> paths,
            Map<String, Object> components) {

        /** The API's title, version and description. */
        record Info(String title, String version, String description) {}
    }

    private final List<ApiRoute> routes;
    private final byte[] document;
    private final String page;

    /** Documents {@code otherRoutes} and the routes of this module itself. */
    public DocsRoutes(ObjectMapper mapper, String title, String version, String serverUrl, List<ApiRoute> otherRoutes) {
        SwaggerUiAssets swaggerUi = new SwaggerUiAssets();
        this.routes = List.of(
                ApiRoute.get("/openapi.json").operationId("getOpenApiDocument").tag(TAG).publicAccess()
                        .summary("This API's OpenAPI 3.1 document")
                        .json(200, "The OpenAPI 3.1 document", DocumentBody.class)
                        .handle(ctx -> ctx.contentType(ApiResponse.JSON).result(document())),
                ApiRoute.get("/docs").operationId("getApiDocs").tag(TAG).publicAccess()
                        .summary("Interactive API documentation (Swagger UI)")
                        .responds(ApiResponse.content(200, "HTML page", "text/html"))
                        .handle(ctx -> ctx.html(page())),
                ApiRoute.get("/webjars/swagger-ui/{version}/{file}").operationId("getSwaggerUiFile").tag(TAG)
                        .publicAccess().summary("A file of Swagger UI that /docs loads (stylesheet, script, icon)")
                        .responds(ApiResponse.content(200, "The file; it may be cached, its path names its version", "*/*"))
                        .errors(404)
                        .handle(swaggerUi::serve));
        List<ApiRoute> all = new ArrayList<>(otherRoutes);
        all.addAll(routes);
        try {
            this.document = mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(OpenApiDocument.of(title, version, serverUrl, all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
        this.page = resource(PAGE).replace("{{version}}", swaggerUi.version());
    }

    @Override
    public List<ApiRoute> routes() {
        return routes;
    }

    private byte[] document() {
        return document;
    }

    private String page() {
        return page;
    }

    private static String resource(String name) {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
