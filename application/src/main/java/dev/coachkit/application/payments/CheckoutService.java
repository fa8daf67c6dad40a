package dev.coachkit.application.payments;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.payments.port.in.CheckoutUseCase;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.Optional;

/** Places a PENDING order of an active pack for the caller, then opens the provider's checkout once it is committed. */
public final class CheckoutService implements CheckoutUseCase {

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final AccountRepository accounts;
    private final OrderCheckouts checkouts;
    private final IdGenerator ids;
    private final Clock clock;

    CheckoutService(UnitOfWork unitOfWork, ProductRepository products, OrderRepository orders,
            AccountRepository accounts, OrderCheckouts checkouts, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.products = products;
        this.orders = orders;
        this.accounts = accounts;
        this.checkouts = checkouts;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Order checkout(Command command) {
        Actor actor = command.actor();
        OrderCheckouts.Placed placed = unitOfWork.inTenant(actor.tenantId(), () -> {
            Product product = products.find(actor.tenantId(), command.productId())
                    .orElseThrow(() -> new NotFoundException("product", command.productId()));
            Optional<String> email = accounts.findById(actor.accountId()).map(Account::email).map(EmailAddress::value);
            Order order = Order.place(ids.newId(), product, actor.accountId(), email, Optional.empty(), clock.now());
            orders.add(order);
            return checkouts.prepare(order, product);
        });
        return placed.open();
    }
}
