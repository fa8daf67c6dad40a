package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.RefreshFamily;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Refresh tokens and their families in concurrent maps. Changes apply immediately rather than with the
 * unit of work: rotation must be atomic across concurrent refreshes, and a rotation that outlives a
 * failed unit only costs the client a new login — it never grants anything. Revocation is kept on the
 * family, as in PostgreSQL; the stored tokens carry none.
 */
public final class InMemoryRefreshTokens implements RefreshTokenStore {

    private final Map<UUID, RefreshToken> tokens = new ConcurrentHashMap<>();
    private final Map<UUID, RefreshFamily> families = new ConcurrentHashMap<>();

    @Override
    public void add(RefreshToken token, ClientDevice device) {
        families.merge(token.familyId(),
                new RefreshFamily(token.familyId(), token.accountId(), token.tenantId(), token.issuedAt(),
                        token.issuedAt(), token.expiresAt(), null, device),
                (family, started) -> new RefreshFamily(family.id(), family.accountId(), family.tenantId(),
                        family.createdAt(), token.issuedAt(), later(family.expiresAt(), token.expiresAt()),
                        family.revokedAt(), device));
        tokens.put(token.id(), withoutRevocation(token));
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return tokens.values().stream().filter(token -> token.tokenHash().equals(hash)).findFirst()
                .map(this::withFamilyRevocation);
    }

    @Override
    public boolean markRotated(UUID tokenId, Instant at) {
        AtomicBoolean rotated = new AtomicBoolean();
        tokens.computeIfPresent(tokenId, (id, token) -> {
            RefreshFamily family = families.get(token.familyId());
            if (token.wasRotated() || family == null || family.isRevoked()) {
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
        families.computeIfPresent(familyId, (id, family) -> family.isRevoked() ? family : revoked(family, at));
    }

    @Override
    public List<RefreshFamily> liveFamiliesOf(AccountId account, Instant now) {
        return families.values().stream().filter(f -> f.accountId().equals(account) && f.isLiveAt(now))
                .sorted(Comparator.comparing(RefreshFamily::lastUsedAt).reversed()
                        .thenComparing(RefreshFamily::id))
                .toList();
    }

    @Override
    public boolean revokeLiveFamily(AccountId account, UUID familyId, Instant at) {
        AtomicBoolean revoked = new AtomicBoolean();
        families.computeIfPresent(familyId, (id, family) -> {
            if (!family.accountId().equals(account) || !family.isLiveAt(at)) {
                return family;
            }
            revoked.set(true);
            return revoked(family, at);
        });
        return revoked.get();
    }

    @Override
    public List<UUID> revokeFamiliesExcept(AccountId account, UUID keep, Instant at) {
        return revokeFamilies(account, id -> !id.equals(keep), at);
    }

    @Override
    public List<UUID> revokeAllFamilies(AccountId account, Instant at) {
        return revokeFamilies(account, id -> true, at);
    }

    private List<UUID> revokeFamilies(AccountId account, Predicate<UUID> which, Instant at) {
        List<UUID> revoked = new ArrayList<>();
        families.replaceAll((id, family) -> {
            if (!family.accountId().equals(account) || !which.test(id) || family.isRevoked()) {
                return family;
            }
            revoked.add(id);
            return revoked(family, at);
        });
        return List.copyOf(revoked);
    }

    /** Forgets tokens, and families whose newest token, that expired before {@code cutoff}; returns how many tokens. */
    int deleteExpiredBefore(Instant cutoff) {
        int before = tokens.size();
        tokens.values().removeIf(token -> token.expiresAt().isBefore(cutoff));
        families.values().removeIf(family -> family.expiresAt().isBefore(cutoff));
        return before - tokens.size();
    }

    /** Forgets the account's sessions in {@code tenant}, tokens, addresses and user agents alike (erasure). */
    void removeAllOf(AccountId account, TenantId tenant) {
        families.values().removeIf(family -> family.accountId().equals(account) && family.tenantId().equals(tenant));
        tokens.values().removeIf(token -> !families.containsKey(token.familyId()));
    }

    /** The stored families of sessions in {@code tenant}, revoked ones included, for exports. */
    List<RefreshFamily> familiesIn(TenantId tenant) {
        return families.values().stream().filter(family -> family.tenantId().equals(tenant))
                .sorted(Comparator.comparing(RefreshFamily::createdAt).thenComparing(RefreshFamily::id)).toList();
    }

    private RefreshToken withFamilyRevocation(RefreshToken token) {
        RefreshFamily family = families.get(token.familyId());
        Instant revokedAt = family == null ? token.issuedAt() : family.revokedAt();
        return new RefreshToken(token.id(), token.familyId(), token.accountId(), token.tenantId(), token.tokenHash(),
                token.issuedAt(), token.expiresAt(), token.rotatedAt(), revokedAt);
    }

    private static RefreshToken withoutRevocation(RefreshToken token) {
        return new RefreshToken(token.id(), token.familyId(), token.accountId(), token.tenantId(), token.tokenHash(),
                token.issuedAt(), token.expiresAt(), token.rotatedAt(), null);
    }

    private static RefreshFamily revoked(RefreshFamily family, Instant at) {
        return new RefreshFamily(family.id(), family.accountId(), family.tenantId(), family.createdAt(),
                family.lastUsedAt(), family.expiresAt(), at, family.lastDevice());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
