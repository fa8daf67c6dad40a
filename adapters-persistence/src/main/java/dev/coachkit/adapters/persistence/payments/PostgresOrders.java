package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.adapters.persistence.jooq.Tables.ORDERS;

import dev.coachkit.adapters.persistence.jooq.tables.records.OrdersRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Orders under row-level security. A status change is one conditional UPDATE on the stored status, so of
 * two deliveries of one payment (or a payment racing an expiry) exactly one moves the order.
 */
public final class PostgresOrders implements OrderRepository {

    private final TenantTransactions transactions;

    public PostgresOrders(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Order order) {
        UniqueViolations.insertOrConflict(() -> transactions.require(order.tenantId()).insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, order.tenantId().value())
                .set(ORDERS.ID, order.id())
                .set(ORDERS.PRODUCT_ID, order.productId())
                .set(ORDERS.BUYER_ID, order.buyerId().value())
                .set(ORDERS.BUYER_EMAIL, order.buyerEmail().orElse(null))
                .set(ORDERS.AMOUNT_CENTS, order.amount().minorUnits())
                .set(ORDERS.CURRENCY, order.amount().currencyCode())
                .set(ORDERS.CREDITS, order.credits())
                .set(ORDERS.COACH_ID, order.coachId().map(AccountId::value).orElse(null))
                .set(ORDERS.VALID_DAYS, order.validDays().orElse(null))
                .set(ORDERS.STATUS, order.status().name())
                .set(ORDERS.CHECKOUT_URL, order.checkoutUrl().orElse(null))
                .set(ORDERS.PAYMENT_REFERENCE, order.paymentReference().orElse(null))
                .set(ORDERS.SESSION_ID, order.sessionId().orElse(null))
                .set(ORDERS.CREATED_AT, Timestamps.toColumn(order.createdAt()))
                .set(ORDERS.PAID_AT, Timestamps.toColumn(order.paidAt().orElse(null)))
                .set(ORDERS.REFUNDED_AT, Timestamps.toColumn(order.refundedAt().orElse(null)))
                .execute(), () -> "order " + order.id() + " or its payment reference exists");
    }

    @Override
    public boolean update(Order order, OrderStatus expected) {
        boolean[] changed = new boolean[1];
        UniqueViolations.insertOrConflict(() -> changed[0] = transactions.require(order.tenantId()).update(ORDERS)
                .set(ORDERS.STATUS, order.status().name())
                .set(ORDERS.CHECKOUT_URL, order.checkoutUrl().orElse(null))
                .set(ORDERS.PAYMENT_REFERENCE, order.paymentReference().orElse(null))
                .set(ORDERS.PAID_AT, Timestamps.toColumn(order.paidAt().orElse(null)))
                .set(ORDERS.REFUNDED_AT, Timestamps.toColumn(order.refundedAt().orElse(null)))
                .where(ORDERS.TENANT_ID.eq(order.tenantId().value()), ORDERS.ID.eq(order.id()),
                        ORDERS.STATUS.eq(expected.name()))
                .execute() == 1, () -> "the payment reference names another order");
        return changed[0];
    }

    @Override
    public Optional<Order> find(TenantId tenant, UUID id) {
        return transactions.require(tenant).selectFrom(ORDERS)
                .where(ORDERS.TENANT_ID.eq(tenant.value()), ORDERS.ID.eq(id))
                .fetchOptional(PostgresOrders::toDomain);
    }

    @Override
    public Page<Order> list(TenantId tenant, Optional<AccountId> buyer, Optional<OrderStatus> status,
            PageRequest page) {
        List<Condition> conditions = new ArrayList<>(List.of(ORDERS.TENANT_ID.eq(tenant.value())));
        buyer.ifPresent(id -> conditions.add(ORDERS.BUYER_ID.eq(id.value())));
        status.ifPresent(value -> conditions.add(ORDERS.STATUS.eq(value.name())));
        page.after().ifPresent(cursor -> conditions.add(DSL.row(ORDERS.CREATED_AT, ORDERS.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))));
        List<Order> fetched = transactions.require(tenant).selectFrom(ORDERS)
                .where(conditions)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc())
                .limit(page.limit() + 1)
                .fetch(PostgresOrders::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                order -> Cursor.of(order.createdAt().toString(), order.id().toString()));
    }

    @Override
    public boolean productSold(TenantId tenant, UUID productId) {
        return transactions.require(tenant).fetchExists(ORDERS, ORDERS.TENANT_ID.eq(tenant.value()),
                ORDERS.PRODUCT_ID.eq(productId), ORDERS.PAID_AT.isNotNull());
    }

    private static Order toDomain(OrdersRecord row) {
        return new Order(row.getId(), TenantId.of(row.getTenantId()), row.getProductId(),
                AccountId.of(row.getBuyerId()), Optional.ofNullable(row.getBuyerEmail()),
                Money.of(row.getAmountCents(), row.getCurrency()), row.getCredits(),
                Optional.ofNullable(row.getCoachId()).map(AccountId::of), Optional.ofNullable(row.getValidDays()),
                OrderStatus.valueOf(row.getStatus()), Optional.ofNullable(row.getCheckoutUrl()),
                Optional.ofNullable(row.getPaymentReference()), Optional.ofNullable(row.getSessionId()),
                Timestamps.toInstant(row.getCreatedAt()), Optional.ofNullable(Timestamps.toInstant(row.getPaidAt())),
                Optional.ofNullable(Timestamps.toInstant(row.getRefundedAt())));
    }
}
