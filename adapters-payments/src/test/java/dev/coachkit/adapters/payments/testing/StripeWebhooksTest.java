package dev.coachkit.adapters.payments.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import dev.coachkit.adapters.payments.testing.StripeWebhooks.SignedWebhook;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signer is our own code; stripe-java's signer is the reference it must agree with. */
class StripeWebhooksTest {

    @Test
    void the_signature_header_is_the_one_stripe_java_computes() throws Exception {
        Instant signedAt = Instant.parse("2026-03-02T09:30:00Z");
        WebhookEvent event = StripeWebhooks.checkoutSessionCompleted(UUID.randomUUID(), "pi_3Paid");

        SignedWebhook delivery = new StripeWebhooks(StripeWebhooks.SECRET).sign(event, signedAt);

        assertThat(delivery.signatureHeader()).isEqualTo(Webhook.Signature.generateSignatureHeader(
                delivery.bodyText(), StripeWebhooks.SECRET, signedAt.getEpochSecond()));
        assertThat(delivery.signatureHeader()).matches("t=" + signedAt.getEpochSecond() + ",v1=[0-9a-f]{64}");
    }

    @Test
    void an_event_body_is_a_pretty_printed_stripe_event() {
        UUID order = UUID.randomUUID();
        WebhookEvent event = StripeWebhooks.checkoutSessionExpired(order).onAccount("acct_1Coach")
                .withApiVersion("2019-02-19").withId("evt_1Fixed");

        assertThat(event.json()).contains("\n", "\"id\": \"evt_1Fixed\"", "\"object\": \"event\"",
                "\"account\": \"acct_1Coach\"", "\"api_version\": \"2019-02-19\"",
                "\"type\": \"checkout.session.expired\"", "\"client_reference_id\": \"" + order + "\"",
                "\"status\": \"expired\"");
    }
}
