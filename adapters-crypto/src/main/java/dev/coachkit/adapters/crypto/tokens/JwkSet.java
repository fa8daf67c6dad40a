package dev.coachkit.adapters.crypto.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JWK set (RFC 7517 section 5): the public keys that verify access tokens, as {@link JwtSettings#jwkSet()}
 * gives them. Empty when tokens are signed with an HS256 secret. A host serves {@link #toJson()} at
 * {@code /.well-known/jwks.json}, with or without CoachKit's HTTP adapter.
 *
 * @param keys one JWK per key, its members in order ({@code kty, kid, use, alg}, then {@code n, e} or
 *     {@code crv, x, y}); every value is text
 */
public record JwkSet(List<Map<String, String>> keys) {

    public JwkSet {
        keys = keys.stream().<Map<String, String>>map(jwk -> Collections.unmodifiableMap(new LinkedHashMap<>(jwk)))
                .toList(); // in the members' order
    }

    /** {@code {"keys":[...]}}; members and values are JSON-escaped. */
    public String toJson() {
        return keys.stream()
                .map(JwkSet::jwkJson)
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static String jwkJson(Map<String, String> jwk) {
        return jwk.entrySet().stream()
                .map(member -> string(member.getKey()) + ":" + string(member.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
