package dev.coachkit.application.notification;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.PublicUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;

/** Reaching people: the invitation e-mail and in-app notifications of posts, comments and sessions. */
public final class NotificationContext implements BoundedContext<NotificationModule> {

    @Override
    public Class<NotificationModule> moduleType() {
        return NotificationModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, NotificationRepository.class, Mailer.class, SpaceRepository.class,
                SpaceMemberRepository.class, IdGenerator.class, Clock.class);
    }

    @Override
    public NotificationModule assemble(Assembly a) {
        NotificationRepository notifications = a.port(NotificationRepository.class);
        IdGenerator ids = a.port(IdGenerator.class);
        Clock clock = a.port(Clock.class);
        String publicUrl = a.setting(PublicUrl.class, PublicUrl.defaults()).value();
        a.consumer(new InvitationEmailConsumer(a.port(Mailer.class), publicUrl, a.setting(AppUrl.class, new AppUrl(publicUrl))));
        a.consumer(new PostNotificationConsumer(a.port(SpaceRepository.class), a.port(SpaceMemberRepository.class),
                notifications, ids));
        a.consumer(new CommentNotificationConsumer(notifications, ids));
        a.consumer(new SessionNotificationConsumer(notifications, ids, clock));
        UnitOfWork unitOfWork = a.port(UnitOfWork.class);
        return new NotificationModule(new ListNotificationsService(unitOfWork, notifications),
                new MarkNotificationReadService(unitOfWork, notifications, clock));
    }
}
