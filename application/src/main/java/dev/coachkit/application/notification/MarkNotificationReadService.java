package dev.coachkit.application.notification;

import dev.coachkit.application.notification.port.in.MarkNotificationReadUseCase;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.NotFoundException;

/** Only the recipient can mark a notification read; for anyone else it does not exist. */
public final class MarkNotificationReadService implements MarkNotificationReadUseCase {

    private final UnitOfWork unitOfWork;
    private final NotificationRepository notifications;
    private final Clock clock;

    public MarkNotificationReadService(UnitOfWork unitOfWork, NotificationRepository notifications, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void markRead(Command command) {
        boolean found = unitOfWork.inTenant(command.actor().tenantId(), () -> notifications.markRead(
                command.actor().tenantId(), command.notificationId(), command.actor().accountId(), clock.now()));
        if (!found) {
            throw new NotFoundException("notification", command.notificationId());
        }
    }
}
