package dev.coachkit.application.notification;

import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.Page;

/** A page of the caller's notifications. */
public final class ListNotificationsService implements ListNotificationsUseCase {

    private final UnitOfWork unitOfWork;
    private final NotificationRepository notifications;

    public ListNotificationsService(UnitOfWork unitOfWork, NotificationRepository notifications) {
        this.unitOfWork = unitOfWork;
        this.notifications = notifications;
    }

    @Override
    public Page<Notification> notifications(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> notifications.listFor(query.actor().tenantId(),
                query.actor().accountId(), query.unreadOnly(), query.page()));
    }
}
