package dev.coachkit.adapters.messaging.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Parses and checks a {@code redis://} URL; its error messages never repeat the URL, which may hold a password. */
final class RedisUrl {

    private static final Set<String> SCHEMES = Set.of("redis", "rediss");
    private static final String FORM = "expected redis://[[user]:password@]host[:port][/database]";

    private RedisUrl() {}

    /** The Lettuce form of {@code url}; throws {@link IllegalArgumentException} saying what is wrong with it. */
    static RedisURI parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("it is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL (percent-encode special characters in the password)");
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw invalid("the scheme must be redis or rediss");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("it names no host");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") && !path.substring(1).matches("\\d{1,2}")) {
            throw invalid("the path must be a database number such as /0");
        }
        try {
            return RedisURI.create(uri);
        } catch (RuntimeException e) {
            // Lettuce's message may quote the URL, so it is not passed on.
            throw invalid("Lettuce rejects it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Host, port and database, for messages and logs. */
    static String describe(RedisURI uri) {
        return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("Redis URL is not valid: " + reason + "; " + FORM);
    }
}
