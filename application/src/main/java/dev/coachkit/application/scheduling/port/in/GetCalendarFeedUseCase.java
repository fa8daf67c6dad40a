package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sessions of the account a calendar-feed token belongs to, in that token's tenant. The token
 * is the only credential; an unknown one is not found.
 */
public interface GetCalendarFeedUseCase {

    /** How far back a feed reaches, so that subscribed calendars keep recent history. */
    Duration HISTORY = java.time.Duration.ofDays(90);

    /** How many sessions a feed holds at most. */
    int MAX_SESSIONS = 500;

    CalendarFeed feed(String token);

    record CalendarFeed(AccountId owner, Instant generatedAt, List<Session> sessions) {}
}
