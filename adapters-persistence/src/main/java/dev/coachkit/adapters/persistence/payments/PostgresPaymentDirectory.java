package dev.coachkit.adapters.persistence.payments;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The provider callback's look-ups before it knows its tenant, through security-definer functions that
 * answer ids only (V24): in the running unit of work if there is one, else on the pool.
 */
public final class PostgresPaymentDirectory implements PaymentDirectory {

    // a function returning a scalar answers one row, NULL when nothing matched
    private static final String TENANT_OF_ORDER =
            "select tenant_id from payment_order_tenant({0}) as found(tenant_id) where tenant_id is not null";
    private static final String TENANT_OF_ACCOUNT =
            "select tenant_id from stripe_account_tenant({0}) as found(tenant_id) where tenant_id is not null";

    private final TenantTransactions transactions;
    private final DSLContext pooled;

    public PostgresPaymentDirectory(TenantTransactions transactions, DSLContext pooled) {
        this.transactions = transactions;
        this.pooled = pooled;
    }

    @Override
    public Optional<TenantId> tenantOfOrder(UUID orderId) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery(TENANT_OF_ORDER, DSL.val(orderId))
                .fetchOptional(row -> row.get(0, UUID.class))
                .map(TenantId::of));
    }

    @Override
    public Optional<OrderRef> orderOfPayment(String paymentReference) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, order_id from payment_reference_order({0})", DSL.val(paymentReference))
                .fetchOptional(row -> new OrderRef(TenantId.of(row.get(0, UUID.class)), row.get(1, UUID.class))));
    }

    @Override
    public Optional<TenantId> tenantOfConnectedAccount(String accountId) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery(TENANT_OF_ACCOUNT, DSL.val(accountId))
                .fetchOptional(row -> row.get(0, UUID.class))
                .map(TenantId::of));
    }
}
