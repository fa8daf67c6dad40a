package dev.coachkit.adapters.payments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import java.util.regex.Pattern;

/** Turns what stripe-java throws into what the payment port promises: unavailable, or refused with Stripe's ids. */
final class StripeFailures {

    static final String DEPENDENCY = "payments";

    /** Secret and restricted API keys; Stripe masks them in its answers, but a message is never trusted to. */
    private static final Pattern API_KEY = Pattern.compile("\\b(sk|rk)_(test|live)_[A-Za-z0-9]+");

    private StripeFailures() {
    }

    /**
     * Stripe not answering (no connection, a timeout), busy (429) or failing on its side (5xx) means nothing was
     * decided: the caller may retry with the same idempotency key. Any other answer is a refusal, reported with the
     * Stripe request id and error code that find it in Stripe's request log.
     */
    static RuntimeException translate(String operation, StripeException failure) {
        if (failure instanceof ApiConnectionException) {
            // stripe-java's own text about the connection: it carries no answer from Stripe
            return unavailable(failure);
        }
        // Stripe's answer is described, redacted, and never attached as a cause, so its raw text reaches no log
        IllegalStateException refusal = new IllegalStateException("Stripe refused to " + operation + ": "
                + failure.getClass().getSimpleName() + " (status " + failure.getStatusCode() + ", code "
                + failure.getCode() + ", request " + failure.getRequestId() + "): " + redact(describe(failure)));
        boolean stripeSideTrouble = failure instanceof RateLimitException
                || failure instanceof ApiException && failure.getStatusCode() != null && failure.getStatusCode() >= 500;
        return stripeSideTrouble ? unavailable(refusal) : refusal;
    }

    private static DependencyUnavailableException unavailable(Exception cause) {
        return new DependencyUnavailableException(DEPENDENCY, DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                cause);
    }

    /** The error's message when Stripe sent one; else stripe-java's (a malformed answer, for one). */
    private static String describe(StripeException failure) {
        return failure.getUserMessage() != null ? failure.getUserMessage() : failure.getMessage();
    }

    private static String redact(String message) {
        return message == null ? "no message" : API_KEY.matcher(message).replaceAll("$1_$2_<redacted>");
    }
}
