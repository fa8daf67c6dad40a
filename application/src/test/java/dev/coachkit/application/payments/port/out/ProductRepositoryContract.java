package dev.coachkit.application.payments.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProductRepository} guarantees: products read back whole, updated, listed oldest first. */
public abstract class ProductRepositoryContract extends PaymentStoresFixture {

    protected abstract ProductRepository products();

    private TenantId tenant;
    private AccountId coach;

    @BeforeEach
    void newTenantAndCoach() {
        tenant = newTenant();
        coach = newAccount();
    }

    private Product add(Product product) {
        run(tenant, () -> products().add(product));
        return product;
    }

    @Test
    void a_product_is_read_back_with_every_field() {
        Product withCoach = add(aProduct(tenant, Optional.of(coach), 10, T0));
        Product anyCoach = add(new Product(java.util.UUID.randomUUID(), tenant, "Drop-in", Optional.empty(), 1,
                Money.of(1_500, "usd"), Optional.empty(), Optional.empty(), false, later(1)));

        assertThat(inTenant(tenant, () -> products().find(tenant, withCoach.id()))).contains(withCoach);
        assertThat(inTenant(tenant, () -> products().find(tenant, anyCoach.id()))).contains(anyCoach);
    }

    @Test
    void an_update_stores_name_description_price_credits_and_active_flag() {
        Product original = add(aProduct(tenant, Optional.of(coach), 10, T0));
        Product changed = new Product(original.id(), tenant, "Renamed", Optional.empty(), 12, Money.of(5_900, "EUR"),
                original.coachId(), original.validDays(), false, original.createdAt());

        run(tenant, () -> products().update(changed));

        assertThat(inTenant(tenant, () -> products().find(tenant, original.id()))).contains(changed);
    }

    @Test
    void lists_are_oldest_first_of_one_coach_when_asked_and_active_only_unless_asked() {
        Product first = add(aProduct(tenant, Optional.of(coach), 5, T0));
        Product inactive = add(new Product(java.util.UUID.randomUUID(), tenant, "Old", Optional.empty(), 3,
                Money.of(900, "EUR"), Optional.of(coach), Optional.empty(), false, later(1)));
        Product anyCoach = add(aProduct(tenant, Optional.empty(), 10, later(2)));
        Product otherCoach = add(aProduct(tenant, Optional.of(newAccount()), 1, later(3)));

        assertThat(inTenant(tenant, () -> products().list(tenant, Optional.empty(), false)))
                .containsExactly(first, anyCoach, otherCoach);
        assertThat(inTenant(tenant, () -> products().list(tenant, Optional.empty(), true)))
                .containsExactly(first, inactive, anyCoach, otherCoach);
        assertThat(inTenant(tenant, () -> products().list(tenant, Optional.of(coach), true)))
                .containsExactly(first, inactive);
        assertThat(inTenant(tenant, () -> products().list(tenant, Optional.of(coach), false)))
                .containsExactly(first);
    }

    @Test
    void another_tenant_sees_none_of_the_products() {
        Product product = add(aProduct(tenant, Optional.of(coach), 10, T0));
        TenantId other = newTenant();

        assertThat(inTenant(other, () -> products().find(other, product.id()))).isEmpty();
        assertThat(inTenant(other, () -> products().list(other, Optional.empty(), true))).isEmpty();
    }
}
