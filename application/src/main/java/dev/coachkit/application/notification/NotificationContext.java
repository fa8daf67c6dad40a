package dev.coachkit.application.notification;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.PublicUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;

/**
 * Reaching people: the invitation e-mail and in-app notifications of posts, comments, sessions and payments,
 * with times in each recipient's time zone.
 */
public final class NotificationContext implements BoundedContext<NotificationModule> {

    @Override
    public Class<NotificationModule> moduleType() {
        return NotificationModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, NotificationRepository.class, Mailer.class, SpaceRepository.class,
                SpaceMemberRepository.class, RecipientTimeZones.class, IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return NotificationEventTypes.all();
    }

    @Override
    public NotificationModule assemble(Assembly a) {
        NotificationRepository notifications = a.port(NotificationRepository.class);
        Inbox inbox = new Inbox(notifications, a.events());
        IdGenerator ids = a.port(IdGenerator.class);
        Clock clock = a.port(Clock.class);
        RecipientTimeZones timeZones = a.port(RecipientTimeZones.class);
        String publicUrl = a.setting(PublicUrl.class, PublicUrl.defaults()).value();
        a.consumer(new InvitationEmailConsumer(a.port(Mailer.class), timeZones, publicUrl,
                a.setting(AppUrl.class, new AppUrl(publicUrl))));
        a.consumer(new PostNotificationConsumer(a.port(SpaceRepository.class), a.port(SpaceMemberRepository.class),
                inbox, ids));
        a.consumer(new CommentNotificationConsumer(inbox, ids));
        a.consumer(new AnnotationNotificationConsumer(inbox, ids));
        a.consumer(new SessionNotificationConsumer(inbox, timeZones, ids, clock));
        a.consumer(new OrderNotificationConsumer(inbox, ids, clock));
        UnitOfWork unitOfWork = a.port(UnitOfWork.class);
        return new NotificationModule(new ListNotificationsService(unitOfWork, notifications),
                new MarkNotificationReadService(unitOfWork, notifications, clock));
    }
}
