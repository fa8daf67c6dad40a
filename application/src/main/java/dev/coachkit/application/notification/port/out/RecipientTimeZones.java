package dev.coachkit.application.notification.port.out;

import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.shared.AccountId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The time zone each recipient reads times in, as their profile sets it; global, usable in any unit of work. */
public interface RecipientTimeZones {

    /** The zones of the {@code recipients} that have an account, in one read however many they are. */
    Map<AccountId, IanaTimeZone> zonesOf(Collection<AccountId> recipients);

    /** The zone of the account with this e-mail (compared case-insensitively); empty when there is none. */
    Optional<IanaTimeZone> zoneOf(EmailAddress email);
}
