package dev.coachkit.adapters.payments.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Stripe provider reaches Stripe: the secret API key ({@code COACHKIT_STRIPE_SECRET_KEY}), the webhook
 * endpoints' signing secrets ({@code COACHKIT_STRIPE_WEBHOOK_SECRET}, comma-separated: the platform's endpoint and
 * the Connect endpoint each have one, and a rotation runs two at once), an optional API base that replaces
 * {@code https://api.stripe.com} ({@code COACHKIT_STRIPE_API_BASE}, for a test double) and how old a signed
 * webhook may be. {@link #toString()} never shows either secret.
 */
public record StripeSettings(String secretKey, String webhookSecret, Optional<URI> apiBase, Duration tolerance) {

    /** Stripe's own default: a webhook signed more than five minutes ago is refused (replay protection). */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    public StripeSettings {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(tolerance, "tolerance");
        if (secretKey.isBlank()) {
            throw new IllegalArgumentException(
                    "COACHKIT_STRIPE_SECRET_KEY must be set to the account's secret key (sk_…)");
        }
        if (webhookSecret.isBlank() || webhookSecrets(webhookSecret).isEmpty()) {
            throw new IllegalArgumentException(
                    "COACHKIT_STRIPE_WEBHOOK_SECRET must be set to the webhook endpoint's signing secret (whsec_…)");
        }
        apiBase.ifPresent(StripeSettings::requireHttpBase);
        if (tolerance.isNegative() || tolerance.isZero() || tolerance.getNano() != 0) {
            throw new IllegalArgumentException(
                    "the webhook tolerance must be a positive number of seconds, was " + tolerance);
        }
    }

    /** Settings with Stripe's five-minute webhook tolerance. */
    public StripeSettings(String secretKey, String webhookSecret, Optional<URI> apiBase) {
        this(secretKey, webhookSecret, apiBase, DEFAULT_TOLERANCE);
    }

    /** Each signing secret a webhook may be signed with. */
    public List<String> webhookSecrets() {
        return webhookSecrets(webhookSecret);
    }

    private static List<String> webhookSecrets(String configured) {
        return Arrays.stream(configured.split(",")).map(String::strip).filter(secret -> !secret.isEmpty()).toList();
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "StripeSettings[secretKey=<redacted>, webhookSecret=<redacted>, apiBase="
                + apiBase.map(URI::toString).orElse("Stripe") + ", tolerance=" + tolerance + "]";
    }

    private static void requireHttpBase(URI base) {
        boolean http = "http".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme());
        if (!http || base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "COACHKIT_STRIPE_API_BASE must be an http(s) URL without a query, such as "
                            + "http://127.0.0.1:12111, was " + base);
        }
    }
}
