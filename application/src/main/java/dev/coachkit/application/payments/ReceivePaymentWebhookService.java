package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.PaymentEventNotApplicableException;
import dev.coachkit.application.payments.port.in.ReceivePaymentWebhookUseCase;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentDirectory.OrderRef;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/**
 * A provider callback: verified, its order's tenant found through the directory (by order id, else by the
 * payment's reference), and settled there. An order nobody knows, or one of another tenant than the
 * connected account the event came from, is not applicable: the provider keeps retrying rather than the
 * event being acknowledged and lost.
 */
public final class ReceivePaymentWebhookService implements ReceivePaymentWebhookUseCase {

    private final UnitOfWork unitOfWork;
    private final PaymentProvider provider;
    private final PaymentDirectory directory;
    private final PaymentSettlement settlement;

    ReceivePaymentWebhookService(UnitOfWork unitOfWork, PaymentProvider provider, PaymentDirectory directory,
            PaymentSettlement settlement) {
        this.unitOfWork = unitOfWork;
        this.provider = provider;
        this.directory = directory;
        this.settlement = settlement;
    }

    @Override
    public Outcome receive(byte[] payload, String signatureHeader) {
        PaymentNotification notification = provider.verify(payload, signatureHeader);
        if (notification.outcome() == PaymentNotification.Outcome.IGNORED) {
            return Outcome.IGNORED;
        }
        OrderRef order = unitOfWork.withoutTenant(() -> locate(notification));
        return settlement.settle(order.tenant(), order.orderId(), notification);
    }

    private OrderRef locate(PaymentNotification notification) {
        OrderRef order = notification.orderId()
                .flatMap(id -> directory.tenantOfOrder(id).map(tenant -> new OrderRef(tenant, id)))
                .or(() -> notification.paymentReference().flatMap(directory::orderOfPayment))
                .orElseThrow(() -> new PaymentEventNotApplicableException("event " + notification.eventId()
                        + " names no order known (yet)"));
        notification.connectedAccount().ifPresent(account -> {
            if (directory.tenantOfConnectedAccount(account).filter(order.tenant()::equals).isEmpty()) {
                throw new PaymentEventNotApplicableException("event " + notification.eventId() + " came from account "
                        + account + ", which is not the connected account of the order's organization");
            }
        });
        return order;
    }
}
