package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.shared.AccountId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the recipients' zones from the accounts, as the PostgreSQL adapter reads the accounts table. */
public final class InMemoryRecipientTimeZones implements RecipientTimeZones {

    private final AccountRepository accounts;

    public InMemoryRecipientTimeZones(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<AccountId, IanaTimeZone> zonesOf(Collection<AccountId> recipients) {
        Map<AccountId, IanaTimeZone> zones = new LinkedHashMap<>();
        recipients.forEach(id -> accounts.findById(id).ifPresent(account -> zones.put(id, account.timeZone())));
        return zones;
    }

    @Override
    public Optional<IanaTimeZone> zoneOf(EmailAddress email) {
        return accounts.findByEmail(email).map(Account::timeZone);
    }
}
