package dev.coachkit.adapters.http.payments;

import dev.coachkit.adapters.http.payments.PaymentsRequests.CheckoutRequest;
import dev.coachkit.adapters.http.payments.PaymentsRequests.CreateProductRequest;
import dev.coachkit.adapters.http.payments.PaymentsResponses.OrderResponse;
import dev.coachkit.adapters.http.payments.PaymentsResponses.ProductResponse;
import dev.coachkit.domain.payments.OrderStatus;
import java.time.Instant;
import java.util.UUID;

/** Example bodies of buying a session pack; the build checks them against their schemas. */
final class PaymentsExamples {

    private static final UUID COACH = UUID.fromString("3f2a9c4e-8b1d-4e6f-9a7c-2d5e8f1b3c60");
    private static final UUID ATHLETE = UUID.fromString("a4d7e1f0-2c3b-4e5d-8f6a-9b0c1d2e3f40");
    private static final UUID PRODUCT_ID = UUID.fromString("7c1e4a2b-3d5f-4e6a-9b8c-1d2e3f4a5b6c");
    private static final UUID ORDER_ID = UUID.fromString("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b");

    static final CreateProductRequest CREATE_PRODUCT = new CreateProductRequest("Five private lessons",
            "Five one-hour sessions with Cy, valid for three months", 5, 25_000L, "EUR", COACH, 90);

    static final ProductResponse PRODUCT = new ProductResponse(PRODUCT_ID, CREATE_PRODUCT.name(),
            CREATE_PRODUCT.description(), 5, 25_000L, "EUR", COACH, 90, true, Instant.parse("2026-03-01T08:00:00Z"));

    static final CheckoutRequest CHECKOUT = new CheckoutRequest(PRODUCT_ID);

    static final OrderResponse ORDER = new OrderResponse(ORDER_ID, PRODUCT_ID, ATHLETE, 25_000L, "EUR",
            OrderStatus.PENDING, "https://checkout.stripe.com/c/pay/cs_test_a1B2c3", null,
            Instant.parse("2026-03-02T17:45:00Z"), null, null);

    private PaymentsExamples() {}
}
