package dev.coachkit.application.memory;

import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refresh tokens in a concurrent map. Changes apply immediately rather than with the unit of work:
 * rotation must be atomic across concurrent refreshes, and a rotation that outlives a failed unit
 * only costs the client a new login — it never grants anything.
 */
public final class InMemoryRefreshTokens implements RefreshTokenStore {

    private final Map<UUID, RefreshToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void add(RefreshToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return tokens.values().stream().filter(token -> token.tokenHash().equals(hash)).findFirst();
    }

    @Override
    public boolean markRotated(UUID tokenId, Instant at) {
        AtomicBoolean rotated = new AtomicBoolean();
        tokens.computeIfPresent(tokenId, (id, token) -> {
            if (token.wasRotated() || token.isRevoked()) {
                return token;
            }
            rotated.set(true);
            return new RefreshToken(token.id(), token.familyId(), token.accountId(), token.tenantId(),
                    token.tokenHash(), token.issuedAt(), token.expiresAt(), at, null);
        });
        return rotated.get();
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        tokens.replaceAll((id, token) -> token.familyId().equals(familyId) && !token.isRevoked()
                ? new RefreshToken(token.id(), token.familyId(), token.accountId(), token.tenantId(),
                        token.tokenHash(), token.issuedAt(), token.expiresAt(), token.rotatedAt(), at)
                : token);
    }

    /** Forgets tokens that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff) {
        int before = tokens.size();
        tokens.values().removeIf(token -> token.expiresAt().isBefore(cutoff));
        return before - tokens.size();
    }

    /** Revokes every refresh token the account holds for sessions in {@code tenant}. */
    void revokeAllOf(AccountId account, TenantId tenant, Instant at) {
        tokens.values().stream().filter(token -> token.accountId().equals(account) && token.tenantId().equals(tenant))
                .map(RefreshToken::familyId).distinct().toList().forEach(family -> revokeFamily(family, at));
    }
}
