package dev.coachkit.application.payments;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.payments.port.in.AdjustCreditsUseCase;
import dev.coachkit.application.payments.port.in.CheckoutUseCase;
import dev.coachkit.application.payments.port.in.CreateProductUseCase;
import dev.coachkit.application.payments.port.in.GetCreditsUseCase;
import dev.coachkit.application.payments.port.in.GetOrderUseCase;
import dev.coachkit.application.payments.port.in.GetPaymentSettingsUseCase;
import dev.coachkit.application.payments.port.in.ListCreditLedgerUseCase;
import dev.coachkit.application.payments.port.in.ListOrdersUseCase;
import dev.coachkit.application.payments.port.in.ListProductsUseCase;
import dev.coachkit.application.payments.port.in.LocalCheckoutUseCase;
import dev.coachkit.application.payments.port.in.ReceivePaymentWebhookUseCase;
import dev.coachkit.application.payments.port.in.RefundOrderUseCase;
import dev.coachkit.application.payments.port.in.UpdatePaymentSettingsUseCase;
import dev.coachkit.application.payments.port.in.UpdateProductUseCase;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.OrderRefunded;

/** The payments use cases, assembled once from the ports they share. */
public final class PaymentsModule {

    /** The out ports payments needs; {@code provider} is the host's or the {@link LocalPaymentProvider}. */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, ProductRepository products,
            OrderRepository orders, CreditLedger ledger, PaymentSettingsRepository settings,
            ProcessedPaymentEvents processedEvents, PaymentDirectory directory, PaymentProvider provider,
            SessionRepository sessions, AccountRepository accounts, MembershipRepository memberships,
            AuditLog auditLog, IdGenerator ids, Clock clock) {}

    /** Where checkouts send buyers back ({@code <appUrl>/payments/orders/<id>?checkout=…}); how long holds last. */
    public record Settings(AppUrl appUrl, PaymentHoldSettings holds) {}

    private final Ports ports;
    private final HeldSessions heldSessions;
    private final CreateProductUseCase createProduct;
    private final ListProductsUseCase products;
    private final UpdateProductUseCase updateProduct;
    private final CheckoutUseCase checkout;
    private final ListOrdersUseCase orders;
    private final GetOrderUseCase order;
    private final GetCreditsUseCase credits;
    private final ListCreditLedgerUseCase ledger;
    private final RefundOrderUseCase refund;
    private final AdjustCreditsUseCase adjustCredits;
    private final ReceivePaymentWebhookUseCase webhook;
    private final LocalCheckoutUseCase localCheckout;
    private final GetPaymentSettingsUseCase settings;
    private final UpdatePaymentSettingsUseCase updateSettings;
    private final BookingPayments bookingPayments;
    private final EventConsumer<OrderRefunded> providerRefunds;

    public PaymentsModule(Ports ports, Settings settings) {
        this.ports = ports;
        UnitOfWork uow = ports.unitOfWork();
        AuditTrail audit = new AuditTrail(ports.auditLog(), ports.ids(), ports.clock());
        this.heldSessions = new HeldSessions(ports.sessions());
        OrderCheckouts checkouts = new OrderCheckouts(uow, ports.products(), ports.orders(), ports.settings(),
                ports.provider(), heldSessions, ports.events(), settings.appUrl(), ports.clock());
        PaymentSettlement settlement = new PaymentSettlement(uow, ports.orders(), ports.ledger(),
                ports.processedEvents(), ports.sessions(), heldSessions, ports.events(), ports.ids(), ports.clock());
        this.createProduct = new CreateProductService(uow, ports.products(), ports.memberships(), audit, ports.ids(),
                ports.clock());
        this.products = new ListProductsService(uow, ports.products());
        this.updateProduct = new UpdateProductService(uow, ports.products(), ports.orders(), audit);
        this.checkout = new CheckoutService(uow, ports.products(), ports.orders(), ports.accounts(), checkouts,
                ports.ids(), ports.clock());
        this.orders = new ListOrdersService(uow, ports.orders());
        this.order = new GetOrderService(uow, ports.orders());
        this.credits = new GetCreditsService(uow, ports.ledger(), ports.clock());
        this.ledger = new ListCreditLedgerService(uow, ports.ledger());
        this.refund = new RefundOrderService(uow, ports.orders(), ports.ledger(), ports.events(), audit, ports.ids(),
                ports.clock());
        this.adjustCredits = new AdjustCreditsService(uow, ports.products(), ports.ledger(), ports.memberships(), audit,
                ports.ids(), ports.clock());
        this.webhook = new ReceivePaymentWebhookService(uow, ports.provider(), ports.directory(), settlement);
        this.localCheckout = new LocalCheckoutService(uow, ports.products(), ports.orders(), ports.directory(),
                ports.provider(), settlement, ports.ids());
        this.settings = new GetPaymentSettingsService(uow, ports.settings());
        this.updateSettings = new UpdatePaymentSettingsService(uow, ports.settings(), audit);
        this.bookingPayments = new CreditBookingPayments(ports.products(), ports.orders(), ports.ledger(),
                ports.settings(), ports.accounts(), checkouts, settings.holds().paymentHold(), ports.ids(),
                ports.clock());
        this.providerRefunds = new ProviderRefunds(ports.provider(), ports.settings());
    }

    public CreateProductUseCase createProduct() {
        return createProduct;
    }

    public ListProductsUseCase products() {
        return products;
    }

    public UpdateProductUseCase updateProduct() {
        return updateProduct;
    }

    public CheckoutUseCase checkout() {
        return checkout;
    }

    public ListOrdersUseCase orders() {
        return orders;
    }

    public GetOrderUseCase order() {
        return order;
    }

    public GetCreditsUseCase credits() {
        return credits;
    }

    public ListCreditLedgerUseCase ledger() {
        return ledger;
    }

    public RefundOrderUseCase refund() {
        return refund;
    }

    public AdjustCreditsUseCase adjustCredits() {
        return adjustCredits;
    }

    public ReceivePaymentWebhookUseCase webhook() {
        return webhook;
    }

    public LocalCheckoutUseCase localCheckout() {
        return localCheckout;
    }

    public GetPaymentSettingsUseCase settings() {
        return settings;
    }

    public UpdatePaymentSettingsUseCase updateSettings() {
        return updateSettings;
    }

    /** How scheduling's paid bookings spend credits and hold slots for payment. */
    public BookingPayments bookingPayments() {
        return bookingPayments;
    }

    /** The consumer that returns refunded money through the provider. */
    public EventConsumer<OrderRefunded> providerRefunds() {
        return providerRefunds;
    }

    /** The scheduler's job over {@code housekeeping}, the cross-tenant finder of the worker's adapter family. */
    public PaymentExpiries expiries(PaymentHousekeeping housekeeping) {
        return new PaymentExpiries(ports.unitOfWork(), housekeeping, heldSessions, ports.ledger(), ports.ids(),
                ports.clock());
    }
}
