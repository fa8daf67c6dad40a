package dev.coachkit.application.notification.port.in;

import dev.coachkit.domain.shared.Actor;
import java.util.UUID;

/** Marks one of the caller's notifications read; someone else's is not found. */
public interface MarkNotificationReadUseCase {

    void markRead(Command command);

    record Command(Actor actor, UUID notificationId) {}
}
