package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.adapters.persistence.jooq.Tables.PRODUCTS;

import dev.coachkit.adapters.persistence.jooq.tables.records.ProductsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;

/** Session packs under row-level security; a product is never deleted, only deactivated. */
public final class PostgresProducts implements ProductRepository {

    private final TenantTransactions transactions;

    public PostgresProducts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Product product) {
        UniqueViolations.insertOrConflict(() -> transactions.require(product.tenantId()).insertInto(PRODUCTS)
                .set(PRODUCTS.TENANT_ID, product.tenantId().value())
                .set(PRODUCTS.ID, product.id())
                .set(PRODUCTS.NAME, product.name())
                .set(PRODUCTS.DESCRIPTION, product.description().orElse(null))
                .set(PRODUCTS.CREDITS, product.credits())
                .set(PRODUCTS.PRICE_CENTS, product.price().minorUnits())
                .set(PRODUCTS.CURRENCY, product.price().currencyCode())
                .set(PRODUCTS.COACH_ID, product.coachId().map(AccountId::value).orElse(null))
                .set(PRODUCTS.VALID_DAYS, product.validDays().orElse(null))
                .set(PRODUCTS.ACTIVE, product.active())
                .set(PRODUCTS.CREATED_AT, Timestamps.toColumn(product.createdAt()))
                .execute(), () -> "product " + product.id() + " exists");
    }

    /** The coach, the validity and the creation time are the product's for good; the rest may change. */
    @Override
    public void update(Product product) {
        transactions.require(product.tenantId()).update(PRODUCTS)
                .set(PRODUCTS.NAME, product.name())
                .set(PRODUCTS.DESCRIPTION, product.description().orElse(null))
                .set(PRODUCTS.CREDITS, product.credits())
                .set(PRODUCTS.PRICE_CENTS, product.price().minorUnits())
                .set(PRODUCTS.CURRENCY, product.price().currencyCode())
                .set(PRODUCTS.ACTIVE, product.active())
                .where(PRODUCTS.TENANT_ID.eq(product.tenantId().value()), PRODUCTS.ID.eq(product.id()))
                .execute();
    }

    @Override
    public Optional<Product> find(TenantId tenant, UUID id) {
        return transactions.require(tenant).selectFrom(PRODUCTS)
                .where(PRODUCTS.TENANT_ID.eq(tenant.value()), PRODUCTS.ID.eq(id))
                .fetchOptional(PostgresProducts::toDomain);
    }

    @Override
    public List<Product> list(TenantId tenant, Optional<AccountId> coach, boolean includeInactive) {
        List<Condition> conditions = new ArrayList<>(List.of(PRODUCTS.TENANT_ID.eq(tenant.value())));
        coach.ifPresent(id -> conditions.add(PRODUCTS.COACH_ID.eq(id.value())));
        if (!includeInactive) {
            conditions.add(PRODUCTS.ACTIVE.isTrue());
        }
        return transactions.require(tenant).selectFrom(PRODUCTS)
                .where(conditions)
                .orderBy(PRODUCTS.CREATED_AT, PRODUCTS.ID)
                .fetch(PostgresProducts::toDomain);
    }

    private static Product toDomain(ProductsRecord row) {
        return new Product(row.getId(), TenantId.of(row.getTenantId()), row.getName(),
                Optional.ofNullable(row.getDescription()), row.getCredits(),
                Money.of(row.getPriceCents(), row.getCurrency()), Optional.ofNullable(row.getCoachId()).map(AccountId::of),
                Optional.ofNullable(row.getValidDays()), row.getActive(), Timestamps.toInstant(row.getCreatedAt()));
    }
}
