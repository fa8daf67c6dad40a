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
    Duration HISTORY = Duration.ofDays(90);

    /** How many sessions from now on a feed holds at most, the earliest first. */
    int MAX_UPCOMING = 500;

    /** How many past sessions of the last {@link #HISTORY} a feed holds at most, the latest first. */
    int MAX_PAST = 100;

    CalendarFeed feed(String token);

    /** The sessions in start order: recent history, then what lies ahead. */
    record CalendarFeed(AccountId owner, Instant generatedAt, List<Session> sessions) {}
}
