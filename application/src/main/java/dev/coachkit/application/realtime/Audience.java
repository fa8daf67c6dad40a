package dev.coachkit.application.realtime;

import dev.coachkit.domain.shared.AccountId;
import java.util.Set;
import java.util.UUID;

/** Who may receive a stream event, decided again for each subscriber when the event is delivered. */
sealed interface Audience {

    /** Whoever can read the space now: its members, ADMIN, and every member of the tenant when it is public. */
    record Space(UUID spaceId) implements Audience {}

    /** These accounts only (a session's coach and athlete, a notification's recipient). */
    record Accounts(Set<AccountId> accounts) implements Audience {
        public Accounts {
            accounts = Set.copyOf(accounts);
        }
    }

    /** The account that uploaded the media. */
    record MediaOwner(UUID mediaId) implements Audience {}

    /**
     * The readers of a media as the event recorded them: its uploader, ADMIN, and whoever can read now one of
     * the spaces it was shared in (its own, those of the posts carrying it).
     */
    record MediaReaders(AccountId uploader, Set<UUID> spaces) implements Audience {
        public MediaReaders {
            spaces = Set.copyOf(spaces);
        }
    }
}
