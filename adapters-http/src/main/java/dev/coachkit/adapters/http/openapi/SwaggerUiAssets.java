package dev.coachkit.adapters.http.openapi;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files of the swagger-ui webjar that {@code /docs} loads, read from the class path on first use.
 * Javalin's webjar handler would do the same, but it makes Jetty open the class path directory inside
 * the server's 70 MB jar as it starts (a third of the main thread's samples in a recording of a start).
 */
final class SwaggerUiAssets {

    /** The version is part of every asset's path, so a browser may keep them for as long as it likes. */
    private static final String CACHE_CONTROL = "max-age=31536000, immutable";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "map", "application/json",
            "png", "image/png");

    private final String version;
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    private record Asset(String mediaType, byte[] bytes) {}

    SwaggerUiAssets() {
        this.version = installedVersion();
    }

    String version() {
        return version;
    }

    /** Answers {@code /webjars/swagger-ui/{version}/{file}}; any other version or file is not found. */
    void serve(Context ctx) {
        String file = ctx.pathParam("file");
        if (!version.equals(ctx.pathParam("version")) || !FILE_NAME.matcher(file).matches() || file.contains("..")) {
            throw new NotFoundResponse();
        }
        Asset asset = loaded.computeIfAbsent(file, name -> read(name).orElse(null));
        if (asset == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.contentType(asset.mediaType()).result(asset.bytes());
    }

    private Optional<Asset> read(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String mediaType = MEDIA_TYPES.get(extension);
        if (mediaType == null) {
            return Optional.empty();
        }
        try (InputStream in = SwaggerUiAssets.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(mediaType, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String installedVersion() {
        try (InputStream in = SwaggerUiAssets.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
