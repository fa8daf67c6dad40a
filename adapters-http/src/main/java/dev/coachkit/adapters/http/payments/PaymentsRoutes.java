package dev.coachkit.adapters.http.payments;

import dev.coachkit.adapters.http.payments.PaymentsRequests.AdjustCreditsRequest;
import dev.coachkit.adapters.http.payments.PaymentsRequests.CheckoutRequest;
import dev.coachkit.adapters.http.payments.PaymentsRequests.CreateProductRequest;
import dev.coachkit.adapters.http.payments.PaymentsRequests.LocalCheckoutForm;
import dev.coachkit.adapters.http.payments.PaymentsRequests.RefundRequest;
import dev.coachkit.adapters.http.payments.PaymentsRequests.SettingsRequest;
import dev.coachkit.adapters.http.payments.PaymentsRequests.StripeEventDocument;
import dev.coachkit.adapters.http.payments.PaymentsRequests.UpdateProductRequest;
import dev.coachkit.adapters.http.payments.PaymentsResponses.CreditsResponse;
import dev.coachkit.adapters.http.payments.PaymentsResponses.LedgerPage;
import dev.coachkit.adapters.http.payments.PaymentsResponses.OrderPage;
import dev.coachkit.adapters.http.payments.PaymentsResponses.OrderResponse;
import dev.coachkit.adapters.http.payments.PaymentsResponses.ProductList;
import dev.coachkit.adapters.http.payments.PaymentsResponses.ProductResponse;
import dev.coachkit.adapters.http.payments.PaymentsResponses.SettingsResponse;
import dev.coachkit.adapters.http.payments.PaymentsResponses.WebhookResponse;
import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.Paging;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.payments.PaymentsModule;
import dev.coachkit.application.payments.port.in.AdjustCreditsUseCase;
import dev.coachkit.application.payments.port.in.CheckoutUseCase;
import dev.coachkit.application.payments.port.in.CreateProductUseCase;
import dev.coachkit.application.payments.port.in.ListOrdersUseCase;
import dev.coachkit.application.payments.port.in.ListProductsUseCase;
import dev.coachkit.application.payments.port.in.RefundOrderUseCase;
import dev.coachkit.application.payments.port.in.UpdatePaymentSettingsUseCase;
import dev.coachkit.application.payments.port.in.UpdateProductUseCase;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Ids;
import dev.coachkit.domain.shared.InvalidInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Payments endpoints: products, checkout, orders, credits, refunds, settings and the providers' callbacks
 * (docs/payments.md).
 */
public final class PaymentsRoutes implements RouteModule {

    private static final String TAG = "Payments";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String STRIPE_SIGNATURE = "Stripe-Signature";

    private final PaymentsModule payments;

    public PaymentsRoutes(PaymentsModule payments) {
        this.payments = payments;
    }

    @Override
    public List<ApiRoute> routes() {
        ApiParameter productId = ApiParameter.path("id", UUID.class, "The product");
        ApiParameter orderId = ApiParameter.path("id", UUID.class, "The order");
        return List.of(
                ApiRoute.post("/payments/products").operationId("createProduct").tag(TAG)
                        .summary("Put a session pack on sale (ADMIN; a COACH for themself)")
                        .body(CreateProductRequest.class, PaymentsExamples.CREATE_PRODUCT)
                        .json(201, "The product", ProductResponse.class, PaymentsExamples.PRODUCT).errors(403, 404)
                        .handle(this::createProduct),
                ApiRoute.get("/payments/products").operationId("listProducts").tag(TAG)
                        .summary("Products on sale, oldest first (inactive ones too: ADMIN, and a coach their own)")
                        .parameter(ApiParameter.query("coachId", UUID.class, "Only this coach's products"))
                        .parameter(ApiParameter.query("includeInactive", Boolean.class,
                                "Also products no longer on sale"))
                        .json(200, "The products", ProductList.class)
                        .handle(this::listProducts),
                ApiRoute.patch("/payments/products/{id}").operationId("updateProduct").tag(TAG)
                        .summary("Rename, describe, (de)activate a product; price and credits only before its first"
                                + " sale")
                        .parameter(productId)
                        .body(UpdateProductRequest.class)
                        .json(200, "The product", ProductResponse.class).errors(403, 404, 409)
                        .handle(this::updateProduct),
                ApiRoute.post("/payments/checkout").operationId("checkout").tag(TAG)
                        .summary("Buy a product: a PENDING order and the page to pay on")
                        .body(CheckoutRequest.class, PaymentsExamples.CHECKOUT)
                        .json(201, "The order", OrderResponse.class, PaymentsExamples.ORDER).errors(404, 422, 503)
                        .handle(this::checkout),
                ApiRoute.get("/payments/orders").operationId("listOrders").tag(TAG)
                        .summary("Orders, newest first: the caller's own (ADMIN: the tenant's)")
                        .parameter(ApiParameter.query("status", OrderStatus.class, "Only orders in this status"))
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of orders", OrderPage.class)
                        .handle(this::listOrders),
                ApiRoute.get("/payments/orders/{id}").operationId("getOrder").tag(TAG)
                        .summary("One order (its buyer, ADMIN)")
                        .parameter(orderId)
                        .json(200, "The order", OrderResponse.class).errors(404)
                        .handle(this::getOrder),
                ApiRoute.post("/payments/orders/{id}/refund").operationId("refundOrder").tag(TAG)
                        .summary("Refund a paid order through its provider and withdraw its unused credits (ADMIN)")
                        .parameter(orderId)
                        .body(RefundRequest.class)
                        .json(200, "The refunded order", OrderResponse.class).errors(403, 404, 409)
                        .handle(this::refund),
                ApiRoute.get("/payments/credits").operationId("getCredits").tag(TAG)
                        .summary("The caller's usable credits per purchase, soonest expiry first")
                        .json(200, "Balances", CreditsResponse.class)
                        .handle(this::credits),
                ApiRoute.get("/payments/credits/ledger").operationId("listCreditLedger").tag(TAG)
                        .summary("Every change of the caller's credits, newest first")
                        .parameter(Paging.PARAMETERS.get(0)).parameter(Paging.PARAMETERS.get(1))
                        .json(200, "A page of ledger entries", LedgerPage.class)
                        .handle(this::ledger),
                ApiRoute.post("/payments/credits/adjustments").operationId("adjustCredits").tag(TAG)
                        .summary("Give a member credits of a product, or take some back (ADMIN)")
                        .body(AdjustCreditsRequest.class)
                        .json(200, "The member's balances afterwards", CreditsResponse.class).errors(403, 404, 409)
                        .handle(this::adjust),
                ApiRoute.get("/payments/settings").operationId("getPaymentSettings").tag(TAG)
                        .summary("The organization's refund window and Stripe connected account (ADMIN)")
                        .json(200, "The settings", SettingsResponse.class).errors(403)
                        .handle(this::settings),
                ApiRoute.patch("/payments/settings").operationId("updatePaymentSettings").tag(TAG)
                        .summary("Change the refund window or the Stripe connected account (ADMIN)")
                        .body(SettingsRequest.class)
                        .json(200, "The settings", SettingsResponse.class).errors(403)
                        .handle(this::updateSettings),
                ApiRoute.post("/payments/webhooks/stripe").operationId("receiveStripeWebhook").tag(TAG).publicAccess()
                        .summary("Stripe's event callback, verified by its signature over the raw body")
                        .parameter(ApiParameter.header(STRIPE_SIGNATURE, "t=<seconds>,v1=<HMAC-SHA256 of t.body>"))
                        .body(StripeEventDocument.class)
                        .json(200, "Applied, applied before, or of a type CoachKit does not act on",
                                WebhookResponse.class)
                        .errors(404, 503)
                        .handle(this::stripeWebhook),
                ApiRoute.get("/payments/local-checkout/{orderId}").operationId("showLocalCheckout").tag(TAG)
                        .publicAccess()
                        .summary("The development provider's checkout page (only when COACHKIT_PAYMENT_PROVIDER=local)")
                        .parameter(ApiParameter.path("orderId", UUID.class, "The order"))
                        .responds(ApiResponse.content(200, "HTML page with Pay and Decline buttons", "text/html"))
                        .errors(404)
                        .handle(this::showLocalCheckout),
                ApiRoute.post("/payments/local-checkout/{orderId}").operationId("settleLocalCheckout").tag(TAG)
                        .publicAccess()
                        .summary("Pay or decline an order on the development provider's page")
                        .parameter(ApiParameter.path("orderId", UUID.class, "The order"))
                        .body(FORM, LocalCheckoutForm.class)
                        .responds(ApiResponse.empty(303, "Back to the checkout page, which shows the outcome"))
                        .errors(404)
                        .handle(this::settleLocalCheckout));
    }

    private void createProduct(Context ctx) {
        CreateProductRequest request = RequestBody.parse(ctx, CreateProductRequest.class);
        ctx.status(201).json(ProductResponse.from(payments.createProduct().create(new CreateProductUseCase.Command(
                Authenticated.actor(ctx), request.name(), Optional.ofNullable(request.description()),
                request.credits(), request.priceCents(), request.currency(),
                Optional.ofNullable(request.coachId()).map(AccountId::of), Optional.ofNullable(request.validDays()),
                clientIp(ctx)))));
    }

    private void listProducts(Context ctx) {
        Optional<AccountId> coach = Optional.ofNullable(ctx.queryParam("coachId"))
                .map(text -> AccountId.parse(text, "coachId"));
        ctx.json(ProductList.from(payments.products().products(new ListProductsUseCase.Query(
                Authenticated.actor(ctx), coach, flag(ctx, "includeInactive")))));
    }

    private void updateProduct(Context ctx) {
        UpdateProductRequest request = RequestBody.parse(ctx, UpdateProductRequest.class);
        Set<String> sent = RequestBody.sentFields(ctx);
        Optional<String> description = sent.contains("description")
                ? Optional.of(request.description() == null ? "" : request.description()) : Optional.empty();
        ctx.json(ProductResponse.from(payments.updateProduct().update(new UpdateProductUseCase.Command(
                Authenticated.actor(ctx), Ids.parse(ctx.pathParam("id"), "id"), Optional.ofNullable(request.name()),
                description, Optional.ofNullable(request.active()), Optional.ofNullable(request.priceCents()),
                Optional.ofNullable(request.credits()), clientIp(ctx)))));
    }

    private void checkout(Context ctx) {
        CheckoutRequest request = RequestBody.parse(ctx, CheckoutRequest.class);
        ctx.status(201).json(OrderResponse.from(payments.checkout().checkout(
                new CheckoutUseCase.Command(Authenticated.actor(ctx), request.productId()))));
    }

    private void listOrders(Context ctx) {
        ctx.json(OrderPage.from(payments.orders().orders(new ListOrdersUseCase.Query(Authenticated.actor(ctx),
                status(ctx), Paging.from(ctx, 2)))));
    }

    private void getOrder(Context ctx) {
        ctx.json(OrderResponse.from(payments.order().order(Authenticated.actor(ctx),
                Ids.parse(ctx.pathParam("id"), "id"))));
    }

    private void refund(Context ctx) {
        Optional<String> reason = ctx.bodyAsBytes().length == 0 ? Optional.empty()
                : Optional.ofNullable(RequestBody.parse(ctx, RefundRequest.class).reason());
        ctx.json(OrderResponse.from(payments.refund().refund(new RefundOrderUseCase.Command(Authenticated.actor(ctx),
                Ids.parse(ctx.pathParam("id"), "id"), reason, clientIp(ctx)))));
    }

    private void credits(Context ctx) {
        ctx.json(CreditsResponse.from(payments.credits().balances(Authenticated.actor(ctx))));
    }

    private void ledger(Context ctx) {
        ctx.json(LedgerPage.from(payments.ledger().entries(Authenticated.actor(ctx), Paging.from(ctx, 2))));
    }

    private void adjust(Context ctx) {
        AdjustCreditsRequest request = RequestBody.parse(ctx, AdjustCreditsRequest.class);
        if (request.delta() == 0) {
            throw new InvalidInputException("delta", "must not be 0");
        }
        ctx.json(CreditsResponse.from(payments.adjustCredits().adjust(new AdjustCreditsUseCase.Command(
                Authenticated.actor(ctx), AccountId.of(request.accountId()), request.productId(), request.delta(),
                request.reason(), clientIp(ctx)))));
    }

    private void settings(Context ctx) {
        ctx.json(SettingsResponse.from(payments.settings().settings(Authenticated.actor(ctx))));
    }

    private void updateSettings(Context ctx) {
        SettingsRequest request = RequestBody.parse(ctx, SettingsRequest.class);
        Set<String> sent = RequestBody.sentFields(ctx);
        Optional<String> account = sent.contains("stripeAccountId")
                ? Optional.of(request.stripeAccountId() == null ? "" : request.stripeAccountId()) : Optional.empty();
        ctx.json(SettingsResponse.from(payments.updateSettings().update(new UpdatePaymentSettingsUseCase.Command(
                Authenticated.actor(ctx), Optional.ofNullable(request.refundWindowHours()), account, clientIp(ctx)))));
    }

    /** The signature covers the exact bytes Stripe sent: they are read as bytes, never re-encoded or parsed first. */
    private void stripeWebhook(Context ctx) {
        String signature = Optional.ofNullable(ctx.header(STRIPE_SIGNATURE)).orElse(""); // the provider refuses none
        ctx.json(new WebhookResponse(payments.webhook().receive(ctx.bodyAsBytes(), signature)));
    }

    private void showLocalCheckout(Context ctx) {
        ctx.html(LocalCheckoutPage.render(payments.localCheckout().page(orderIdOf(ctx))));
    }

    private void settleLocalCheckout(Context ctx) {
        UUID order = orderIdOf(ctx);
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(FORM)) {
            throw new HttpResponseException(415, "The request body must be " + FORM);
        }
        String outcome = ctx.formParam("outcome");
        if (!"paid".equals(outcome) && !"declined".equals(outcome)) {
            throw new InvalidInputException("outcome", "must be paid or declined");
        }
        payments.localCheckout().settle(order, "paid".equals(outcome));
        // back to the page (post/redirect/get), which now shows the outcome; the answer itself has no body
        ctx.status(HttpStatus.SEE_OTHER).header("Location", "/payments/local-checkout/" + order);
    }

    private static UUID orderIdOf(Context ctx) {
        return Ids.parse(ctx.pathParam("orderId"), "orderId");
    }

    private static boolean flag(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return false;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(name, "must be true or false");
        };
    }

    private static Optional<OrderStatus> status(Context ctx) {
        String text = ctx.queryParam("status");
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(OrderStatus.values()).filter(status -> status.name().equals(text))
                .findFirst().orElseThrow(() -> new InvalidInputException("status",
                        "must be one of " + Arrays.toString(OrderStatus.values()))));
    }

    private static Optional<String> clientIp(Context ctx) {
        return Optional.of(ClientIp.of(ctx).getHostAddress());
    }
}
