package dev.coachkit.adapters.persistence.scheduling;

import static dev.coachkit.adapters.persistence.jooq.Tables.AVAILABILITIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.AVAILABILITY_SLOTS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Weekly availability as one row per coach and one per slot; replacing rewrites the slots. */
public final class PostgresAvailabilities implements AvailabilityRepository {

    private final TenantTransactions transactions;

    public PostgresAvailabilities(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void replace(WeeklyAvailability availability) {
        DSLContext dsl = transactions.require(availability.tenantId());
        var tenant = availability.tenantId().value();
        var coach = availability.coachId().value();
        dsl.insertInto(AVAILABILITIES)
                .set(AVAILABILITIES.TENANT_ID, tenant)
                .set(AVAILABILITIES.COACH_ID, coach)
                .set(AVAILABILITIES.TIME_ZONE, availability.timeZone().getId())
                .set(AVAILABILITIES.UPDATED_AT, Timestamps.toColumn(availability.updatedAt()))
                .set(AVAILABILITIES.REQUIRES_CREDIT, availability.requiresCredit())
                .onConflict(AVAILABILITIES.TENANT_ID, AVAILABILITIES.COACH_ID).doUpdate()
                .set(AVAILABILITIES.TIME_ZONE, availability.timeZone().getId())
                .set(AVAILABILITIES.UPDATED_AT, Timestamps.toColumn(availability.updatedAt()))
                .set(AVAILABILITIES.REQUIRES_CREDIT, availability.requiresCredit())
                .execute();
        dsl.deleteFrom(AVAILABILITY_SLOTS)
                .where(AVAILABILITY_SLOTS.TENANT_ID.eq(tenant), AVAILABILITY_SLOTS.COACH_ID.eq(coach))
                .execute();
        if (availability.slots().isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(AVAILABILITY_SLOTS, AVAILABILITY_SLOTS.TENANT_ID, AVAILABILITY_SLOTS.COACH_ID,
                AVAILABILITY_SLOTS.DAY_OF_WEEK, AVAILABILITY_SLOTS.START_TIME, AVAILABILITY_SLOTS.END_TIME);
        for (WeeklySlot slot : availability.slots()) {
            insert = insert.values(tenant, coach, slot.dayOfWeek().getValue(), slot.startTime(), slot.endTime());
        }
        insert.execute();
    }

    @Override
    public Optional<WeeklyAvailability> find(TenantId tenant, AccountId coach) {
        DSLContext dsl = transactions.require().dsl();
        return dsl.selectFrom(AVAILABILITIES)
                .where(AVAILABILITIES.TENANT_ID.eq(tenant.value()), AVAILABILITIES.COACH_ID.eq(coach.value()))
                .fetchOptional()
                .map(row -> {
                    List<WeeklySlot> slots = dsl.selectFrom(AVAILABILITY_SLOTS)
                            .where(AVAILABILITY_SLOTS.TENANT_ID.eq(tenant.value()),
                                    AVAILABILITY_SLOTS.COACH_ID.eq(coach.value()))
                            .fetch(slot -> new WeeklySlot(DayOfWeek.of(slot.getDayOfWeek()), slot.getStartTime(),
                                    slot.getEndTime()));
                    return new WeeklyAvailability(tenant, coach, ZoneId.of(row.getTimeZone()), slots,
                            Timestamps.toInstant(row.getUpdatedAt()), row.getRequiresCredit());
                });
    }
}
