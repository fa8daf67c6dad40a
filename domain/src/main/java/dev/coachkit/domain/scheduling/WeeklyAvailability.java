package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A coach's recurring weekly hours in one IANA time zone. Slots are wall-clock times, so 09:00 stays
 * 09:00 local across daylight-saving changes; no two slots of a day overlap.
 */
public record WeeklyAvailability(TenantId tenantId, AccountId coachId, ZoneId timeZone, List<WeeklySlot> slots,
        Instant updatedAt) {

    private static final Comparator<WeeklySlot> IN_WEEK_ORDER =
            Comparator.comparing(WeeklySlot::dayOfWeek).thenComparing(WeeklySlot::startTime);

    public WeeklyAvailability {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(updatedAt, "updatedAt");
        slots = slots.stream().sorted(IN_WEEK_ORDER).toList();
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i - 1).overlaps(slots.get(i))) {
                throw new InvalidInputException("slots", slots.get(i - 1) + " and " + slots.get(i) + " overlap");
            }
        }
    }

    /** Parses an IANA zone name such as {@code Europe/Berlin}; offsets and unknown names are the client's error. */
    public static ZoneId zone(String name) {
        if (name == null || !name.contains("/") && !name.equals("UTC")) {
            throw new InvalidInputException("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            throw new InvalidInputException("timeZone", "is not a known IANA time zone: " + name);
        }
    }
}
