package dev.coachkit.adapters.http.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify access tokens, as a JWK set (RFC 7517), so
 * that other services check CoachKit's tokens without a shared secret (docs/identity.md, "JWKS and key
 * rotation"). Public and cacheable for a short while.
 *
 * <p>The keys come from whoever signs the tokens, handed over by the host as plain maps (one JWK's members
 * each): the HTTP adapter knows neither the crypto adapter nor any key, and the core has no use for the keys
 * at all, so no port carries them. An empty collection (tokens signed with a shared secret) answers an empty
 * set.
 */
public final class JwksRoutes implements RouteModule {

    /** How long a verifier may keep the set before asking again: a rotation publishes the next key this long ahead. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final String PATH = "/.well-known/jwks.json";

    private final Supplier<? extends Collection<? extends Map<String, String>>> publicKeys;

    /** @param publicKeys the JWKs to publish, read on every request */
    public JwksRoutes(Supplier<? extends Collection<? extends Map<String, String>>> publicKeys) {
        this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get(PATH).operationId("getJwks").tag("Auth").publicAccess()
                .summary("The public keys that verify access tokens (RS256 or ES256), as a JWK set; empty when"
                        + " tokens are signed with a shared secret (HS256). During a key rotation it holds the"
                        + " signing key and the previous one; pick the key by the token header's kid")
                .json(200, "The JWK set; Cache-Control: public, max-age=" + MAX_AGE.toSeconds(), JwkSetResponse.class,
                        EXAMPLE)
                .handle(ctx -> ctx.header("Cache-Control", "public, max-age=" + MAX_AGE.toSeconds())
                        .json(JwkSetResponse.from(publicKeys.get()))));
    }

    /** A JWK set: {@code {"keys": [...]}}. */
    record JwkSetResponse(List<JwkResponse> keys) {

        static JwkSetResponse from(Collection<? extends Map<String, String>> keys) {
            return new JwkSetResponse(keys.stream().map(JwkResponse::from).toList());
        }
    }

    /**
     * One public key: {@code n} and {@code e} for RSA, {@code crv}, {@code x} and {@code y} for EC, every number
     * base64url without padding.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JwkResponse(String kty, String kid, String use, String alg, @Nullable String n, @Nullable String e,
            @Nullable String crv, @Nullable String x, @Nullable String y) {

        static JwkResponse from(Map<String, String> jwk) {
            return new JwkResponse(jwk.get("kty"), jwk.get("kid"), jwk.get("use"), jwk.get("alg"), jwk.get("n"),
                    jwk.get("e"), jwk.get("crv"), jwk.get("x"), jwk.get("y"));
        }
    }

    /**
     * During a rotation: the ES256 signing key and the RS256 key it replaced (the example keys of RFC 7517
     * A.1 and RFC 7638 3.1, with their thumbprints as key ids).
     */
    private static final JwkSetResponse EXAMPLE = new JwkSetResponse(List.of(
            new JwkResponse("EC", "oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U", "sig", "ES256", null, null, "P-256",
                    "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"),
            new JwkResponse("RSA", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", "sig", "RS256",
                    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
                            + "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQ"
                            + "MicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lF"
                            + "d2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
                    "AQAB", null, null, null)));
}
