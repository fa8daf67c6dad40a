package dev.coachkit.adapters.http.payments;

import dev.coachkit.application.payments.port.in.ReceivePaymentWebhookUseCase;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the Payments endpoints answer. */
final class PaymentsResponses {

    private PaymentsResponses() {}

    /** {@code Product}; {@code coachId} null: usable with any coach; {@code validDays} null: never expires. */
    record ProductResponse(UUID id, String name, @Nullable String description, int credits, long priceCents,
            String currency, @Nullable UUID coachId, @Nullable Integer validDays, boolean active, Instant createdAt) {
        static ProductResponse from(Product product) {
            return new ProductResponse(product.id(), product.name(), product.description().orElse(null),
                    product.credits(), product.price().minorUnits(), product.price().currencyCode(),
                    product.coachId().map(AccountId::value).orElse(null), product.validDays().orElse(null),
                    product.active(), product.createdAt());
        }
    }

    /** The tenant's products, oldest first. */
    record ProductList(List<ProductResponse> items) {
        static ProductList from(List<Product> products) {
            return new ProductList(products.stream().map(ProductResponse::from).toList());
        }
    }

    /** {@code Order}; {@code checkoutUrl} is where the buyer pays while it is PENDING. */
    record OrderResponse(UUID id, UUID productId, UUID buyerId, long amountCents, String currency, OrderStatus status,
            @Nullable String checkoutUrl, @Nullable UUID sessionId, Instant createdAt, @Nullable Instant paidAt,
            @Nullable Instant refundedAt) {
        static OrderResponse from(Order order) {
            return new OrderResponse(order.id(), order.productId(), order.buyerId().value(),
                    order.amount().minorUnits(), order.amount().currencyCode(), order.status(),
                    order.checkoutUrl().orElse(null), order.sessionId().orElse(null), order.createdAt(),
                    order.paidAt().orElse(null), order.refundedAt().orElse(null));
        }
    }

    /** A page of orders, newest first. */
    record OrderPage(List<OrderResponse> items, @Nullable String nextCursor) {
        static OrderPage from(Page<Order> page) {
            return new OrderPage(page.items().stream().map(OrderResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** What is left of one purchase: credits of a product, usable with its coach until {@code expiresAt}. */
    record BalanceResponse(UUID productId, @Nullable UUID coachId, int remaining, @Nullable Instant expiresAt) {
        static BalanceResponse from(CreditBalance balance) {
            return new BalanceResponse(balance.productId(), balance.coachId().map(AccountId::value).orElse(null),
                    balance.remaining(), balance.expiresAt().orElse(null));
        }
    }

    /** The caller's usable credits, soonest expiry first. */
    record CreditsResponse(List<BalanceResponse> balances) {
        static CreditsResponse from(List<CreditBalance> balances) {
            return new CreditsResponse(balances.stream().map(BalanceResponse::from).toList());
        }
    }

    /** One ledger entry: {@code delta} credits, positive added, negative spent or withdrawn. */
    record LedgerEntryResponse(UUID id, int delta, LedgerReason reason, @Nullable UUID orderId,
            @Nullable UUID sessionId, Instant createdAt) {
        static LedgerEntryResponse from(CreditEntry entry) {
            return new LedgerEntryResponse(entry.id(), entry.delta(), entry.reason(), entry.orderId().orElse(null),
                    entry.sessionId().orElse(null), entry.createdAt());
        }
    }

    /** A page of the ledger, newest first. */
    record LedgerPage(List<LedgerEntryResponse> items, @Nullable String nextCursor) {
        static LedgerPage from(Page<CreditEntry> page) {
            return new LedgerPage(page.items().stream().map(LedgerEntryResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** The tenant's payment settings. */
    record SettingsResponse(int refundWindowHours, @Nullable String stripeAccountId) {
        static SettingsResponse from(PaymentSettings settings) {
            return new SettingsResponse(settings.refundWindowHours(), settings.stripeAccountId().orElse(null));
        }
    }

    /** What became of a provider callback: applied, already applied before, or of a type not acted on. */
    record WebhookResponse(ReceivePaymentWebhookUseCase.Outcome outcome) {}
}
