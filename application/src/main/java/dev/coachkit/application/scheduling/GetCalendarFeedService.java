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
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
            Deque<Session> past = new ArrayDeque<>(MAX_PAST);
            // keyset pages run oldest first: keep the latest MAX_PAST of the history window
            scan(owner, between(owner.accountId(), now.minus(HISTORY), Optional.of(now)), session -> {
                if (past.size() == MAX_PAST) {
                    past.removeFirst();
                }
                past.addLast(session);
                return true;
            });
            List<Session> found = new ArrayList<>(past);
            List<Session> upcoming = new ArrayList<>();
            scan(owner, between(owner.accountId(), now, Optional.empty()),
                    session -> upcoming.size() < MAX_UPCOMING && upcoming.add(session));
            found.addAll(upcoming);
            return new CalendarFeed(owner.accountId(), now, List.copyOf(found));
        });
    }

    private static Filter between(AccountId participant, Instant from, Optional<Instant> to) {
        return new Filter(Optional.of(from), to, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(participant));
    }

    /** Hands the owner's sessions matching {@code filter} to {@code take}, in start order, until it declines one. */
    private void scan(FeedOwner owner, Filter filter, Predicate<Session> take) {
        TenantId tenant = owner.tenantId();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Session> next = sessions.list(tenant, filter, page);
            for (Session session : next.items()) {
                if (!take.test(session)) {
                    return;
                }
            }
            if (next.next().isEmpty()) {
                return;
            }
            page = page.after(next.next().get());
        }
    }
}
