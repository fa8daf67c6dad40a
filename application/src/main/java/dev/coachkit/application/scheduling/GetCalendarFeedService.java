package dev.coachkit.application.scheduling;

import dev.coachkit.application.scheduling.port.in.GetCalendarFeedUseCase;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository.FeedOwner;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.scheduling.port.out.SessionRepository.Filter;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The token owner's sessions of the last {@link #HISTORY} and all ahead, at most {@link #MAX_SESSIONS}. */
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
        Filter mine = new Filter(Optional.of(now.minus(HISTORY)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(owner.accountId()));
        return unitOfWork.inTenant(owner.tenantId(), () -> {
            calendars.requireMember(owner.tenantId(), owner.accountId(), "calendar feed");
            List<Session> found = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (found.size() < MAX_SESSIONS) {
                Page<Session> next = sessions.list(owner.tenantId(), mine, page);
                found.addAll(next.items());
                if (next.next().isEmpty()) {
                    break;
                }
                page = page.after(next.next().get());
            }
            return new CalendarFeed(owner.accountId(), now, found.stream().limit(MAX_SESSIONS).toList());
        });
    }
}
