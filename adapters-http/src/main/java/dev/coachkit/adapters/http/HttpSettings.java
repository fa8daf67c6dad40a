package dev.coachkit.adapters.http;

import dev.coachkit.adapters.http.security.CrossOrigin;
import dev.coachkit.adapters.http.security.IpRange;
import dev.coachkit.adapters.http.security.RateLimitSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server listens and what it accepts. Start from {@link #defaults()} and change what the
 * environment sets.
 *
 * @param host interface to bind; {@code 0.0.0.0} for all
 * @param port TCP port; {@code 0} picks a free one (see {@link HttpServer#port()})
 * @param maxRequestBodyBytes larger bodies are answered with 413
 * @param maxJsonNestingDepth deeper JSON is answered with 400, before it can exhaust the stack
 * @param stopTimeout how long {@link HttpServer#stop()} lets in-flight requests finish
 * @param virtualThreads serve requests on virtual threads when the JVM has them (21+); ignored on 17
 * @param publicUrl base URL advertised in the OpenAPI document; {@code /} means the serving origin
 * @param apiVersion version advertised in the OpenAPI document
 * @param trustedProxies CIDR blocks of the reverse proxies whose {@code X-Forwarded-For} is believed; empty
 *     believes none and uses the socket address
 * @param rateLimits limits enforced when the server is given a rate limiter
 * @param corsAllowedOrigins exact origins ({@code https://app.example.com}) whose browser pages may call the
 *     API; empty allows no cross-origin access and sends no CORS headers
 * @param idleTimeout how long a connection may send nothing (no request, or a stalled one) before it is
 *     closed; waiting connections hold no thread, only a stalled body read does
 */
public record HttpSettings(
        String host,
        int port,
        long maxRequestBodyBytes,
        int maxJsonNestingDepth,
        Duration stopTimeout,
        boolean virtualThreads,
        String publicUrl,
        String apiVersion,
        List<String> trustedProxies,
        RateLimitSettings rateLimits,
        List<String> corsAllowedOrigins,
        Duration idleTimeout) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_JSON_NESTING_DEPTH = 64;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        trustedProxies = List.copyOf(trustedProxies);
        trustedProxies.forEach(IpRange::parse); // a typo in a CIDR must stop the start, not trust nobody silently
        corsAllowedOrigins = corsAllowedOrigins.stream().map(CrossOrigin::origin).distinct().toList();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxRequestBodyBytes < 1) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be positive, got " + maxRequestBodyBytes);
        }
        if (maxJsonNestingDepth < 2) {
            throw new IllegalArgumentException("maxJsonNestingDepth must be at least 2, got " + maxJsonNestingDepth);
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
    }

    /**
     * Port 8080 on all interfaces, 1 MiB bodies, JSON 64 levels deep, 10 s to drain on stop, no trusted
     * proxies, {@link RateLimitSettings#defaults()}, no cross-origin access, 30 s idle timeout.
     */
    public static HttpSettings defaults() {
        return new HttpSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_MAX_REQUEST_BODY_BYTES, DEFAULT_MAX_JSON_NESTING_DEPTH,
                DEFAULT_STOP_TIMEOUT, true, "/", "0.1.0", List.of(), RateLimitSettings.defaults(), List.of(),
                DEFAULT_IDLE_TIMEOUT);
    }

    public HttpSettings withHost(String value) {
        return new HttpSettings(value, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout,
                virtualThreads, publicUrl, apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withPort(int value) {
        return new HttpSettings(host, value, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout,
                virtualThreads, publicUrl, apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withMaxRequestBodyBytes(long value) {
        return new HttpSettings(host, port, value, maxJsonNestingDepth, stopTimeout, virtualThreads, publicUrl,
                apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withMaxJsonNestingDepth(int value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, value, stopTimeout, virtualThreads, publicUrl,
                apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withStopTimeout(Duration value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, value, virtualThreads,
                publicUrl, apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withVirtualThreads(boolean value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, value,
                publicUrl, apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withPublicUrl(String value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, virtualThreads,
                value, apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withApiVersion(String value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, virtualThreads,
                publicUrl, value, trustedProxies, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withTrustedProxies(List<String> value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, virtualThreads,
                publicUrl, apiVersion, value, rateLimits, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withRateLimits(RateLimitSettings value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, virtualThreads,
                publicUrl, apiVersion, trustedProxies, value, corsAllowedOrigins, idleTimeout);
    }

    public HttpSettings withCorsAllowedOrigins(List<String> value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, virtualThreads,
                publicUrl, apiVersion, trustedProxies, rateLimits, value, idleTimeout);
    }

    public HttpSettings withIdleTimeout(Duration value) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxJsonNestingDepth, stopTimeout, virtualThreads,
                publicUrl, apiVersion, trustedProxies, rateLimits, corsAllowedOrigins, value);
    }
}
