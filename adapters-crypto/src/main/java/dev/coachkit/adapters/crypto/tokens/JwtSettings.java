package dev.coachkit.adapters.crypto.tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How access tokens are signed and checked. Start from {@link #defaults(JwtKey)}. Their lifetime is
 * not set here: the core's {@code IdentitySettings} decides {@code exp}, and verification checks it.
 *
 * @param issuer the {@code iss} claim written and required
 * @param audience the {@code aud} claim written and required
 * @param key signs and verifies; fixes the accepted algorithm of tokens without a key id
 * @param previousKeys during a key rotation, the public keys whose tokens are still accepted (picked by the
 *     token's {@code kid}) and still published, though they sign nothing; RSA or EC only, and only beside an
 *     RSA or EC signing key
 */
public record JwtSettings(String issuer, String audience, JwtKey key, List<JwtKey> previousKeys) {

    public static final String DEFAULT_ISSUER = "coachkit";
    public static final String DEFAULT_AUDIENCE = "coachkit-api";

    public JwtSettings {
        Objects.requireNonNull(key, "key");
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        previousKeys = List.copyOf(previousKeys);
        if (!key.canSign()) {
            throw new IllegalArgumentException("the signing key needs its private key, not only the public one");
        }
        Set<String> keyIds = new HashSet<>();
        key.keyId().ifPresent(keyIds::add);
        for (JwtKey previous : previousKeys) {
            if (key.keyId().isEmpty()) {
                throw new IllegalArgumentException("a previous key needs an RS256 or ES256 signing key beside it,"
                        + " not an HS256 secret");
            }
            if (previous.keyId().isEmpty()) {
                throw new IllegalArgumentException("a previous key must be an RSA or EC public key");
            }
            if (!keyIds.add(previous.keyId().get())) {
                throw new IllegalArgumentException("the previous key " + previous.keyId().get()
                        + " is the signing key or another previous key");
            }
        }
    }

    public JwtSettings(String issuer, String audience, JwtKey key) {
        this(issuer, audience, key, List.of());
    }

    /** Issuer {@code coachkit}, audience {@code coachkit-api}, no previous key. */
    public static JwtSettings defaults(JwtKey key) {
        return new JwtSettings(DEFAULT_ISSUER, DEFAULT_AUDIENCE, key);
    }

    public JwtSettings withIssuer(String value) {
        return new JwtSettings(value, audience, key, previousKeys);
    }

    public JwtSettings withAudience(String value) {
        return new JwtSettings(issuer, value, key, previousKeys);
    }

    /**
     * Also accepts, and publishes, the tokens of {@code previous} (usually {@link JwtKey#publicOnly}): the key
     * that signed until a rotation, until its last tokens have expired.
     */
    public JwtSettings withPreviousKey(JwtKey previous) {
        List<JwtKey> keys = new ArrayList<>(previousKeys);
        keys.add(Objects.requireNonNull(previous, "previous"));
        return new JwtSettings(issuer, audience, key, keys);
    }

    /** The public keys other services verify tokens with: the signing key's, then the previous ones'. */
    public JwkSet jwkSet() {
        List<JwtKey> all = new ArrayList<>();
        all.add(key);
        all.addAll(previousKeys);
        return new JwkSet(all.stream().flatMap(k -> k.publicJwk().stream()).toList());
    }
}
