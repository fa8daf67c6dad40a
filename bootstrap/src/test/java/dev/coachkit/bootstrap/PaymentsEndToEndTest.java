package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.payments.testing.StripeTestServer;
import dev.coachkit.adapters.payments.testing.StripeWebhooks;
import dev.coachkit.adapters.payments.testing.StripeWebhooks.SignedWebhook;
import dev.coachkit.adapters.payments.testing.WebhookEvent;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payments over real HTTP on one server shared by the class, configured for Stripe and pointed at the
 * Stripe test double: checkout, webhooks signed exactly as Stripe signs them (replayed, too old, badly
 * signed, of an unknown type, out of order), paid bookings with a slot hold, the automatic refund of a
 * payment that arrives after its hold expired, and an ADMIN refund. Each test has an organization of its own.
 */
class PaymentsEndToEndTest {

    private static final String WEBHOOK = "/payments/webhooks/stripe";

    private static StripeTestServer stripe;
    private static TestDatabase database;
    private static CoachKitServer server;
    private static CoachKitServer workers;
    private static ApiClient api;
    private static final StripeWebhooks WEBHOOKS = new StripeWebhooks(StripeWebhooks.SECRET);

    private Session admin;
    private Session coach;
    private Session athlete;

    @BeforeAll
    static void start() {
        stripe = StripeTestServer.start();
        database = TestDatabase.createOn(PostgresServer.shared());
        Map<String, String> environment = new HashMap<>(HostileInputEndToEndTest.UNLIMITED);
        environment.put("COACHKIT_PAYMENT_PROVIDER", "stripe");
        environment.put("COACHKIT_STRIPE_SECRET_KEY", StripeTestServer.SECRET_KEY);
        environment.put("COACHKIT_STRIPE_WEBHOOK_SECRET", StripeWebhooks.SECRET);
        environment.put("COACHKIT_STRIPE_API_BASE", stripe.apiBase().toString());
        environment.put("COACHKIT_SCHEDULER_INTERVAL_SECONDS", "1");
        environment.put("COACHKIT_REMINDER_INTERVAL_SECONDS", "1"); // the pace of the hold expiry job too
        environment.put("COACHKIT_OUTBOX_POLL_MILLIS", "50");
        environment.put("COACHKIT_DATA_DIR", dataDir().toString());
        // the workers (relay, consumers, scheduler) in a process of their own, as the statement budgets have it:
        // the API process then sends statements only while it serves a request, so a webhook's can be counted
        workers = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, environment)), false,
                EnumSet.allOf(Worker.class));
        environment.put("COACHKIT_WORKERS", "none");
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, environment)));
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        workers.close();
        stripe.close();
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("coachkit-payments");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void newOrganization() {
        admin = api.registerAdmin();
        coach = api.join(admin, "COACH");
        athlete = api.join(admin, "ATHLETE");
    }

    @Test
    void a_pack_is_paid_through_stripe_checkout_and_its_credits_are_granted_once() {
        String product = pack(coach, 5);
        JsonNode order = api.expect(201, "POST", "/payments/checkout", Map.of("productId", product), athlete);
        assertThat(order.path("status").asText()).isEqualTo("PENDING");
        StripeTestServer.RecordedRequest checkout = lastCheckoutRequest();
        assertThat(order.path("checkoutUrl").asText()).startsWith("https://checkout.stripe.test/");
        assertThat(checkout.idempotencyKey()).contains("checkout-" + order.path("id").asText());
        assertThat(checkout.field("client_reference_id")).isEqualTo(order.path("id").asText());

        SignedWebhook paid = WEBHOOKS.sign(StripeWebhooks.checkoutSessionCompleted(
                stripe.checkoutSessions().get(stripe.checkoutSessions().size() - 1), "pi_" + shortId(order)));
        double before = statements();
        assertThat(deliver(paid).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(Math.round(statements() - before)).as("the webhook's statements")
                .isLessThanOrEqualTo(StatementBudgetEndToEndTest.BUDGETS.get("POST /payments/webhooks/stripe"));
        assertThat(deliver(paid).path("outcome").asText()).as("a redelivery").isEqualTo("ALREADY_APPLIED");

        assertThat(api.expect(200, "GET", "/payments/orders/" + order.path("id").asText(), null, athlete)
                .path("status").asText()).isEqualTo("PAID");
        assertThat(remainingCredits(athlete)).isEqualTo(5);
        JsonNode ledger = api.expect(200, "GET", "/payments/credits/ledger", null, athlete).path("items");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).path("reason").asText()).isEqualTo("PURCHASE");
        assertThat(ledger.get(0).path("delta").asInt()).isEqualTo(5);
    }

    @Test
    void a_webhook_badly_signed_too_old_or_unsigned_is_refused_and_one_of_an_unknown_type_is_acknowledged() {
        WebhookEvent unknown = WebhookEvent.of("customer.created", "{\"id\":\"cus_123\",\"object\":\"customer\"}");
        SignedWebhook signed = WEBHOOKS.sign(unknown);

        assertThat(deliver(signed).path("outcome").asText()).isEqualTo("IGNORED");
        assertThat(send(new StripeWebhooks("whsec_another_secret_of_someone_else").sign(unknown)).statusCode())
                .isEqualTo(400);
        assertThat(send(WEBHOOKS.sign(unknown, Instant.now().minus(Duration.ofMinutes(6)))).statusCode())
                .as("older than the 5 minutes' tolerance").isEqualTo(400);
        assertThat(api.http().send("POST", WEBHOOK, signed.body(), null, Map.of()).statusCode())
                .as("no Stripe-Signature").isEqualTo(400);
        byte[] altered = (new String(signed.body(), java.nio.charset.StandardCharsets.UTF_8) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(send(new SignedWebhook(altered, signed.signatureHeader())).statusCode())
                .as("one byte more than was signed").isEqualTo(400);
    }

    @Test
    void a_refund_delivered_before_its_payment_is_answered_503_until_the_payment_is_applied() {
        JsonNode order = api.expect(201, "POST", "/payments/checkout", Map.of("productId", pack(coach, 3)), athlete);
        String paymentIntent = "pi_" + shortId(order);
        SignedWebhook refunded = WEBHOOKS.sign(StripeWebhooks.chargeRefunded(paymentIntent, java.util.Optional.empty()));

        assertThat(send(refunded).statusCode()).as("Stripe retries a 5xx").isEqualTo(503);
        deliver(WEBHOOKS.sign(StripeWebhooks.checkoutSessionCompleted(
                stripe.checkoutSessions().get(stripe.checkoutSessions().size() - 1), paymentIntent)));
        assertThat(deliver(refunded).path("outcome").asText()).isEqualTo("APPLIED");

        assertThat(api.expect(200, "GET", "/payments/orders/" + order.path("id").asText(), null, athlete)
                .path("status").asText()).isEqualTo("REFUNDED");
        assertThat(remainingCredits(athlete)).isZero();
    }

    @Test
    void a_booking_of_a_coach_who_asks_for_a_credit_holds_the_slot_until_it_is_paid() {
        String product = pack(coach, 2);
        api.expect(200, "POST", "/scheduling/availability", creditOnlyEveryDay(), coach);
        Instant start = nextWeekAt(10);

        assertThat(book(athlete, start, null).statusCode()).as("no credit, no product").isEqualTo(402);
        JsonNode held = ApiClient.json(book(athlete, start, product));
        assertThat(held.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(held.path("holdExpiresAt").asText()).isNotEmpty();
        String checkoutUrl = held.path("order").path("checkoutUrl").asText();
        assertThat(checkoutUrl).startsWith("https://checkout.stripe.test/");

        Session other = api.join(admin, "ATHLETE");
        assertThat(book(other, start.plus(Duration.ofMinutes(30)), product).statusCode())
                .as("the held slot is taken").isEqualTo(409);
        assertThat(openingsOn(start)).noneMatch(opening -> covers(opening, start));

        deliver(WEBHOOKS.sign(StripeWebhooks.checkoutSessionCompleted(
                stripe.checkoutSessions().get(stripe.checkoutSessions().size() - 1), "pi_" + shortId(held))));
        JsonNode session = api.expect(200, "GET", "/scheduling/sessions", null, athlete).path("items").get(0);
        assertThat(session.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(session.path("paidWith").asText()).isEqualTo("CREDIT");
        assertThat(remainingCredits(athlete)).as("two bought, one spent").isEqualTo(1);

        JsonNode second = ApiClient.json(book(athlete, start.plus(Duration.ofHours(2)), null));
        assertThat(second.path("status").asText()).as("the next one spends the credit left").isEqualTo("SCHEDULED");
        assertThat(remainingCredits(athlete)).isZero();
    }

    @Test
    void a_payment_that_arrives_after_the_hold_expired_is_refunded_and_the_slot_stays_free() {
        String product = pack(coach, 1);
        api.expect(200, "POST", "/scheduling/availability", creditOnlyEveryDay(), coach);
        Instant start = nextWeekAt(12);
        JsonNode held = ApiClient.json(book(athlete, start, product));
        String orderId = held.path("order").path("id").asText();

        // the server's clock is the system's: the hold is aged in the database, the scheduler expires it
        database.executeAsOwner("update sessions set hold_expires_at = now() - interval '1 minute'"
                + " where id = ?::uuid", held.path("id").asText());
        Await.until(() -> "EXPIRED".equals(sessionStatus(held.path("id").asText())), Duration.ofSeconds(15),
                "the hold expires");
        assertThat(openingsOn(start)).anyMatch(opening -> covers(opening, start));

        String paymentIntent = "pi_late_" + shortId(held);
        deliver(WEBHOOKS.sign(StripeWebhooks.checkoutSessionCompleted(
                stripe.checkoutSessions().get(stripe.checkoutSessions().size() - 1), paymentIntent)));

        assertThat(api.expect(200, "GET", "/payments/orders/" + orderId, null, athlete).path("status").asText())
                .isEqualTo("REFUNDED");
        assertThat(sessionStatus(held.path("id").asText())).isEqualTo("EXPIRED");
        assertThat(remainingCredits(athlete)).isZero();
        Await.until(() -> refundRequests(orderId) >= 1, Duration.ofSeconds(15), "the refund reaches Stripe");
        assertThat(stripe.refunds()).filteredOn(refund -> refund.paymentIntent().equals(paymentIntent)).hasSize(1);
    }

    @Test
    void an_admin_refund_withdraws_the_unused_credits_and_refunds_through_stripe_once() {
        JsonNode order = api.expect(201, "POST", "/payments/checkout", Map.of("productId", pack(coach, 4)), athlete);
        String orderId = order.path("id").asText();
        String paymentIntent = "pi_" + shortId(order);
        deliver(WEBHOOKS.sign(StripeWebhooks.checkoutSessionCompleted(
                stripe.checkoutSessions().get(stripe.checkoutSessions().size() - 1), paymentIntent)));

        assertThat(api.send("POST", "/payments/orders/" + orderId + "/refund", Map.of(), athlete).statusCode())
                .as("only an ADMIN refunds").isEqualTo(403);
        JsonNode refunded = api.expect(200, "POST", "/payments/orders/" + orderId + "/refund",
                Map.of("reason", "moved away"), admin);
        assertThat(refunded.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(remainingCredits(athlete)).isZero();
        assertThat(api.send("POST", "/payments/orders/" + orderId + "/refund", Map.of(), admin).statusCode())
                .as("a second refund").isEqualTo(409);
        Await.until(() -> refundRequests(orderId) >= 1, Duration.ofSeconds(15), "the refund reaches Stripe");
        assertThat(stripe.refunds()).filteredOn(refund -> refund.paymentIntent().equals(paymentIntent)).hasSize(1);
        assertThat(api.send("GET", "/payments/local-checkout/" + orderId, null, null).statusCode())
                .as("the development page does not exist beside Stripe").isEqualTo(404);
    }

    private static String pack(Session seller, int credits) {
        return api.expect(201, "POST", "/payments/products", Map.of("name", credits + " lessons", "credits", credits,
                "priceCents", 4_000 * credits, "currency", "EUR", "coachId", seller.userId()), seller)
                .path("id").asText();
    }

    private static double statements() {
        return server.meters().counter("coachkit.sql.statements").count();
    }

    private static JsonNode deliver(SignedWebhook webhook) {
        HttpResponse<String> response = send(webhook);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static HttpResponse<String> send(SignedWebhook webhook) {
        return api.http().send("POST", WEBHOOK, webhook.body(), null,
                Map.of("Stripe-Signature", webhook.signatureHeader()));
    }

    private static StripeTestServer.RecordedRequest lastCheckoutRequest() {
        List<StripeTestServer.RecordedRequest> checkouts = stripe.requests().stream()
                .filter(request -> request.path().equals("/v1/checkout/sessions")).toList();
        return checkouts.get(checkouts.size() - 1);
    }

    /** Refunds asked of Stripe for the order, replays of the same idempotency key included. */
    private static long refundRequests(String orderId) {
        return stripe.requests().stream().filter(request -> request.path().equals("/v1/refunds"))
                .filter(request -> request.idempotencyKey().filter(("refund-" + orderId)::equals).isPresent())
                .count();
    }

    private int remainingCredits(Session who) {
        JsonNode balances = api.expect(200, "GET", "/payments/credits", null, who).path("balances");
        return StreamSupport.stream(balances.spliterator(), false).mapToInt(b -> b.path("remaining").asInt()).sum();
    }

    private HttpResponse<String> book(Session who, Instant start, String productId) {
        Map<String, Object> body = new HashMap<>(Map.of("coachId", coach.userId(), "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(1)).toString()));
        if (productId != null) {
            body.put("productId", productId);
        }
        return api.send("POST", "/scheduling/sessions/book", body, who);
    }

    private String sessionStatus(String sessionId) {
        JsonNode items = api.expect(200, "GET", "/scheduling/sessions", null, admin).path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(session -> session.path("id").asText().equals(sessionId))
                .map(session -> session.path("status").asText()).findFirst().orElse("none");
    }

    private List<JsonNode> openingsOn(Instant start) {
        String from = start.truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
        String to = start.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)).toString();
        JsonNode openings = api.expect(200, "GET", "/scheduling/availability/" + coach.userId() + "?from=" + from
                + "&to=" + to, null, athlete).path("openings");
        return StreamSupport.stream(openings.spliterator(), false).toList();
    }

    private static boolean covers(JsonNode opening, Instant instant) {
        return !Instant.parse(opening.path("startsAt").asText()).isAfter(instant)
                && Instant.parse(opening.path("endsAt").asText()).isAfter(instant);
    }

    private static Map<String, Object> creditOnlyEveryDay() {
        Map<String, Object> body = new HashMap<>(ApiClient.everyDay());
        body.put("requiresCredit", true);
        return body;
    }

    private static Instant nextWeekAt(int hour) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(7).atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private static String shortId(JsonNode withId) {
        return withId.path("id").asText().replace("-", "").substring(0, 16);
    }
}
