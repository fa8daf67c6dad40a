package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A coach's recurring weekly hours in one IANA time zone. Slots are wall-clock times, so 09:00 stays
 * 09:00 local across daylight-saving changes; no two slots of a day overlap. When {@code requiresCredit}
 * is set, an athlete's booking costs one credit (see the payments context).
 */
public record WeeklyAvailability(TenantId tenantId, AccountId coachId, ZoneId timeZone, List<WeeklySlot> slots,
        Instant updatedAt, boolean requiresCredit) {

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

    /**
     * Parses a zone name of the IANA database, such as {@code Europe/Berlin}, {@code CET} or
     * {@code UTC}. Unknown names, offsets ({@code +02:00}) and zones that are a fixed offset other
     * than UTC (such as {@code Etc/GMT+5}) are the client's error: an offset knows nothing of
     * daylight saving.
     */
    public static ZoneId zone(String name) {
        if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
            throw new InvalidInputException("timeZone", "is not a known IANA time zone such as Europe/Berlin: " + name);
        }
        ZoneRules rules = ZoneId.of(name).getRules();
        if (rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() != 0) {
            throw new InvalidInputException("timeZone", name + " is a fixed offset; name a region such as Europe/Berlin");
        }
        return ZoneId.of(name);
    }
}
