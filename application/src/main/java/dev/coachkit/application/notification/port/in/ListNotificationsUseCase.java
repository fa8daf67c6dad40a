package dev.coachkit.application.notification.port.in;

import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;

/** The caller's own notifications, newest first. */
public interface ListNotificationsUseCase {

    Page<Notification> notifications(Query query);

    record Query(Actor actor, boolean unreadOnly, PageRequest page) {}
}
