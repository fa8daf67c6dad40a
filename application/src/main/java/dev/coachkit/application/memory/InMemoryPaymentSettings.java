package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Each tenant's payment settings in an {@link InMemoryTable}; the defaults until a tenant saves its own. */
public final class InMemoryPaymentSettings implements PaymentSettingsRepository {

    private record Row(TenantId tenantId, PaymentSettings settings) {}

    private final InMemoryTable<TenantId, Row> settings;

    public InMemoryPaymentSettings(InMemoryUnitOfWork unitOfWork) {
        this.settings = InMemoryTable.perTenant(unitOfWork, Row::tenantId);
    }

    @Override
    public PaymentSettings find(TenantId tenant) {
        return settings.get(tenant).map(Row::settings).orElseGet(PaymentSettings::defaults);
    }

    /** A connected account belongs to one organization: naming another's is a conflict, as PostgreSQL's unique index makes it. */
    @Override
    public synchronized void save(TenantId tenant, PaymentSettings paymentSettings) {
        paymentSettings.stripeAccountId().flatMap(this::tenantOfConnectedAccount)
                .filter(owner -> !owner.equals(tenant)).ifPresent(owner -> {
                    throw new ConflictException("the Stripe account is connected to another organization");
                });
        settings.put(tenant, new Row(tenant, paymentSettings));
    }

    /** The tenant whose committed settings name the connected account {@code accountId}. */
    Optional<TenantId> tenantOfConnectedAccount(String accountId) {
        return settings.selectAcrossTenants(row -> row.settings().stripeAccountId().filter(accountId::equals)
                .isPresent()).stream().map(Row::tenantId).findFirst();
    }
}
