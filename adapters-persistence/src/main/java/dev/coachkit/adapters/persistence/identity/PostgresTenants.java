package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.TENANTS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Tenants; row-level security shows each unit of work only its own. */
public final class PostgresTenants implements TenantRepository {

    private final TenantTransactions transactions;

    public PostgresTenants(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Tenant tenant) {
        transactions.require(tenant.id()).insertInto(TENANTS)
                .set(TENANTS.ID, tenant.id().value())
                .set(TENANTS.NAME, tenant.name())
                .set(TENANTS.CREATED_AT, Timestamps.toColumn(tenant.createdAt()))
                .execute();
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return transactions.require().dsl().selectFrom(TENANTS).where(TENANTS.ID.eq(id.value()))
                .fetchOptional(row -> new Tenant(TenantId.of(row.getId()), row.getName(),
                        Timestamps.toInstant(row.getCreatedAt())));
    }
}
