package dev.coachkit.application.payments.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the payments contracts share: a tenant and accounts of each test's own (the stores may refer to
 * them), units of work, and valid products and orders to store. Not a contract itself.
 */
public abstract class PaymentStoresFixture {

    protected abstract UnitOfWork unitOfWork();

    protected abstract AccountRepository accounts();

    protected abstract TenantRepository tenants();

    protected TenantId newTenant() {
        Tenant created = aTenant().build();
        unitOfWork().runInTenant(created.id(), () -> tenants().add(created));
        return created.id();
    }

    protected AccountId newAccount() {
        Account account = anAccount().build();
        unitOfWork().withoutTenant(() -> {
            accounts().add(account);
            return null;
        });
        return account.id();
    }

    protected <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return unitOfWork().inTenant(tenant, work);
    }

    protected void run(TenantId tenant, Runnable work) {
        unitOfWork().runInTenant(tenant, work);
    }

    /** An active pack of {@code credits} for 49.00 EUR, of {@code coach} when given, valid 30 days. */
    protected static Product aProduct(TenantId tenant, Optional<AccountId> coach, int credits, Instant createdAt) {
        return new Product(UUID.randomUUID(), tenant, "Pack of " + credits, Optional.of("Sessions with the coach"),
                credits, Money.of(4_900, "EUR"), coach, Optional.of(30), true, createdAt);
    }

    /** A PENDING order of {@code product} by {@code buyer}, created at {@code createdAt}. */
    protected static Order aPendingOrder(Product product, AccountId buyer, Instant createdAt) {
        return new Order(UUID.randomUUID(), product.tenantId(), product.id(), buyer, Optional.of("buyer@example.test"),
                product.price(), product.credits(), product.coachId(), product.validDays(), OrderStatus.PENDING,
                Optional.of("https://pay.example.test/c/" + UUID.randomUUID()), Optional.empty(), Optional.empty(),
                createdAt, Optional.empty(), Optional.empty());
    }

    /** {@code order} paid at {@code at} through the provider's payment {@code reference}. */
    protected static Order paid(Order order, String reference, Instant at) {
        return new Order(order.id(), order.tenantId(), order.productId(), order.buyerId(), order.buyerEmail(),
                order.amount(), order.credits(), order.coachId(), order.validDays(), OrderStatus.PAID,
                order.checkoutUrl(), Optional.of(reference), order.sessionId(), order.createdAt(), Optional.of(at),
                Optional.empty());
    }

    /** {@code order} (paid) refunded at {@code at}. */
    protected static Order refunded(Order order, Instant at) {
        return new Order(order.id(), order.tenantId(), order.productId(), order.buyerId(), order.buyerEmail(),
                order.amount(), order.credits(), order.coachId(), order.validDays(), OrderStatus.REFUNDED,
                order.checkoutUrl(), order.paymentReference(), order.sessionId(), order.createdAt(), order.paidAt(),
                Optional.of(at));
    }

    protected static Instant later(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
