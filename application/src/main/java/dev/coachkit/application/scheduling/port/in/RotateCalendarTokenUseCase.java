package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.shared.Actor;

/** Issues a new secret for the caller's calendar feed in the current tenant; the previous one stops working. */
public interface RotateCalendarTokenUseCase {

    /** The new token, which exists nowhere else in clear. */
    String rotate(Actor actor);
}
