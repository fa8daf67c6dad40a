package dev.coachkit.adapters.http.payments;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The JSON request bodies of the Payments endpoints, validated field by field. */
final class PaymentsRequests {

    private PaymentsRequests() {}

    /** {@code POST /payments/products}; {@code coachId} absent: usable with any coach of the tenant. */
    record CreateProductRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull @Min(1) @Max(1000) Integer credits,
            @NotNull @Min(1) @Max(100_000_000) Long priceCents,
            @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            UUID coachId,
            @Min(1) @Max(3650) Integer validDays) {}

    /** {@code PATCH /payments/products/:id}: fields left out stay; price and credits only before the first sale. */
    record UpdateProductRequest(
            @Size(min = 1, max = 200) String name,
            @Size(max = 2000) String description,
            Boolean active,
            @Min(1) @Max(100_000_000) Long priceCents,
            @Min(1) @Max(1000) Integer credits) {}

    /** {@code POST /payments/checkout}. */
    record CheckoutRequest(@NotNull UUID productId) {}

    /** {@code POST /payments/orders/:id/refund}. */
    record RefundRequest(@Size(max = 500) String reason) {}

    /** {@code POST /payments/credits/adjustments}: {@code delta} credits of a product given (positive) or taken. */
    record AdjustCreditsRequest(
            @NotNull UUID accountId,
            @NotNull UUID productId,
            @NotNull @Min(-1000) @Max(1000) Integer delta,
            @NotBlank @Size(max = 500) String reason) {}

    /** {@code PATCH /payments/settings}; an empty {@code stripeAccountId} removes the connected account. */
    record SettingsRequest(
            @Min(0) @Max(720) Integer refundWindowHours,
            @Size(max = 80) String stripeAccountId) {}

    /** The local checkout page's form: {@code outcome=paid} or {@code outcome=declined}. */
    record LocalCheckoutForm(@NotNull @Pattern(regexp = "paid|declined") String outcome) {}

    /**
     * A Stripe event as Stripe posts it; the route verifies the signature over the raw bytes and never
     * binds them to this record, which only documents the shape.
     */
    record StripeEventDocument(@NotNull String id, @NotNull String type, String account,
            @JsonProperty("api_version") String apiVersion, Object data) {}
}
