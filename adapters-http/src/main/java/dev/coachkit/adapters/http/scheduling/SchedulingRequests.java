package dev.coachkit.adapters.http.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The JSON request bodies of the Scheduling section of API.md, validated field by field. */
final class SchedulingRequests {

    private SchedulingRequests() {}

    /** {@code POST /scheduling/availability}; {@code coachId} absent: the caller's own calendar. */
    record AvailabilityRequest(
            UUID coachId,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Size(max = 100) List<@NotNull @Valid SlotRequest> slots) {}

    /** One weekly slot, local wall-clock {@code HH:mm} in the availability's zone. */
    record SlotRequest(@NotNull DayOfWeek dayOfWeek, @NotNull LocalTime startTime, @NotNull LocalTime endTime) {}

    /** {@code POST /scheduling/sessions/book}; {@code athleteId} absent: the caller books for themself. */
    record BookRequest(
            @NotNull UUID coachId,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            UUID athleteId,
            UUID spaceId,
            @Size(max = 2000) String notes) {}

    /** {@code POST /scheduling/sessions/{id}/cancel}; the body is optional. */
    record CancelRequest(@Size(max = 500) String reason) {}
}
