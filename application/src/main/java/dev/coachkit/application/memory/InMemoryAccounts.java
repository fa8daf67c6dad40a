package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import java.util.Optional;
import java.util.UUID;

/** Accounts in a global {@link InMemoryTable}. */
public final class InMemoryAccounts implements AccountRepository {

    private final InMemoryTable<AccountId, Account> accounts;

    public InMemoryAccounts(InMemoryUnitOfWork unitOfWork) {
        this.accounts = InMemoryTable.global(unitOfWork);
    }

    @Override
    public void add(Account account) {
        if (findByEmail(account.email()).isPresent()) {
            throw new ConflictException("an account with this e-mail already exists");
        }
        accounts.put(account.id(), account);
    }

    @Override
    public void update(Account account) {
        Optional<UUID> storedAvatar = accounts.get(account.id()).flatMap(Account::avatarMediaId);
        accounts.put(account.id(), withAvatar(account, storedAvatar));
    }

    @Override
    public void changeAvatar(AccountId id, Optional<UUID> mediaId) {
        accounts.get(id).ifPresent(account -> accounts.put(id, withAvatar(account, mediaId)));
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return accounts.get(id);
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return accounts.select(account -> account.email().equals(email)).stream().findFirst();
    }

    @Override
    public void clearAvatar(UUID mediaId) {
        accounts.select(account -> account.avatarMediaId().equals(Optional.of(mediaId)))
                .forEach(account -> accounts.put(account.id(), account.withoutAvatar()));
    }

    /** The account as stored: the avatar id is the adapter's to keep, checked when a profile change chose it. */
    private static Account withAvatar(Account account, Optional<UUID> avatar) {
        return Account.reconstitute(account.id(), account.email(), account.name(), account.passwordHash(),
                account.createdAt(), account.emailVerified(), account.timeZone(), avatar);
    }
}
