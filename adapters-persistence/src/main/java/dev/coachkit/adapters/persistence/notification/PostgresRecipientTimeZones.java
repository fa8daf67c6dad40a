package dev.coachkit.adapters.persistence.notification;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNTS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.shared.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;

/** The recipients' zones from the global {@code accounts} table: one query per call, however many recipients. */
public final class PostgresRecipientTimeZones implements RecipientTimeZones {

    private final TenantTransactions transactions;

    public PostgresRecipientTimeZones(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<AccountId, IanaTimeZone> zonesOf(Collection<AccountId> recipients) {
        if (recipients.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = recipients.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
        return transactions.require().dsl().select(ACCOUNTS.ID, ACCOUNTS.TIME_ZONE).from(ACCOUNTS)
                .where(ACCOUNTS.ID.eq(DSL.any(ids)))
                .fetch().stream()
                .collect(Collectors.toMap(row -> AccountId.of(row.value1()), row -> IanaTimeZone.ofStored(row.value2())));
    }

    @Override
    public Optional<IanaTimeZone> zoneOf(EmailAddress email) {
        return transactions.require().dsl().select(ACCOUNTS.TIME_ZONE).from(ACCOUNTS)
                .where(DSL.lower(ACCOUNTS.EMAIL).eq(email.value()))
                .fetchOptional(ACCOUNTS.TIME_ZONE).map(IanaTimeZone::ofStored);
    }
}
