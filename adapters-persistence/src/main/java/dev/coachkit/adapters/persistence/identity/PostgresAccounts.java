package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNTS;

import dev.coachkit.adapters.persistence.jooq.tables.records.AccountsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.shared.AccountId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;

/** Accounts in the global {@code accounts} table; the unique index on lower(email) guards races. */
public final class PostgresAccounts implements AccountRepository {

    private final TenantTransactions transactions;

    public PostgresAccounts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Account account) {
        UniqueViolations.insertOrConflict(() -> transactions.require().dsl().insertInto(ACCOUNTS)
                .set(ACCOUNTS.ID, account.id().value())
                .set(ACCOUNTS.EMAIL, account.email().value())
                .set(ACCOUNTS.PASSWORD_HASH, account.passwordHash())
                .set(ACCOUNTS.FIRST_NAME, account.name().firstName())
                .set(ACCOUNTS.LAST_NAME, account.name().lastName())
                .set(ACCOUNTS.TIME_ZONE, account.timeZone().id())
                .set(ACCOUNTS.AVATAR_MEDIA_ID, account.avatarMediaId().orElse(null))
                .set(ACCOUNTS.CREATED_AT, Timestamps.toColumn(account.createdAt()))
                .set(ACCOUNTS.EMAIL_VERIFIED, account.emailVerified())
                .set(ACCOUNTS.UPDATED_AT, Timestamps.toColumn(account.createdAt()))
                .execute(), () -> "an account with this e-mail already exists");
    }

    @Override
    public void update(Account account) {
        transactions.require().dsl().update(ACCOUNTS)
                .set(ACCOUNTS.PASSWORD_HASH, account.passwordHash())
                .set(ACCOUNTS.FIRST_NAME, account.name().firstName())
                .set(ACCOUNTS.LAST_NAME, account.name().lastName())
                .set(ACCOUNTS.TIME_ZONE, account.timeZone().id())
                .set(ACCOUNTS.EMAIL_VERIFIED, account.emailVerified())
                .set(ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNTS.ID.eq(account.id().value()))
                .execute();
    }

    @Override
    public void changeAvatar(AccountId account, Optional<UUID> mediaId) {
        transactions.require().dsl().update(ACCOUNTS)
                .set(ACCOUNTS.AVATAR_MEDIA_ID, mediaId.orElse(null))
                .set(ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNTS.ID.eq(account.value()))
                .execute();
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return transactions.require().dsl().selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(id.value()))
                .fetchOptional(PostgresAccounts::toDomain);
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return transactions.require().dsl().selectFrom(ACCOUNTS).where(DSL.lower(ACCOUNTS.EMAIL).eq(email.value()))
                .fetchOptional(PostgresAccounts::toDomain);
    }

    @Override
    public void clearAvatar(UUID mediaId) {
        transactions.require().dsl().update(ACCOUNTS)
                .setNull(ACCOUNTS.AVATAR_MEDIA_ID)
                .set(ACCOUNTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNTS.AVATAR_MEDIA_ID.eq(mediaId))
                .execute();
    }

    static Account toDomain(AccountsRecord row) {
        return Account.reconstitute(AccountId.of(row.getId()), new EmailAddress(row.getEmail()),
                new PersonName(row.getFirstName(), row.getLastName()), row.getPasswordHash(),
                Timestamps.toInstant(row.getCreatedAt()), row.getEmailVerified(),
                IanaTimeZone.ofStored(row.getTimeZone()), Optional.ofNullable(row.getAvatarMediaId()));
    }
}
