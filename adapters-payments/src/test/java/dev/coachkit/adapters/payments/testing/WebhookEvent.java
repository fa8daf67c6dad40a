package dev.coachkit.adapters.payments.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Stripe event as a webhook delivers it ({@code object: "event"}), built by {@link StripeWebhooks}; immutable,
 * each {@code with…} returns a copy. By default it has a fresh {@code evt_…} id, the API version of the stripe-java
 * on the classpath, the current time and no connected account.
 */
public final class WebhookEvent {

    private final String id;
    private final String type;
    private final String apiVersion;
    private final Instant created;
    private final Optional<String> account;
    private final String dataObject;

    private WebhookEvent(String id, String type, String apiVersion, Instant created, Optional<String> account,
            String dataObject) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        this.created = Objects.requireNonNull(created, "created");
        this.account = Objects.requireNonNull(account, "account");
        this.dataObject = Objects.requireNonNull(dataObject, "dataObject");
    }

    /** An event of {@code type} about {@code dataObject}, the JSON object of {@code data.object}. */
    public static WebhookEvent of(String type, String dataObject) {
        if (!JsonParser.parseString(dataObject).isJsonObject()) {
            throw new IllegalArgumentException("data.object must be a JSON object, was " + dataObject);
        }
        return new WebhookEvent("evt_" + StripeTestServer.randomId(24), type, Stripe.API_VERSION, Instant.now(),
                Optional.empty(), dataObject);
    }

    static WebhookEvent of(String type, JsonObject dataObject) {
        return of(type, dataObject.toString());
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Optional<String> account() {
        return account;
    }

    public WebhookEvent withId(String id) {
        return new WebhookEvent(id, type, apiVersion, created, account, dataObject);
    }

    /** Rendered for another API version, e.g. {@code "2019-02-19"} (before release trains) or a newer one. */
    public WebhookEvent withApiVersion(String apiVersion) {
        return new WebhookEvent(id, type, apiVersion, created, account, dataObject);
    }

    public WebhookEvent createdAt(Instant created) {
        return new WebhookEvent(id, type, apiVersion, created, account, dataObject);
    }

    /** An event from a connected account ({@code acct_…}): Stripe then sets the event's {@code account}. */
    public WebhookEvent onAccount(String connectedAccount) {
        return new WebhookEvent(id, type, apiVersion, created, Optional.of(connectedAccount), dataObject);
    }

    /** The body Stripe would POST: pretty-printed, with newlines, as Stripe sends it. */
    public String json() {
        JsonObject event = new JsonObject();
        event.addProperty("id", id);
        event.addProperty("object", "event");
        account.ifPresent(value -> event.addProperty("account", value));
        event.addProperty("api_version", apiVersion);
        event.addProperty("created", created.getEpochSecond());
        JsonObject data = new JsonObject();
        data.add("object", JsonParser.parseString(dataObject));
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        JsonObject request = new JsonObject();
        request.add("id", null);
        request.add("idempotency_key", null);
        event.add("request", request);
        event.addProperty("type", type);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(event);
    }

    @Override
    public String toString() {
        return "WebhookEvent[" + id + " " + type + " " + apiVersion + account.map(value -> " on " + value).orElse("")
                + "]";
    }
}
