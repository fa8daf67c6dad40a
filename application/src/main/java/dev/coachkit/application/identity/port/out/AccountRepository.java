package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.shared.AccountId;
import java.util.Optional;

/** Global accounts; usable in any unit of work, with or without a tenant. */
public interface AccountRepository {

    /** Adds the account; a taken e-mail (compared case-insensitively) is a {@code ConflictException}. */
    void add(Account account);

    void update(Account account);

    Optional<Account> findById(AccountId id);

    Optional<Account> findByEmail(EmailAddress email);
}
