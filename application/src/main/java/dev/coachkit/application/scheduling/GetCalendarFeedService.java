package dev.coachkit.application.scheduling;

import dev.coachkit.application.scheduling.port.in.GetCalendarFeedUseCase;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository.FeedOwner;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Optional;

/**
 * The token owner's sessions: the first {@link #MAX_UPCOMING} from now on, so that a busy history
 * never crowds out what lies ahead, and before them the latest {@link #MAX_PAST} of the last
 * {@link #HISTORY}.
 */
public final class GetCalendarFeedService implements GetCalendarFeedUseCase {

    private final UnitOfWork unitOfWork;
    private final CalendarTokenRepository tokens;
    private final SessionRepository sessions;
    private final Calendars calendars;
    private final Clock clock;

    GetCalendarFeedService(UnitOfWork unitOfWork, CalendarTokenRepository tokens, SessionRepository sessions,
            Calendars calendars, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.sessions = sessions;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public CalendarFeed feed(String token) {
        FeedOwner owner = Optional.ofNullable(token).filter(t -> !t.isBlank())
                .flatMap(t -> tokens.ownerOf(TokenHash.of(t)))
                .orElseThrow(() -> new NotFoundException("calendar feed", "of this token"));
        Instant now = clock.now();
        return unitOfWork.inTenant(owner.tenantId(), () -> {
            calendars.requireMember(owner.tenantId(), owner.accountId(), "calendar feed");
            return new CalendarFeed(owner.accountId(), now, sessions.around(owner.tenantId(), owner.accountId(),
                    now.minus(HISTORY), now, MAX_PAST, MAX_UPCOMING));
        });
    }
}
