package dev.coachkit.adapters.crypto.tokens;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens as signed JWTs (java-jwt) with the claims {@code iss, aud, sub, tid, role, jti, sid, iat, exp}
 * and, when signed with an RSA or EC key, the key's id as {@code kid} in the header.
 *
 * <p>Verification picks the key by the token's {@code kid}: the signing key's or a previous key's
 * ({@link JwtSettings#previousKeys()}, during a rotation); an unknown {@code kid} is refused. A token
 * without {@code kid} (HS256, or issued before key ids) is checked with the signing key. Each key accepts
 * only its own algorithm, so {@code alg: none} and HS/RS confusion fail like a forged signature; every
 * rejection raises the same {@link AuthenticationException}.
 */
public final class JwtAccessTokenService implements AccessTokenService {

    /** Clock skew tolerated on {@code exp} and {@code iat}. */
    public static final Duration LEEWAY = Duration.ofSeconds(3);
    /** The one message of every rejection: nothing that tells an attacker which check failed. */
    public static final String INVALID_TOKEN = AccessTokenService.INVALID_TOKEN;
    static final String TENANT = "tid";
    static final String ROLE = "role";
    static final String SESSION = "sid";
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(JwtAccessTokenService.class);

    private final JwtSettings settings;
    /** Verifies tokens without a key id. */
    private final JWTVerifier signingKeyVerifier;
    /** By key id: the signing key's verifier and those of the previous keys. */
    private final Map<String, JWTVerifier> verifiersByKeyId;

    public JwtAccessTokenService(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.signingKeyVerifier = verifier(settings, settings.key(), clock);
        Map<String, JWTVerifier> byKeyId = new HashMap<>();
        settings.key().keyId().ifPresent(kid -> byKeyId.put(kid, signingKeyVerifier));
        for (JwtKey previous : settings.previousKeys()) {
            byKeyId.put(previous.keyId().orElseThrow(), verifier(settings, previous, clock));
        }
        this.verifiersByKeyId = Map.copyOf(byKeyId);
    }

    public JwtAccessTokenService(JwtSettings settings) {
        this(settings, Clock.system());
    }

    private static JWTVerifier verifier(JwtSettings settings, JwtKey key, Clock clock) {
        return ((JWTVerifier.BaseVerification) JWT.require(key.algorithm())
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withClaimPresence("sub")
                .withClaimPresence(TENANT)
                .withClaimPresence(ROLE)
                .withClaimPresence("jti")
                .withClaimPresence(SESSION)
                .withClaimPresence("iat")
                .withClaimPresence("exp")
                .acceptLeeway(LEEWAY.toSeconds()))
                .build(new ClockAdapter(clock));
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        JWTCreator.Builder token = JWT.create();
        settings.key().keyId().ifPresent(token::withKeyId); // an HS256 secret has no id: nothing derived from it
        return token
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withSubject(claims.accountId().toString())
                .withClaim(TENANT, claims.tenantId().toString())
                .withClaim(ROLE, claims.role().name())
                .withJWTId(claims.tokenId())
                .withClaim(SESSION, claims.sessionId().toString())
                .withIssuedAt(claims.issuedAt())
                .withExpiresAt(claims.expiresAt())
                .sign(settings.key().algorithm());
    }

    @Override
    public AccessTokenClaims verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new AuthenticationException(INVALID_TOKEN);
        }
        try {
            DecodedJWT decoded = JWT.decode(token);
            String keyId = decoded.getKeyId();
            JWTVerifier verifier = keyId == null ? signingKeyVerifier : verifiersByKeyId.get(keyId);
            if (verifier == null) {
                LOG.debug("access token rejected: unknown key id");
                throw new AuthenticationException(INVALID_TOKEN);
            }
            return claimsOf(verifier.verify(decoded));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            LOG.debug("access token rejected: {}", e.getClass().getSimpleName()); // never the token itself
            throw new AuthenticationException(INVALID_TOKEN);
        }
    }

    private static AccessTokenClaims claimsOf(DecodedJWT jwt) {
        return new AccessTokenClaims(
                AccountId.of(UUID.fromString(jwt.getSubject())),
                TenantId.of(UUID.fromString(jwt.getClaim(TENANT).asString())),
                Role.valueOf(jwt.getClaim(ROLE).asString()),
                jwt.getId(),
                UUID.fromString(jwt.getClaim(SESSION).asString()),
                jwt.getIssuedAtAsInstant(),
                jwt.getExpiresAtAsInstant());
    }

    /** The application's clock as the {@code java.time.Clock} java-jwt checks times against. */
    private static final class ClockAdapter extends java.time.Clock {
        private final Clock clock;

        ClockAdapter(Clock clock) {
            this.clock = clock;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return clock.now();
        }
    }
}
