package dev.coachkit.application.realtime;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.identity.IdentityModule;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;

/** Real-time updates: streams of committed events, authorized per subscriber at delivery, and their tickets. */
public final class RealtimeContext implements BoundedContext<RealtimeModule> {

    @Override
    public Class<RealtimeModule> moduleType() {
        return RealtimeModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(EventFeed.class, RealtimeTicketStore.class, UnitOfWork.class, SpaceRepository.class,
                SpaceMemberRepository.class, MediaRepository.class, SecureTokens.class, Clock.class);
    }

    @Override
    public RealtimeModule assemble(Assembly a) {
        RealtimeSettings settings = a.setting(RealtimeSettings.class, RealtimeSettings.defaults());
        UnitOfWork unitOfWork = a.port(UnitOfWork.class);
        Clock clock = a.port(Clock.class);
        RealtimeTicketStore tickets = a.port(RealtimeTicketStore.class);
        StreamAudience audience = new StreamAudience(unitOfWork, a.port(SpaceRepository.class),
                a.port(SpaceMemberRepository.class), a.port(MediaRepository.class), clock, settings.audienceFreshness());
        RealtimeHub hub = new RealtimeHub(a.port(EventFeed.class), tickets,
                a.module(IdentityModule.class).authenticate(), unitOfWork, audience, clock, settings);
        return new RealtimeModule(new IssueRealtimeTicketService(tickets, a.port(SecureTokens.class), clock), hub);
    }
}
