package dev.coachkit.application.payments.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.payments.port.out.PaymentDirectory.OrderRef;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentDirectory} guarantees: before any tenant is known (outside a unit of work), an
 * order id, a payment reference and a connected account each name their tenant, and unknown ones nothing.
 */
public abstract class PaymentDirectoryContract extends PaymentStoresFixture {

    protected abstract ProductRepository products();

    protected abstract OrderRepository orders();

    protected abstract PaymentSettingsRepository paymentSettings();

    protected abstract PaymentDirectory paymentDirectory();

    private TenantId tenant;
    private Order order;

    @BeforeEach
    void newTenantWithAnOrder() {
        tenant = newTenant();
        Product product = aProduct(tenant, Optional.empty(), 5, T0);
        order = aPendingOrder(product, newAccount(), T0);
        run(tenant, () -> {
            products().add(product);
            orders().add(order);
        });
    }

    @Test
    void an_order_id_names_its_tenant() {
        assertThat(paymentDirectory().tenantOfOrder(order.id())).contains(tenant);
        assertThat(paymentDirectory().tenantOfOrder(UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_payment_reference_names_its_order_once_stored() {
        String reference = "pi_" + UUID.randomUUID();
        assertThat(paymentDirectory().orderOfPayment(reference)).isEmpty();

        run(tenant, () -> orders().update(paid(order, reference, T0.plusSeconds(60)), OrderStatus.PENDING));

        assertThat(paymentDirectory().orderOfPayment(reference)).contains(new OrderRef(tenant, order.id()));
    }

    @Test
    void a_connected_account_names_its_tenant_until_it_is_changed() {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(paymentDirectory().tenantOfConnectedAccount(account)).isEmpty();

        run(tenant, () -> paymentSettings().save(tenant, new PaymentSettings(24, Optional.of(account))));
        assertThat(paymentDirectory().tenantOfConnectedAccount(account)).contains(tenant);

        run(tenant, () -> paymentSettings().save(tenant, new PaymentSettings(24, Optional.empty())));
        assertThat(paymentDirectory().tenantOfConnectedAccount(account)).isEmpty();
    }

    @Test
    void the_look_ups_work_inside_a_unit_of_work_of_another_tenant_too() {
        TenantId other = newTenant();

        assertThat(inTenant(other, () -> paymentDirectory().tenantOfOrder(order.id()))).contains(tenant);
    }
}
