package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Password-reset and verification tokens in a global {@link InMemoryTable}. */
public final class InMemoryAccountTokens implements AccountTokenRepository {

    private final InMemoryTable<UUID, AccountToken> tokens;

    public InMemoryAccountTokens(InMemoryUnitOfWork unitOfWork) {
        this.tokens = InMemoryTable.global(unitOfWork);
    }

    @Override
    public void add(AccountToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public Optional<AccountToken> find(AccountToken.Purpose purpose, TokenHash hash) {
        return tokens.select(token -> token.purpose() == purpose && token.hash().equals(hash)).stream().findFirst();
    }

    @Override
    public boolean markUsed(AccountToken redeemed) {
        boolean unused = tokens.get(redeemed.id()).map(current -> current.usedAt().isEmpty()).orElse(false);
        if (unused) {
            tokens.put(redeemed.id(), redeemed);
        }
        return unused;
    }

    /** Forgets tokens that expired before {@code cutoff}, used or not; returns how many. */
    int deleteExpiredBefore(Instant cutoff) {
        return tokens.deleteAcrossTenants(token -> token.expiresAt().isBefore(cutoff));
    }

    /** Forgets the tokens of the erased account and those mailed to its address. */
    void deleteFor(AccountId account, EmailAddress email) {
        tokens.select(token -> token.account().equals(Optional.of(account)) || token.email().equals(email))
                .forEach(token -> tokens.remove(token.id()));
    }
}
