package dev.coachkit.adapters.payments.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Payments through Stripe Checkout: one Checkout Session per order, refunds of its payment intent, and webhooks
 * verified against the endpoint's signing secret. Each instance has its own {@link StripeClient} (key, API base),
 * so nothing is set on stripe-java's global {@code Stripe} state. Orders of an organization with a connected
 * account are charged on that account ({@code Stripe-Account}).
 */
public final class StripePaymentProvider implements PaymentProvider {

    private static final String SIGNATURE_HEADER = "Stripe-Signature";
    /** {@code t=<seconds>,v1=<hex>[,v0=…]}: comma-separated {@code key=value} items, as stripe-java expects them. */
    private static final Pattern SIGNATURE_ITEMS = Pattern.compile("[^,=]+=[^,]*(,[^,=]+=[^,]*)*");
    /** Every call carries an idempotency key, so stripe-java may retry lost connections and Stripe's 5xx safely. */
    private static final int NETWORK_RETRIES = 2;
    /** Checkout is opened while a member waits; Stripe's default of 80 s would hold the request far too long. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final StripeClient client;
    /** Stripe's error code for a refund of a charge that was refunded in full before. */
    private static final String ALREADY_REFUNDED = "charge_already_refunded";

    private final List<String> webhookSecrets;
    private final long toleranceSeconds;
    private final Clock clock;

    /** {@code clock} decides whether a webhook's signature is too old. */
    public StripePaymentProvider(StripeSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setReadTimeout(READ_TIMEOUT_MILLIS);
        settings.apiBase().ifPresent(base -> {
            // stripe-java appends "/v1/…" to the base, so a trailing slash would double it
            String address = base.toString().replaceAll("/+$", "");
            builder.setApiBase(address).setConnectBase(address).setFilesBase(address).setMeterEventsBase(address);
        });
        this.client = builder.build();
        this.webhookSecrets = settings.webhookSecrets();
        this.toleranceSeconds = settings.tolerance().toSeconds();
    }

    @Override
    public String name() {
        return StripeEventReader.PROVIDER;
    }

    /** The session's {@code client_reference_id} is the order id: the webhook names the order by it. */
    @Override
    public CheckoutSession openCheckout(CheckoutRequest request) {
        String orderId = request.orderId().toString();
        String tenantId = request.tenant().value().toString();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PriceData.builder()
                                .setCurrency(request.amount().currencyCode().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().minorUnits())
                                .setProductData(PriceData.ProductData.builder().setName(request.productName()).build())
                                .build())
                        .build())
                .setClientReferenceId(orderId)
                .putMetadata("orderId", orderId)
                .putMetadata("tenantId", tenantId)
                // the payment intent carries them too, so a refund or dispute in the dashboard names the order
                .setPaymentIntentData(PaymentIntentData.builder()
                        .putMetadata("orderId", orderId)
                        .putMetadata("tenantId", tenantId)
                        .build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl());
        request.buyerEmail().ifPresent(params::setCustomerEmail);
        try {
            Session session = client.v1().checkout().sessions()
                    .create(params.build(), options("checkout-" + orderId, request.connectedAccount()));
            return new CheckoutSession(session.getUrl(), session.getId());
        } catch (StripeException failure) {
            throw StripeFailures.translate("open the checkout of order " + orderId, failure);
        }
    }

    @Override
    public void refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentReference())
                .setAmount(request.amount().minorUnits())
                .build();
        try {
            client.v1().refunds().create(params, options(request.idempotencyKey(), request.connectedAccount()));
        } catch (StripeException failure) {
            if (ALREADY_REFUNDED.equals(failure.getCode())) {
                return; // refunded already (in the dashboard, say): what this call was for is done
            }
            throw StripeFailures.translate("refund order " + request.orderId(), failure);
        }
    }

    /**
     * The signature covers the exact bytes Stripe sent, so they are decoded once, as UTF-8, and never re-read or
     * re-encoded (stripe/stripe-java#1051: reading the body line by line drops newlines and breaks it). The check is
     * the one {@code Webhook.constructEvent} makes; the event is then read by {@link StripeEventReader} rather than
     * bound to stripe-java's {@code Event} model, so that an event of any API version can be read.
     */
    @Override
    public PaymentNotification verify(byte[] payload, String signatureHeader) {
        Objects.requireNonNull(payload, "payload");
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw invalid("is missing");
        }
        if (!SIGNATURE_ITEMS.matcher(signatureHeader).matches()) {
            throw invalid("must read t=<seconds>,v1=<signature>");
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        verifySignature(body, signatureHeader);
        return StripeEventReader.read(eventJson(body))
                .orElseThrow(() -> invalid("signs an event without an id, a type or its object"));
    }

    /** Signed with any of the endpoints' secrets; each check is stripe-java's, constant-time and with the tolerance. */
    private void verifySignature(String body, String signatureHeader) {
        SignatureVerificationException refusal = null;
        for (String secret : webhookSecrets) {
            try {
                Webhook.Signature.verifyHeader(body, signatureHeader, secret, toleranceSeconds, clock);
                return;
            } catch (SignatureVerificationException failure) {
                refusal = failure;
            } catch (NumberFormatException failure) {
                throw invalid("has a timestamp that is not a number of seconds");
            }
        }
        // stripe-java's reasons name no secret: no matching signature, or a timestamp outside the tolerance
        throw invalid("does not verify: " + refusal.getMessage());
    }

    /** A signed body is Stripe's, but is still parsed defensively: an unreadable one is a 400, never a 500. */
    private static JsonObject eventJson(String body) {
        try {
            JsonElement root = JsonParser.parseString(body);
            if (root.isJsonObject()) {
                return root.getAsJsonObject();
            }
        } catch (JsonParseException unreadable) {
            // reported below, as every other body that is not an event
        }
        throw invalid("signs a body that is not a Stripe event");
    }

    private static RequestOptions options(String idempotencyKey, Optional<String> connectedAccount) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder().setIdempotencyKey(idempotencyKey);
        connectedAccount.ifPresent(options::setStripeAccount);
        return options.build();
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(SIGNATURE_HEADER, message);
    }
}
