package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.adapters.persistence.jooq.Tables.PAYMENT_SETTINGS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/**
 * One row per tenant that changed its settings; none means the defaults. A Stripe connected account
 * another tenant already has is refused by a unique constraint, reported as a conflict.
 */
public final class PostgresPaymentSettings implements PaymentSettingsRepository {

    private final TenantTransactions transactions;

    public PostgresPaymentSettings(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public PaymentSettings find(TenantId tenant) {
        return transactions.require(tenant).selectFrom(PAYMENT_SETTINGS)
                .where(PAYMENT_SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(row -> new PaymentSettings(row.getRefundWindowHours(),
                        Optional.ofNullable(row.getStripeAccountId())))
                .orElseGet(PaymentSettings::defaults);
    }

    @Override
    public void save(TenantId tenant, PaymentSettings settings) {
        String account = settings.stripeAccountId().orElse(null);
        UniqueViolations.insertOrConflict(() -> transactions.require(tenant).insertInto(PAYMENT_SETTINGS)
                .set(PAYMENT_SETTINGS.TENANT_ID, tenant.value())
                .set(PAYMENT_SETTINGS.REFUND_WINDOW_HOURS, settings.refundWindowHours())
                .set(PAYMENT_SETTINGS.STRIPE_ACCOUNT_ID, account)
                .onConflict(PAYMENT_SETTINGS.TENANT_ID).doUpdate()
                .set(PAYMENT_SETTINGS.REFUND_WINDOW_HOURS, settings.refundWindowHours())
                .set(PAYMENT_SETTINGS.STRIPE_ACCOUNT_ID, account)
                .execute(), () -> "the Stripe account is connected to another organization");
    }
}
