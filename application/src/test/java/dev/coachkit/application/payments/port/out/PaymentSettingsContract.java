package dev.coachkit.application.payments.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentSettingsRepository} guarantees: the defaults until a tenant saves its own, the
 * last save wins, and a Stripe connected account belongs to one tenant only.
 */
public abstract class PaymentSettingsContract extends PaymentStoresFixture {

    protected abstract PaymentSettingsRepository paymentSettings();

    private TenantId tenant;

    @BeforeEach
    void newTenantOfTheTest() {
        tenant = newTenant();
    }

    private static String uniqueAccount() {
        return "acct_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void a_tenant_that_never_saved_has_the_defaults() {
        assertThat(inTenant(tenant, () -> paymentSettings().find(tenant))).isEqualTo(PaymentSettings.defaults());
    }

    @Test
    void the_last_save_wins() {
        PaymentSettings first = new PaymentSettings(48, Optional.of(uniqueAccount()));
        PaymentSettings second = new PaymentSettings(0, Optional.empty());

        run(tenant, () -> paymentSettings().save(tenant, first));
        assertThat(inTenant(tenant, () -> paymentSettings().find(tenant))).isEqualTo(first);

        run(tenant, () -> paymentSettings().save(tenant, second));
        assertThat(inTenant(tenant, () -> paymentSettings().find(tenant))).isEqualTo(second);
    }

    @Test
    void a_connected_account_of_another_tenant_is_a_conflict() {
        String account = uniqueAccount();
        run(tenant, () -> paymentSettings().save(tenant, new PaymentSettings(24, Optional.of(account))));
        TenantId other = newTenant();

        assertThatThrownBy(() -> run(other, () -> paymentSettings().save(other,
                new PaymentSettings(12, Optional.of(account))))).isInstanceOf(ConflictException.class);
        assertThat(inTenant(other, () -> paymentSettings().find(other))).isEqualTo(PaymentSettings.defaults());
    }

    @Test
    void another_tenant_keeps_its_own_settings() {
        run(tenant, () -> paymentSettings().save(tenant, new PaymentSettings(72, Optional.of(uniqueAccount()))));
        TenantId other = newTenant();

        assertThat(inTenant(other, () -> paymentSettings().find(other))).isEqualTo(PaymentSettings.defaults());
    }
}
