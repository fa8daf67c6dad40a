package dev.coachkit.application.payments;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.payments.RefundWindow;
import dev.coachkit.domain.scheduling.PaidWith;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Paid bookings as the payments context settles them: credits from the ledger, holds paid through an order. */
final class CreditBookingPayments implements BookingPayments {

    private final ProductRepository products;
    private final OrderRepository orders;
    private final CreditLedger ledger;
    private final PaymentSettingsRepository settings;
    private final AccountRepository accounts;
    private final OrderCheckouts checkouts;
    private final Duration paymentHold;
    private final IdGenerator ids;
    private final Clock clock;

    CreditBookingPayments(ProductRepository products, OrderRepository orders, CreditLedger ledger,
            PaymentSettingsRepository settings, AccountRepository accounts, OrderCheckouts checkouts,
            Duration paymentHold, IdGenerator ids, Clock clock) {
        this.products = products;
        this.orders = orders;
        this.ledger = ledger;
        this.settings = settings;
        this.accounts = accounts;
        this.checkouts = checkouts;
        this.paymentHold = paymentHold;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public boolean spendCredit(Session booking, Instant now) {
        return ledger.spendOne(booking.tenantId(), booking.athleteId(), booking.coachId(), booking.id(), ids.newId(),
                now).isPresent();
    }

    @Override
    public Session holdForPayment(Session booking, UUID productId, Actor buyer, Instant now) {
        Product product = products.find(booking.tenantId(), productId)
                .orElseThrow(() -> new NotFoundException("product", productId));
        if (!product.usableWith(booking.coachId())) {
            throw new BusinessRuleException("the pack " + product.name() + " is for sessions with another coach");
        }
        Optional<String> email = accounts.findById(buyer.accountId()).map(Account::email).map(EmailAddress::value);
        Order order = Order.place(ids.newId(), product, buyer.accountId(), email, Optional.of(booking.id()), now);
        orders.add(order);
        // a hold never outlives the session's start: a payment cannot confirm a session already under way
        Instant holdEnds = Collections.min(List.of(now.plus(paymentHold), booking.startsAt()));
        return Session.hold(booking.id(), booking.tenantId(), booking.coachId(), booking.athleteId(),
                booking.spaceId(), booking.startsAt(), booking.endsAt(), booking.notes(), order.id(), holdEnds, now);
    }

    @Override
    public String openCheckout(TenantId tenant, UUID orderId) {
        return checkouts.open(tenant, orderId).checkoutUrl()
                .orElseThrow(() -> new IllegalStateException("order " + orderId + " has no checkout URL"));
    }

    @Override
    public void sessionCancelled(Session cancelled, Actor canceller) {
        if (cancelled.payment().paidWith() != PaidWith.CREDIT) {
            return; // nothing was spent on it: nothing to give back, nothing to read
        }
        Instant cancelledAt = cancelled.cancelledAt().orElseThrow();
        if (RefundWindow.of(settings.find(cancelled.tenantId())).returnsCredit(cancelled, canceller, cancelledAt)) {
            ledger.returnSpent(cancelled.tenantId(), cancelled.id(), ids.newId(), clock.now());
        }
    }
}
