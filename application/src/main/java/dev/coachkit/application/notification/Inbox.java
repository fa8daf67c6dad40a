package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.notification.NotificationCreated;

/** Where the consumers put notifications: stored, and announced as {@code notification.created} in the same unit of work. */
public final class Inbox {

    private final NotificationRepository notifications;
    private final EventRecorder events;

    public Inbox(NotificationRepository notifications, EventRecorder events) {
        this.notifications = notifications;
        this.events = events;
    }

    void deliver(Notification notification) {
        notifications.add(notification);
        events.record(NotificationCreated.of(notification));
    }
}
