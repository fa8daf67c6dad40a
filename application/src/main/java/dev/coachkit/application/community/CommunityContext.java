package dev.coachkit.application.community;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;

/** Spaces, their members, posts, comments and the feed. */
public final class CommunityContext implements BoundedContext<CommunityModule> {

    @Override
    public Class<CommunityModule> moduleType() {
        return CommunityModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, SpaceRepository.class, SpaceMemberRepository.class, PostRepository.class,
                CommentRepository.class, MembershipRepository.class, MediaRepository.class, AuditLog.class,
                IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return CommunityEventTypes.all();
    }

    @Override
    public CommunityModule assemble(Assembly a) {
        return new CommunityModule(new CommunityModule.Ports(a.port(UnitOfWork.class), a.events(),
                a.port(SpaceRepository.class), a.port(SpaceMemberRepository.class), a.port(PostRepository.class),
                a.port(CommentRepository.class), a.port(MembershipRepository.class), a.port(MediaRepository.class),
                a.port(AuditLog.class), a.port(IdGenerator.class), a.port(Clock.class)));
    }
}
