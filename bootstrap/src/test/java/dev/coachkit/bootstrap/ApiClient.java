package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A JSON client of the running server for end-to-end flows: it signs people up the way clients do
 * (register, invite, accept) and comes from an address of its own, so rate limits of one test never
 * spill into another.
 */
final class ApiClient {

    static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Someone signed in: their tokens and ids. */
    record Session(String accessToken, String userId, String tenantId, String refreshToken) {
        static Session from(JsonNode authResult) {
            return new Session(authResult.path("accessToken").asText(), authResult.at("/user/id").asText(),
                    authResult.at("/tenant/id").asText(), authResult.path("refreshToken").asText());
        }
    }

    private final HttpProbe http;
    private final String clientAddress;

    ApiClient(int port) {
        this(new HttpProbe(port));
    }

    /** A client whose requests go to each of the servers on {@code ports} in turn. */
    ApiClient(List<Integer> ports) {
        this(HttpProbe.spreadingOver(ports));
    }

    private ApiClient(HttpProbe http) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.clientAddress = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        this.http = http.withHeaders(Map.of("X-Forwarded-For", clientAddress));
    }

    /** The client underneath, for requests that are not JSON (raw bytes to a signed URL). */
    HttpProbe http() {
        return http;
    }

    /** The address this client's requests come from, as the trusted proxy forwards it. */
    String clientAddress() {
        return clientAddress;
    }

    HttpResponse<String> send(String method, String path, Object body, Session as) {
        return send(method, path, body, as, Map.of());
    }

    /** Sends with {@code headers} added to this request only. */
    HttpResponse<String> send(String method, String path, Object body, Session as, Map<String, String> headers) {
        return http.send(method, path, body == null ? null : write(body), as == null ? null : as.accessToken(),
                headers);
    }

    /** Sends and expects {@code status}, answering the JSON body (or null for an empty one). */
    JsonNode expect(int status, String method, String path, Object body, Session as) {
        HttpResponse<String> response = send(method, path, body, as);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : json(response);
    }

    /** Registers a new organization and answers its first ADMIN. */
    Session registerAdmin() {
        return registerAdmin(uniqueEmail("admin"));
    }

    /** Registers a new organization whose first ADMIN signs in with {@code email} and {@link #PASSWORD}. */
    Session registerAdmin(String email) {
        return Session.from(expect(201, "POST", "/auth/register", Map.of("email", email, "password", PASSWORD,
                "firstName", "Ann", "lastName", "Admin", "organizationName", "Club of " + email), null));
    }

    /** Invites a new person with {@code role} into the admin's organization and answers them signed in. */
    Session join(Session admin, String role) {
        return join(admin, role, uniqueEmail(role.toLowerCase()), "Bo", role);
    }

    /** Invites {@code email} with {@code role}, who accepts as a new account with the given names. */
    Session join(Session admin, String role, String email, String firstName, String lastName) {
        JsonNode invitation = expect(201, "POST", "/tenants/" + admin.tenantId() + "/invite",
                Map.of("email", email, "role", role), admin);
        return Session.from(expect(200, "POST", "/invitations/" + invitation.path("acceptToken").asText() + "/accept",
                Map.of("password", PASSWORD, "firstName", firstName, "lastName", lastName), null));
    }

    /** A 64x48 PNG announced by {@code uploader}, not uploaded yet: its upload intent. */
    JsonNode imageIntent(Session uploader) {
        return expect(201, "POST", "/media/upload-intent", Map.of("fileName", "serve.png", "contentType",
                "image/png", "sizeBytes", TestImages.png(64, 48).length), uploader);
    }

    /** An image whose bytes {@code uploader} put up, not yet finalized: its media id. */
    String uploadedImage(Session uploader) {
        JsonNode intent = imageIntent(uploader);
        HttpResponse<String> put = http.send("PUT", pathOf(intent.at("/parts/0/url").asText()),
                TestImages.png(64, 48), null, Map.of());
        if (put.statusCode() != 200) {
            throw new AssertionError("upload answered " + put.statusCode() + ": " + put.body());
        }
        return intent.path("mediaId").asText();
    }

    /** An image of {@code uploader} that the media worker has made READY: its media id. */
    String readyImage(Session uploader) {
        String media = uploadedImage(uploader);
        expect(202, "POST", "/media/" + media + "/finalize", Map.of("parts", List.of()), uploader);
        Await.until(() -> expect(200, "GET", "/media/" + media, null, uploader).path("status").asText()
                .equals("READY"), Duration.ofSeconds(20), "the image processed");
        return media;
    }

    /** A text annotation at the start of {@code media}, a ready image or video {@code author} can read; its id. */
    String annotation(Session author, String media) {
        return expect(201, "POST", "/media/" + media + "/annotations", Map.of("atMs", 0, "text", "Chin up"), author)
                .path("id").asText();
    }

    /** The path and query of a signed URL, sent to this server whatever host the URL names. */
    static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Polls the recipient's notifications until one of {@code type} arrives (the relay delivers asynchronously). */
    JsonNode awaitNotification(Session recipient, String type) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode notification : expect(200, "GET", "/notifications", null, recipient).path("items")) {
                if (notification.path("type").asText().equals(type)) {
                    return notification;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + type + " notification within 15 s");
    }

    /** A pack of the admin's organization the athlete buys and pays for on the local checkout page: a PAID order. */
    String paidOrder(Session athlete, String productId) {
        String order = pendingOrder(athlete, productId);
        HttpResponse<String> paid = http.postForm("/payments/local-checkout/" + order, "outcome=paid");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        return order;
    }

    /** A PENDING order of the product by the buyer, not paid yet. */
    String pendingOrder(Session buyer, String productId) {
        return expect(201, "POST", "/payments/checkout", Map.of("productId", productId), buyer).path("id").asText();
    }

    /** A pack of five sessions with any coach, for 40.00 EUR, put on sale by the admin. */
    String product(Session admin) {
        return expect(201, "POST", "/payments/products", Map.of("name", "Five lessons", "credits", 5,
                "priceCents", 4_000, "currency", "EUR"), admin).path("id").asText();
    }

    /** The coach opens 08:00-18:00 UTC every day and the athlete books 10:00-11:00 UTC a week from today. */
    JsonNode bookNextWeek(Session coach, Session athlete) {
        openEveryDay(coach);
        return book(coach, athlete, LocalDate.now(ZoneOffset.UTC).plusDays(7).atTime(LocalTime.of(10, 0))
                .toInstant(ZoneOffset.UTC));
    }

    /** The athlete books the coach for the hour from {@code start}, which must be free. */
    JsonNode book(Session coach, Session athlete, Instant start) {
        return expect(201, "POST", "/scheduling/sessions/book", Map.of("coachId", coach.userId(), "startsAt",
                start.toString(), "endsAt", start.plusSeconds(3600).toString()), athlete);
    }

    /** The coach's availability becomes 08:00-18:00 UTC every day. */
    void openEveryDay(Session coach) {
        expect(200, "POST", "/scheduling/availability", everyDay(), coach);
    }

    /** The body of {@code POST /scheduling/availability} that opens 08:00-18:00 UTC every day. */
    static Map<String, Object> everyDay() {
        List<Map<String, String>> slots = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            slots.add(Map.of("dayOfWeek", day.name(), "startTime", "08:00", "endTime", "18:00"));
        }
        return Map.of("timeZone", "UTC", "slots", slots);
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@club.test";
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
