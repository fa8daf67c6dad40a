package dev.coachkit.application.notification;

import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.notification.port.in.MarkNotificationReadUseCase;

/** The in-app notifications a member reads and marks read; they are made by the context's consumers. */
public final class NotificationModule {

    private final ListNotificationsUseCase list;
    private final MarkNotificationReadUseCase markRead;

    NotificationModule(ListNotificationsUseCase list, MarkNotificationReadUseCase markRead) {
        this.list = list;
        this.markRead = markRead;
    }

    public ListNotificationsUseCase list() {
        return list;
    }

    public MarkNotificationReadUseCase markRead() {
        return markRead;
    }
}
