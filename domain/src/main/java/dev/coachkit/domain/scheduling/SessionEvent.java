package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** What happens to a session; each event carries who takes part and when, so consumers need not read the session. */
public sealed interface SessionEvent extends DomainEvent permits SessionScheduled, SessionCancelled, SessionReminderDue {

    UUID sessionId();

    AccountId coachId();

    AccountId athleteId();

    Instant startsAt();

    Instant endsAt();
}
