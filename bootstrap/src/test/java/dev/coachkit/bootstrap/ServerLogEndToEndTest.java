package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.messaging.mail.LoggingMailer;
import dev.coachkit.application.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the server writes to stdout under the production {@code logback.xml} while people register, sign in,
 * refresh, invite and accept, upload and subscribe to a calendar: one JSON object per line, each request's
 * lines naming its request id and caller, and none of the secrets that passed through.
 */
class ServerLogEndToEndTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ProductionLog log;
    private static CoachKitServer server;
    private static final List<String> secrets = new ArrayList<>();
    private static ApiClient.Session admin;
    private static String invitee;

    @BeforeAll
    static void run_the_flows() throws Exception {
        log = ProductionLog.capture();
        Path dataDir = Files.createTempDirectory("coachkit-log-e2e");
        int port = TestServices.freeLoopbackPort();
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(Map.of(
                "COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_PUBLIC_URL", "http://127.0.0.1:" + port,
                "COACHKIT_DATA_DIR", dataDir.toString(),
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_OUTBOX_POLL_MILLIS", "50"))));
        secrets.add(ExternalServers.JWT_SECRET);
        secrets.add(ApiClient.PASSWORD);
        ApiClient api = new ApiClient(port);

        admin = api.registerAdmin();
        secrets.add(admin.accessToken());
        JsonNode me = api.expect(200, "GET", "/auth/me", null, admin);
        String email = me.at("/user/email").asText();
        JsonNode login = api.expect(200, "POST", "/auth/login", Map.of("email", email, "password", ApiClient.PASSWORD), null);
        secrets.add(login.path("accessToken").asText());
        secrets.add(login.path("refreshToken").asText());
        JsonNode refreshed = api.expect(200, "POST", "/auth/refresh",
                Map.of("refreshToken", login.path("refreshToken").asText()), null);
        secrets.add(refreshed.path("accessToken").asText());
        secrets.add(refreshed.path("refreshToken").asText());
        api.expect(401, "POST", "/auth/login", Map.of("email", email, "password", "wrong " + ApiClient.PASSWORD), null);
        secrets.add("wrong " + ApiClient.PASSWORD);

        invitee = ApiClient.uniqueEmail("athlete");
        JsonNode invitation = api.expect(201, "POST", "/tenants/" + admin.tenantId() + "/invite",
                Map.of("email", invitee, "role", "ATHLETE"), admin);
        String acceptToken = invitation.path("acceptToken").asText();
        secrets.add(acceptToken);
        log.await("E-mail (logged, not sent) to " + LoggingMailer.fingerprint(invitee));
        secrets.add(invitee); // a shared deployment's log carries no recipient's address
        JsonNode accepted = api.expect(200, "POST", "/invitations/" + acceptToken + "/accept",
                Map.of("password", ApiClient.PASSWORD, "firstName", "Bo", "lastName", "Athlete"), null);
        secrets.add(accepted.path("accessToken").asText());
        secrets.add(accepted.path("refreshToken").asText());

        byte[] bytes = "not really a video".getBytes();
        JsonNode intent = api.expect(201, "POST", "/media/upload-intent",
                Map.of("fileName", "clip.png", "contentType", "image/png", "sizeBytes", bytes.length), admin);
        URI partUrl = URI.create(intent.at("/parts/0/url").asText());
        secrets.add(queryParameter(partUrl, "signature"));
        DocumentedApi.verified(CLIENT.send(HttpRequest.newBuilder(partUrl)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()));

        JsonNode calendar = api.expect(200, "POST", "/auth/me/calendar-token", null, admin);
        URI feedUrl = URI.create(calendar.path("feedUrl").asText());
        secrets.add(queryParameter(feedUrl, "token"));
        DocumentedApi.verified(CLIENT.send(HttpRequest.newBuilder(feedUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
        api.send("GET", "/scheduling/calendar.ics?token=nonsense-but-still-a-token", null, null);
        secrets.add("nonsense-but-still-a-token");

        stopServer(); // its last lines too
        log.close();
    }

    @AfterAll
    static void restore_logging() {
        stopServer();
        if (log != null) {
            log.close();
        }
    }

    private static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Test
    void every_line_is_one_json_object_with_the_standard_fields() {
        assertThat(log.lines()).as("the flows logged something").hasSizeGreaterThan(10).allSatisfy(line ->
                assertThat(line.fieldNames()).toIterable().contains("timestamp", "level", "logger", "thread", "message"));
        assertThat(log.lines()).allSatisfy(line ->
                assertThat(Instant.parse(line.path("timestamp").asText())).isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void request_lines_carry_the_request_id_and_once_known_the_tenant_and_account() {
        List<JsonNode> access = log.lines().stream()
                .filter(line -> line.path("logger").asText().equals("dev.coachkit.http.access")).toList();

        assertThat(access).isNotEmpty().allSatisfy(line -> assertThat(line.path("requestId").asText()).isNotBlank());
        assertThat(access).filteredOn(line -> line.path("message").asText().startsWith("GET /auth/me 200"))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("tenantId").asText()).isEqualTo(admin.tenantId());
                    assertThat(line.path("accountId").asText()).isEqualTo(admin.userId());
                });
        assertThat(access).as("signing in names who signed in")
                .filteredOn(line -> line.path("message").asText().startsWith("POST /auth/login 200"))
                .singleElement().satisfies(line -> assertThat(line.path("accountId").asText()).isEqualTo(admin.userId()));
        assertThat(access).as("a failed sign-in names nobody")
                .filteredOn(line -> line.path("message").asText().startsWith("POST /auth/login 401"))
                .singleElement().satisfies(line -> assertThat(line.has("accountId")).isFalse());
    }

    @Test
    void a_worker_handling_an_event_logs_with_the_events_tenant_and_id() {
        assertThat(log.lines()).filteredOn(line -> line.path("message").asText()
                        .contains("to " + LoggingMailer.fingerprint(invitee)))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("tenantId").asText()).isEqualTo(admin.tenantId());
                    assertThat(line.path("eventId").asText()).isNotBlank();
                    assertThat(line.has("requestId")).as("the relay's thread serves no request").isFalse();
                });
    }

    @Test
    void no_password_token_signature_key_or_recipient_address_is_ever_logged() {
        assertThat(secrets).hasSize(15).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));
        String everything = log.text();
        assertThat(secrets).allSatisfy(secret -> assertThat(everything).as("the log").doesNotContain(secret));
    }

    private static String queryParameter(URI url, String name) {
        for (String pair : url.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(url + " has no " + name);
    }
}
