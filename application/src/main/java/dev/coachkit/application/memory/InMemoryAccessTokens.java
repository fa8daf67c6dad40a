package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AuthenticationException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque random access tokens remembered in memory, for tests and hosts that embed the core
 * without HTTP; servers use signed JWTs so that any process can verify them.
 */
public final class InMemoryAccessTokens implements AccessTokenService {

    private final Map<String, AccessTokenClaims> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public InMemoryAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, claims);
        return token;
    }

    @Override
    public AccessTokenClaims verify(String token) {
        return Optional.ofNullable(token).map(issued::get)
                .filter(claims -> clock.now().isBefore(claims.expiresAt()))
                .orElseThrow(() -> new AuthenticationException(INVALID_TOKEN));
    }
}
