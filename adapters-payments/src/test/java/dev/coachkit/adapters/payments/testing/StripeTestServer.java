package dev.coachkit.adapters.payments.testing;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stand-in for Stripe's API on a free loopback port, for tests: point the adapter at {@link #apiBase()}
 * ({@code COACHKIT_STRIPE_API_BASE}). It answers the calls the Stripe adapter makes, as Stripe does:
 * <ul>
 *   <li>{@code POST /v1/checkout/sessions}: an open, unpaid Checkout Session ({@code cs_test_…}) whose
 *       {@code url} is {@code https://checkout.stripe.test/c/pay/cs_test_…};</li>
 *   <li>{@code POST /v1/refunds}: a succeeded refund ({@code re_…}) of the named payment intent;</li>
 *   <li>anything else: Stripe's 404 error. A request without a bearer API key: Stripe's 401.</li>
 * </ul>
 * Every request is recorded ({@link #requests()}) with its form fields as Stripe-style keys
 * ({@code line_items[0][price_data][unit_amount]}) and its {@code Idempotency-Key} and {@code Stripe-Account}
 * headers. A repeated idempotency key on the same account replays the first answer unchanged (and creates nothing);
 * with different parameters it is refused with Stripe's {@code idempotency_error}. Answers carry a
 * {@code Request-Id} header ({@code req_…}).
 */
public final class StripeTestServer implements AutoCloseable {

    /** An API key the double accepts; any key of the form {@code sk_…} will do. */
    public static final String SECRET_KEY = "sk_test_coachkit";

    /** A request as the double received it. {@code replayed}: answered from an earlier idempotent request. */
    public record RecordedRequest(String method, String path, Map<String, String> form, Optional<String> apiKey,
            Optional<String> idempotencyKey, Optional<String> stripeAccount, boolean replayed) {

        /** A form field the request must have, by its Stripe key such as {@code metadata[orderId]}. */
        public String field(String key) {
            String value = form.get(key);
            if (value == null) {
                throw new AssertionError("the request to " + path + " has no field " + key + "; it has " + form);
            }
            return value;
        }
    }

    /** A Checkout Session the double created; {@code stripeAccount} is the connected account it was made on. */
    public record CheckoutSession(String id, String url, String clientReferenceId, Map<String, String> metadata,
            long amountTotal, String currency, Optional<String> customerEmail, Optional<String> stripeAccount) {
    }

    /** A refund the double made. */
    public record Refund(String id, String paymentIntent, long amount, Optional<String> stripeAccount) {
    }

    private record Answer(int status, String body) {
    }

    private record Remembered(Map<String, String> form, Answer answer) {
    }

    private final HttpServer server;
    private final URI apiBase;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<CheckoutSession> checkoutSessions = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final Map<String, Remembered> idempotentAnswers = new HashMap<>();
    private Answer nextFailure;

    private StripeTestServer(HttpServer server) {
        this.server = server;
        this.apiBase = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** Starts a double on a free loopback port; close it when the test is done. */
    public static StripeTestServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StripeTestServer stripe = new StripeTestServer(server);
            server.createContext("/", stripe::handle);
            server.start();
            return stripe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure instead of {@code https://api.stripe.com}, such as {@code http://127.0.0.1:40123}. */
    public URI apiBase() {
        return apiBase;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The sessions created, oldest first; an idempotent replay creates none. */
    public synchronized List<CheckoutSession> checkoutSessions() {
        return List.copyOf(checkoutSessions);
    }

    public synchronized List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /**
     * Answers the next request with a Stripe error, e.g. {@code (404, "resource_missing", "No such payment_intent")};
     * its type is {@code api_error} for a 5xx, {@code card_error} for a 402, else {@code invalid_request_error}.
     * The failure is not remembered under the request's idempotency key, so a retry gets a real answer.
     */
    public synchronized void failNextRequest(int status, String code, String message) {
        nextFailure = error(status, code, message);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answer(exchange);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + randomId(14));
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private synchronized Answer answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form =
                formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Optional<String> apiKey = header(exchange, "Authorization").filter(value -> value.startsWith("Bearer "))
                .map(value -> value.substring("Bearer ".length()));
        Optional<String> idempotencyKey = header(exchange, "Idempotency-Key");
        Optional<String> account = header(exchange, "Stripe-Account");
        // Stripe keeps idempotency keys per account: the platform's and each connected account's are distinct
        String scope = account.orElse("platform") + " " + idempotencyKey.orElse("");
        Remembered earlier = idempotencyKey.map(key -> idempotentAnswers.get(scope)).orElse(null);
        boolean replayed = false;
        Answer answer;
        if (nextFailure != null) {
            answer = nextFailure;
            nextFailure = null;
        } else if (apiKey.filter(key -> key.startsWith("sk_")).isEmpty()) {
            answer = error(401, "api_key_missing", "You did not provide a valid API key (sk_…).");
        } else if (earlier != null) {
            replayed = earlier.form().equals(form);
            answer = replayed ? earlier.answer() : error(400, "idempotency_key_in_use",
                    "Keys for idempotent requests can only be used with the same parameters they were first used "
                            + "with.");
        } else {
            answer = route(method, path, form, account);
            Answer first = answer;
            idempotencyKey.ifPresent(key -> idempotentAnswers.put(scope, new Remembered(form, first)));
        }
        requests.add(new RecordedRequest(method, path, Map.copyOf(form), apiKey, idempotencyKey, account, replayed));
        return answer;
    }

    private Answer route(String method, String path, Map<String, String> form, Optional<String> account) {
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return createCheckoutSession(form, account);
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return createRefund(form, account);
        }
        return error(404, "resource_missing", "Unrecognized request URL (" + method + ": " + path + ").");
    }

    private Answer createCheckoutSession(Map<String, String> form, Optional<String> account) {
        String unitAmount = form.get("line_items[0][price_data][unit_amount]");
        String currency = form.get("line_items[0][price_data][currency]");
        if (!"payment".equals(form.get("mode")) || unitAmount == null || currency == null) {
            return error(400, "parameter_missing",
                    "This double expects mode=payment and one line item with price_data.");
        }
        long quantity = Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
        long amountTotal = Long.parseLong(unitAmount) * quantity;
        String id = "cs_test_" + randomId(24);
        Map<String, String> metadata = prefixed(form, "metadata[");
        CheckoutSession session = new CheckoutSession(id, "https://checkout.stripe.test/c/pay/" + id,
                form.get("client_reference_id"), metadata, amountTotal, currency,
                Optional.ofNullable(form.get("customer_email")), account);
        checkoutSessions.add(session);
        return new Answer(200, StripeJson.checkoutSession(session, form).toString());
    }

    private Answer createRefund(Map<String, String> form, Optional<String> account) {
        String paymentIntent = form.get("payment_intent");
        if (paymentIntent == null || form.get("amount") == null) {
            return error(400, "parameter_missing", "This double expects payment_intent and amount.");
        }
        Refund refund = new Refund("re_" + randomId(24), paymentIntent, Long.parseLong(form.get("amount")), account);
        refunds.add(refund);
        JsonObject json = new JsonObject();
        json.addProperty("id", refund.id());
        json.addProperty("object", "refund");
        json.addProperty("amount", refund.amount());
        json.addProperty("currency", "eur");
        json.addProperty("payment_intent", refund.paymentIntent());
        json.addProperty("status", "succeeded");
        json.add("metadata", new JsonObject());
        return new Answer(200, json.toString());
    }

    private static Answer error(int status, String code, String message) {
        String type = status >= 500 ? "api_error" : status == 402 ? "card_error" : "invalid_request_error";
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return new Answer(status, body.toString());
    }

    /** Stripe's form encoding: {@code key=value} pairs joined by {@code &}, keys and values percent-encoded. */
    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static Map<String, String> prefixed(Map<String, String> form, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.endsWith("]") && key.indexOf('[', prefix.length()) < 0) {
                values.put(key.substring(prefix.length(), key.length() - 1), value);
            }
        });
        return values;
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    static String randomId(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }
}
