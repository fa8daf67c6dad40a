package dev.coachkit.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One request per operation of the document that succeeds on an {@link Organization}: path ids and body
 * as {@link ValidValues} makes them, except where the request uses up what it names (a refresh token, an
 * invitation, a post, media or an annotation to delete, a member to erase, a signed-in device to sign out, a password to change)
 * or needs steps before it (an upload to finalize, a
 * processed image to play back or annotate). Those steps run in {@link #prepare}, before anything is counted.
 */
final class OperationCalls {

    /** A request ready to send: everything it names exists already. */
    record Call(String method, String path, byte[] body, Session as, boolean form) {

        static Call of(String method, String path, Object body, Session as) {
            return new Call(method, path, body == null ? null : json(body), as, false);
        }

        /** An HTML form's post, without a bearer token: the local checkout page's buttons. */
        static Call form(String path, String fields) {
            return new Call("POST", path, fields.getBytes(StandardCharsets.UTF_8), null, true);
        }

        HttpResponse<String> send(HttpProbe http) {
            if (form) {
                return http.postForm(path, new String(body, StandardCharsets.UTF_8));
            }
            return http.send(method, path, body, as == null ? null : as.accessToken(), Map.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first day {@link #bookAnotherHour} books: after the organization's own session, inside the default openings window. */
    private static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).plusDays(8);

    /** Stores a mailed token (purpose as in {@code account_tokens}) for an address and answers the raw token. */
    @FunctionalInterface
    interface MailedTokens {
        String mint(String purpose, String email);
    }

    private final ApiClient api;
    private final Organization club;
    private final MailedTokens mailedTokens;
    private final ValidValues valid;
    private int bookedHours;
    private String processedMedia;

    /** @param mailedTokens what the mails of a reset and a verification would carry (the test reads no mail) */
    OperationCalls(ApiClient api, Organization club, MailedTokens mailedTokens) {
        this.api = api;
        this.club = club;
        this.mailedTokens = mailedTokens;
        this.valid = new ValidValues(club.ids());
    }

    /** Makes what the request for {@code operation} needs and answers the request. */
    Call prepare(ApiOperation operation) {
        String space = "/spaces/" + club.spaceId();
        return switch (operation.key()) {
            case "POST /auth/login" -> Call.of("POST", "/auth/login", Map.of("email", club.adminEmail(),
                    "password", ApiClient.PASSWORD, "tenantId", club.tenantId()), null);
            case "POST /auth/refresh" -> Call.of("POST", "/auth/refresh", refreshTokenOf(signIn()), null);
            case "POST /auth/logout" -> {
                JsonNode signedIn = signIn();
                yield Call.of("POST", "/auth/logout", refreshTokenOf(signedIn), Session.from(signedIn));
            }
            case "DELETE /auth/sessions/{id}" -> Call.of("DELETE", "/auth/sessions/"
                    + Organization.currentDevice(api, Session.from(signIn())), null, club.admin());
            case "POST /auth/me/password" -> Call.of("POST", "/auth/me/password", Map.of("currentPassword",
                    ApiClient.PASSWORD, "newPassword", "a longer and better passphrase"), api.join(club.admin(), "COACH"));
            case "POST /invitations/{acceptToken}/accept" -> Call.of("POST", "/invitations/" + invitation() + "/accept",
                    Map.of("password", ApiClient.PASSWORD, "firstName", "Ivy", "lastName", "Invited"), null);
            case "POST /spaces/{id}/members" -> Call.of("POST", space + "/members",
                    Map.of("userId", api.join(club.admin(), "ATHLETE").userId()), club.admin());
            case "DELETE /spaces/{id}/members/{userId}" -> Call.of("DELETE", space + "/members/" + spaceMember(),
                    null, club.admin());
            case "DELETE /posts/{id}" -> Call.of("DELETE", "/posts/" + post(), null, club.admin());
            case "POST /scheduling/availability" -> Call.of("POST", "/scheduling/availability", ApiClient.everyDay(),
                    club.coach());
            case "POST /scheduling/sessions/book" -> {
                Instant start = takeNextHour();
                yield Call.of("POST", "/scheduling/sessions/book", Map.of("coachId", club.coach().userId(),
                        "startsAt", start.toString(), "endsAt", start.plusSeconds(3600).toString()), club.athlete());
            }
            case "POST /scheduling/sessions/{id}/cancel" -> Call.of("POST", "/scheduling/sessions/"
                    + bookAnotherHour(club.athlete()).path("id").asText() + "/cancel", Map.of(), club.athlete());
            case "GET /scheduling/calendar.ics" -> Call.of("GET", "/scheduling/calendar.ics?token="
                    + HostileRequests.encode(calendarToken()), null, null);
            case "DELETE /admin/users/{userId}" -> Call.of("DELETE", "/admin/users/"
                    + api.join(club.admin(), "ATHLETE").userId(), null, club.admin());
            case "PUT /blobs/{tenantId}/{mediaId}/{name}" -> new Call("PUT",
                    ApiClient.pathOf(intent().at("/parts/0/url").asText()), TestImages.png(64, 48), null, false);
            case "POST /media/{id}/finalize" -> Call.of("POST", "/media/" + uploaded() + "/finalize",
                    Map.of("parts", List.of()), club.admin());
            case "DELETE /media/{id}" -> Call.of("DELETE", "/media/" + intent().path("mediaId").asText(), null,
                    club.admin()); // a pending upload of its own: the organization's media stays for the others
            case "GET /media/{id}/playback-url" -> Call.of("GET", "/media/" + processedMedia() + "/playback-url", null,
                    club.admin());
            case "POST /media/{id}/annotations" -> Call.of("POST", "/media/" + processedMedia() + "/annotations",
                    Map.of("atMs", 0, "text", "Chin up", "drawing", Map.of("version", 1, "shapes", List.of(Map.of(
                            "kind", "circle", "points", List.of(List.of(0.5, 0.4)), "color", "#FF3B30")))),
                    club.admin()); // an image: its only moment is 0
            case "PATCH /annotations/{id}" -> Call.of("PATCH", "/annotations/" + club.annotationId(),
                    Map.of("text", "Chin up, eyes on the ball"), club.admin());
            case "DELETE /annotations/{id}" -> Call.of("DELETE", "/annotations/"
                    + api.annotation(club.admin(), processedMedia()), null, club.admin());
            case "GET /blobs/{tenantId}/{mediaId}/{name}" -> Call.of("GET", ApiClient.pathOf(api.expect(200, "GET", "/media/"
                    + processedMedia() + "/playback-url", null, club.admin()).path("url").asText()), null, null);
            case "HEAD /blobs/{tenantId}/{mediaId}/{name}" -> Call.of("HEAD", ApiClient.pathOf(api.expect(200, "GET",
                    "/media/" + processedMedia() + "/playback-url", null, club.admin()).path("url").asText()), null, null);
            case "POST /auth/password-reset/confirm" -> Call.of("POST", "/auth/password-reset/confirm", Map.of(
                    "token", mailedTokens.mint("PASSWORD_RESET", ownAccount()), "newPassword",
                    "a longer and better passphrase"), null);
            case "POST /auth/verify-email" -> Call.of("POST", "/auth/verify-email", Map.of("token",
                    mailedTokens.mint("EMAIL_VERIFICATION", club.adminEmail())), null);
            case "POST /payments/orders/{id}/refund" -> Call.of("POST", "/payments/orders/"
                    + api.paidOrder(club.athlete(), club.productId()) + "/refund", Map.of("reason", "moved away"),
                    club.admin());
            case "POST /payments/local-checkout/{orderId}" -> Call.form("/payments/local-checkout/"
                    + api.pendingOrder(club.athlete(), club.productId()), "outcome=paid");
            case "PATCH /payments/products/{id}" -> Call.of("PATCH", "/payments/products/" + club.productId(),
                    Map.of("name", "Five lessons, renamed"), club.admin()); // sold: its price is fixed
            case "POST /payments/credits/adjustments" -> Call.of("POST", "/payments/credits/adjustments",
                    Map.of("accountId", club.athlete().userId(), "productId", club.productId(), "delta", 1,
                            "reason", "goodwill"), club.admin());
            case "PATCH /payments/settings" -> Call.of("PATCH", "/payments/settings", Map.of("refundWindowHours", 12),
                    club.admin());
            default -> generic(operation);
        };
    }

    /** A new account of its own, whose password a reset may change without touching the organization's. */
    private String ownAccount() {
        String email = ApiClient.uniqueEmail("resets");
        api.registerAdmin(email);
        return email;
    }

    /** The athlete books the coach's next free hour (08:00-18:00 UTC, from a week ahead on). */
    JsonNode bookAnotherHour(Session athlete) {
        return api.book(club.coach(), athlete, takeNextHour());
    }

    /** Path ids and body from the organization; notifications are the coach's, everything else the admin's. */
    private Call generic(ApiOperation operation) {
        Session caller = !operation.authenticated() ? null
                : operation.pathTemplate().startsWith("/notifications") ? club.coach() : club.admin();
        return Call.of(operation.method(), club.path(operation),
                operation.bodySchema() == null ? null : valid.body(operation), caller);
    }

    private Instant takeNextHour() {
        Instant start = FIRST_DAY.plusDays(bookedHours / 10).atTime(LocalTime.of(8 + bookedHours % 10, 0))
                .toInstant(ZoneOffset.UTC);
        bookedHours++;
        return start;
    }

    private JsonNode signIn() {
        return api.expect(200, "POST", "/auth/login", Map.of("email", club.adminEmail(), "password",
                ApiClient.PASSWORD, "tenantId", club.tenantId()), null);
    }

    private static Map<String, String> refreshTokenOf(JsonNode signedIn) {
        return Map.of("refreshToken", signedIn.path("refreshToken").asText());
    }

    private String invitation() {
        return api.expect(201, "POST", "/tenants/" + club.tenantId() + "/invite", Map.of("email",
                ApiClient.uniqueEmail("invitee"), "role", "ATHLETE"), club.admin()).path("acceptToken").asText();
    }

    private String spaceMember() {
        String member = api.join(club.admin(), "ATHLETE").userId();
        api.expect(201, "POST", "/spaces/" + club.spaceId() + "/members", Map.of("userId", member), club.admin());
        return member;
    }

    private String post() {
        return api.expect(201, "POST", "/posts", Map.of("spaceId", club.spaceId(), "type", "TEXT", "content",
                "Gone soon"), club.admin()).path("id").asText();
    }

    private String calendarToken() {
        return api.expect(200, "POST", "/auth/me/calendar-token", null, club.coach()).path("token").asText();
    }

    private JsonNode intent() {
        return api.imageIntent(club.admin());
    }

    /** An image whose bytes are up, not yet finalized. */
    private String uploaded() {
        return api.uploadedImage(club.admin());
    }

    /** An image the media worker has made ready for playback. */
    private String processedMedia() {
        if (processedMedia == null) {
            processedMedia = api.readyImage(club.admin());
        }
        return processedMedia;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
