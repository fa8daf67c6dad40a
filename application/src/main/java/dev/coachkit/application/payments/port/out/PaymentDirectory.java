package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Cross-tenant look-ups a provider callback needs before it knows its tenant: they answer ids only, and
 * the callback then works inside the tenant they name.
 */
public interface PaymentDirectory {

    /** An order and the tenant it belongs to. */
    record OrderRef(TenantId tenant, UUID orderId) {}

    Optional<TenantId> tenantOfOrder(UUID orderId);

    /** The order whose payment the provider knows as {@code paymentReference}. */
    Optional<OrderRef> orderOfPayment(String paymentReference);

    /** The tenant whose Stripe connected account is {@code accountId}. */
    Optional<TenantId> tenantOfConnectedAccount(String accountId);
}
