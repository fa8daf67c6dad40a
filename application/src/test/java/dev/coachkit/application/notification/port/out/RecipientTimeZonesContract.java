package dev.coachkit.application.notification.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecipientTimeZones} adapter guarantees: the zones the accounts' profiles hold, read
 * inside any tenant's unit of work (accounts are global). {@link #accounts()} is of the same family.
 */
public abstract class RecipientTimeZonesContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract AccountRepository accounts();

    protected abstract RecipientTimeZones timeZones();

    private final TenantId anyTenant = aTenant().build().id();

    private Account stored(Account account) {
        unitOfWork().runInTenant(anyTenant, () -> accounts().add(account));
        return account;
    }

    @Test
    void the_zones_of_several_recipients_come_from_their_profiles() {
        Account berlin = stored(anAccount().inTimeZone("Europe/Berlin").build());
        Account newYork = stored(anAccount().inTimeZone("America/New_York").build());
        Account utc = stored(anAccount().build());

        Map<AccountId, IanaTimeZone> zones = unitOfWork().inTenant(anyTenant,
                () -> timeZones().zonesOf(List.of(berlin.id(), newYork.id(), utc.id())));

        assertThat(zones).containsOnly(Map.entry(berlin.id(), IanaTimeZone.of("Europe/Berlin")),
                Map.entry(newYork.id(), IanaTimeZone.of("America/New_York")), Map.entry(utc.id(), IanaTimeZone.UTC));
    }

    @Test
    void an_unknown_recipient_is_left_out_and_no_recipients_is_no_zones() {
        Account known = stored(anAccount().inTimeZone("Asia/Kolkata").build());
        AccountId unknown = anAccount().build().id();

        assertThat(unitOfWork().inTenant(anyTenant, () -> timeZones().zonesOf(List.of(known.id(), unknown))))
                .containsOnlyKeys(known.id());
        assertThat(unitOfWork().inTenant(anyTenant, () -> timeZones().zonesOf(List.of()))).isEmpty();
    }

    @Test
    void a_changed_zone_is_read_at_once() {
        Account account = stored(anAccount().build());
        unitOfWork().runInTenant(anyTenant,
                () -> accounts().update(account.withTimeZone(IanaTimeZone.of("Pacific/Auckland"))));

        assertThat(unitOfWork().inTenant(aTenant().build().id(), () -> timeZones().zonesOf(List.of(account.id()))))
                .containsEntry(account.id(), IanaTimeZone.of("Pacific/Auckland"));
    }

    @Test
    void the_zone_of_an_email_is_that_of_its_account_and_empty_without_one() {
        Account account = stored(anAccount().inTimeZone("America/Sao_Paulo").build());
        EmailAddress nobody = anAccount().build().email();

        assertThat(unitOfWork().inTenant(anyTenant, () -> timeZones().zoneOf(
                EmailAddress.parse(account.email().value().toUpperCase(Locale.ROOT), "email"))))
                .contains(IanaTimeZone.of("America/Sao_Paulo"));
        assertThat(unitOfWork().inTenant(anyTenant, () -> timeZones().zoneOf(nobody))).isEmpty();
    }
}
