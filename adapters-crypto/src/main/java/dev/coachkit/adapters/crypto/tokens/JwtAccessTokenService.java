package dev.coachkit.adapters.crypto.tokens;

import com.auth0.jwt.JWT;
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
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens as signed JWTs (java-jwt) with the claims {@code iss, aud, sub, tid, role, jti, sid, iat, exp}.
 * Verification accepts only the configured key's algorithm, so {@code alg: none} and HS/RS confusion
 * fail like a forged signature; every rejection raises the same {@link AuthenticationException}.
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
    private final JWTVerifier verifier;

    public JwtAccessTokenService(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(settings.key().algorithm())
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

    public JwtAccessTokenService(JwtSettings settings) {
        this(settings, Clock.system());
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        return JWT.create()
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
            return claimsOf(verifier.verify(token));
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
