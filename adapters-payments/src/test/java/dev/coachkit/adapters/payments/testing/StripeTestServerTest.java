package dev.coachkit.adapters.payments.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The double behaves as Stripe does where the adapter's tests rely on it. */
class StripeTestServerTest {

    private final StripeTestServer stripe = StripeTestServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    @Test
    void a_repeated_idempotency_key_replays_the_first_answer() throws Exception {
        HttpResponse<String> first = post("/v1/checkout/sessions", CHECKOUT, "key-1", null);
        HttpResponse<String> again = post("/v1/checkout/sessions", CHECKOUT, "key-1", null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(stripe.checkoutSessions()).hasSize(1);
    }

    @Test
    void a_repeated_idempotency_key_with_other_parameters_is_refused() throws Exception {
        post("/v1/checkout/sessions", CHECKOUT, "key-1", null);
        HttpResponse<String> other = post("/v1/checkout/sessions", CHECKOUT.replace("2500", "2600"), "key-1", null);

        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("\"type\":\"invalid_request_error\"").contains("idempotency_key_in_use");
        assertThat(stripe.checkoutSessions()).hasSize(1);
    }

    @Test
    void idempotency_keys_are_scoped_to_the_account() throws Exception {
        post("/v1/checkout/sessions", CHECKOUT, "key-1", null);
        post("/v1/checkout/sessions", CHECKOUT, "key-1", "acct_1Coach");

        assertThat(stripe.checkoutSessions()).extracting(StripeTestServer.CheckoutSession::stripeAccount)
                .map(account -> account.orElse("platform"))
                .containsExactly("platform", "acct_1Coach");
    }

    @Test
    void a_session_answer_is_an_open_unpaid_checkout_session() throws Exception {
        HttpResponse<String> answer = post("/v1/checkout/sessions", CHECKOUT, "key-1", null);

        StripeTestServer.CheckoutSession session = stripe.checkoutSessions().get(0);
        assertThat(answer.headers().firstValue("Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(answer.body()).contains("\"object\":\"checkout.session\"", "\"payment_status\":\"unpaid\"",
                "\"status\":\"open\"", "\"amount_total\":2500", "\"client_reference_id\":\"order-1\"",
                "\"url\":\"https://checkout.stripe.test/c/pay/" + session.id() + "\"");
        assertThat(session.metadata()).containsEntry("orderId", "order-1");
    }

    @Test
    void a_request_without_an_api_key_or_to_an_unknown_path_gets_stripes_errors() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(stripe.apiBase().resolve("/v1/refunds"))
                .POST(HttpRequest.BodyPublishers.ofString("payment_intent=pi_1&amount=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = post("/v1/customers", "email=a%40example.com", null, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unrecognized request URL (POST: /v1/customers)");
        assertThat(stripe.requests().get(1).field("email")).isEqualTo("a@example.com");
    }

    private static final String CHECKOUT = "mode=payment&client_reference_id=order-1&metadata%5BorderId%5D=order-1"
            + "&line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=eur"
            + "&line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=2500&line_items%5B0%5D%5Bquantity%5D=1";

    private HttpResponse<String> post(String path, String form, String idempotencyKey, String account)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripe.apiBase() + path))
                .header("Authorization", "Bearer " + StripeTestServer.SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (account != null) {
            request.header("Stripe-Account", account);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
