package dev.coachkit.bootstrap;

import dev.coachkit.bootstrap.ApiClient.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * An organization with one of every resource a path can name, made through the API: its admin, coach,
 * athlete and a spare member, a space, a post with a comment, a media asset, an annotation on a ready image
 * of the admin's, a booked session, the coach's notification of it, an export, a pending invitation, a second signed-in device of the admin (a session
 * other than {@link #admin}'s, so that signing it out leaves the admin's own), and a pack the athlete paid for.
 */
record Organization(String adminEmail, Session admin, Session coach, Session athlete, Session spare, String spaceId,
        String postId, String commentId, String mediaId, String annotationId, String sessionId, String notificationId,
        String exportId, String invitationToken, String deviceId, String productId, String orderId) {

    /** The {@code {version}} of the Swagger UI files the server serves: that of the webjar on the class path. */
    private static final String SWAGGER_UI_VERSION = swaggerUiVersion();

    static Organization create(ApiClient api) {
        String adminEmail = ApiClient.uniqueEmail("admin");
        Session admin = api.registerAdmin(adminEmail);
        Session coach = api.join(admin, "COACH");
        Session athlete = api.join(admin, "ATHLETE");
        Session spare = api.join(admin, "ATHLETE");
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Squad", "isPrivate", true), admin)
                .path("id").asText();
        for (Session member : List.of(coach, athlete)) {
            api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", member.userId()), admin);
        }
        String post = api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content",
                "Drills for Tuesday"), admin).path("id").asText();
        String comment = api.expect(201, "POST", "/posts/" + post + "/comments", Map.of("content", "On it"), athlete)
                .path("id").asText();
        String media = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "serve.mp4",
                "contentType", "video/mp4", "sizeBytes", 1024, "spaceId", space), admin).path("mediaId").asText();
        String annotation = api.annotation(admin, api.readyImage(admin));
        String session = api.bookNextWeek(coach, athlete).path("id").asText();
        String notification = api.awaitNotification(coach, "session.scheduled").path("id").asText();
        String export = api.expect(202, "POST", "/admin/export", Map.of(), admin).path("id").asText();
        String invitation = api.expect(201, "POST", "/tenants/" + admin.tenantId() + "/invite",
                Map.of("email", ApiClient.uniqueEmail("invitee"), "role", "ATHLETE"), admin)
                .path("acceptToken").asText();
        String device = currentDevice(api, Session.from(api.expect(200, "POST", "/auth/login", Map.of("email",
                adminEmail, "password", ApiClient.PASSWORD, "tenantId", admin.tenantId()), null)));
        String product = api.product(admin);
        String order = api.paidOrder(athlete, product);
        return new Organization(adminEmail, admin, coach, athlete, spare, space, post, comment, media, annotation,
                session, notification, export, invitation, device, product, order);
    }

    /** A fresh sign-in of the admin, for when an earlier request (a logout) may have revoked the last one. */
    Session signInAdmin(ApiClient api) {
        return Session.from(api.expect(200, "POST", "/auth/login", Map.of("email", adminEmail, "password",
                ApiClient.PASSWORD, "tenantId", tenantId()), null));
    }

    /** The id of {@code signedIn}'s own session, as {@code GET /auth/sessions} lists it. */
    static String currentDevice(ApiClient api, Session signedIn) {
        for (var device : api.expect(200, "GET", "/auth/sessions", null, signedIn)) {
            if (device.path("current").asBoolean()) {
                return device.path("id").asText();
            }
        }
        throw new IllegalStateException("no current session among the signed-in devices");
    }

    String tenantId() {
        return admin.tenantId();
    }

    /**
     * The resource a path parameter of {@code pathTemplate} names in this organization: the first path
     * segment says what an {@code {id}} is; user ids name the spare member, whom the tests may change or erase.
     */
    String idFor(String pathTemplate, String parameter) {
        String resource = pathTemplate.split("/")[1];
        return switch (parameter) {
            case "userId" -> spare.userId();
            case "coachId" -> coach.userId();
            case "acceptToken" -> invitationToken;
            case "tenantId" -> tenantId();
            case "mediaId" -> mediaId;
            case "orderId" -> orderId;
            case "name" -> "original";
            case "version" -> SWAGGER_UI_VERSION;
            case "file" -> "swagger-ui.css";
            case "id" -> switch (resource) {
                case "spaces" -> spaceId;
                case "posts" -> postId;
                case "media" -> mediaId;
                case "annotations" -> annotationId;
                case "scheduling" -> sessionId;
                case "notifications" -> notificationId;
                case "admin" -> exportId;
                case "tenants" -> tenantId();
                case "auth" -> deviceId;
                case "payments" -> pathTemplate.startsWith("/payments/products/") ? productId : orderId;
                default -> throw new IllegalArgumentException("no resource for {id} in " + pathTemplate);
            };
            default -> throw new IllegalArgumentException("no resource for {" + parameter + "} in " + pathTemplate);
        };
    }

    /** {@code operation}'s path with this organization's ids in it ({@link #idFor}). */
    String path(ApiOperation operation) {
        String path = operation.pathTemplate();
        for (var parameter : operation.parametersIn("path")) {
            String name = parameter.path("name").asText();
            path = path.replace("{" + name + "}", idFor(operation.pathTemplate(), name));
        }
        return path;
    }

    /** This organization's ids, for {@link ValidValues} and {@link HostileRequests}. */
    HostileRequests.Ids ids() {
        return new HostileRequests.Ids() {
            @Override
            public String path(ApiOperation operation, String name) {
                return idFor(operation.pathTemplate(), name);
            }

            @Override
            public String field(String field) {
                return idForField(field);
            }
        };
    }

    /** A real id for a UUID body field of that name (or the one item of a list of ids), or null to leave it out. */
    String idForField(String field) {
        return switch (field) {
            case "spaceId" -> spaceId;
            case "mediaIds" -> mediaId;
            case "audioMediaId" -> mediaId; // not audio: a voice-over it names is refused like one of nowhere
            case "userId" -> spare.userId();
            case "coachId" -> coach.userId();
            case "athleteId" -> athlete.userId();
            case "tenantId" -> tenantId();
            case "productId" -> productId;
            case "accountId" -> athlete.userId();
            default -> null;
        };
    }

    private static String swaggerUiVersion() {
        try (InputStream in = Organization.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(Objects.requireNonNull(in, "the swagger-ui webjar is not on the class path"));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
