package dev.coachkit.adapters.http.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coachkit.domain.scheduling.WeeklySlot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The JSON request bodies of the Scheduling endpoints, validated field by field. */
final class SchedulingRequests {

    private SchedulingRequests() {}

    /** {@code POST /scheduling/availability}; {@code coachId} absent: the caller's own calendar. */
    record AvailabilityRequest(
            UUID coachId,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Size(max = 100) List<@NotNull @Valid SlotRequest> slots,
            Boolean requiresCredit) {}

    /**
     * One weekly slot, local wall-clock {@code HH:mm} in the availability's zone; an end of {@code 24:00} is midnight.
     * Both are text checked against the pattern: Jackson's LocalTime would also take {@code 09:00:30} and {@code [9,0]}.
     */
    record SlotRequest(@NotNull DayOfWeek dayOfWeek,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String startTime,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be HH:mm, at most 24:00")
            String endTime) {

        /** The start as a slot holds it. */
        LocalTime start() {
            return LocalTime.parse(startTime);
        }

        /** The end as a slot holds it: {@code 24:00} is {@link WeeklySlot#END_OF_DAY}. */
        LocalTime end() {
            return endTime.equals("24:00") ? WeeklySlot.END_OF_DAY : LocalTime.parse(endTime);
        }
    }

    /**
     * {@code POST /scheduling/sessions/book}; {@code athleteId} absent: the caller books for themself;
     * {@code productId}: the pack to buy when the coach asks for a credit and the athlete has none. Its example
     * leaves out the fields it does not use.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookRequest(
            @NotNull UUID coachId,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            UUID athleteId,
            UUID spaceId,
            @Size(max = 2000) String notes,
            UUID productId) {}

    /** {@code POST /scheduling/sessions/{id}/cancel}; the body is optional. */
    record CancelRequest(@Size(max = 500) String reason) {}
}
