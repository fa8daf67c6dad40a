package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for every operation of the server's own {@code /openapi.json} ({@link HostileRequests}),
 * sent by the ADMIN of an organization that has one of every resource, so valid parts of a request get
 * past the lookups: every answer is the one its kind of input deserves, a problem+json for every error,
 * what the document promises, and never a 5xx.
 */
class HostileInputEndToEndTest {

    /** No limit may turn the attack into a 429 and hide what the route itself answers. */
    static final Map<String, String> UNLIMITED = Map.of(
            "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
            "COACHKIT_RATE_LIMIT_PER_IP", "1000000",
            "COACHKIT_RATE_LIMIT_AUTH_PER_IP", "1000000",
            "COACHKIT_RATE_LIMIT_PER_ACCOUNT", "1000000",
            "COACHKIT_RATE_LIMIT_PER_TENANT", "1000000",
            "COACHKIT_LOGIN_ATTEMPTS_PER_ACCOUNT", "1000");

    private static CoachKitServer server;

    @BeforeAll
    static void start() {
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, UNLIMITED)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_operation_answers_hostile_input_with_a_client_error_never_a_server_error() {
        ApiClient api = new ApiClient(server.port());
        Organization club = Organization.create(api);
        HttpProbe http = new HttpProbe(server.port()).withHeaders(Map.of("X-Forwarded-For", api.clientAddress()));
        List<ApiOperation> operations = ApiOperation.all(http.get("/openapi.json").body()).stream()
                // this server takes payments locally: the Stripe webhook is not there (404) whatever the body;
                // PaymentsEndToEndTest sends it unsigned, badly signed and altered bodies on a Stripe server
                .filter(operation -> !operation.streams()
                        && !StatementBudgetEndToEndTest.STRIPE_ONLY.contains(operation.key()))
                .toList();
        HostileRequests generator = new HostileRequests(club.ids());

        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> summary = new TreeMap<>();
        int sent = 0;
        Session caller = club.admin();
        for (ApiOperation operation : operations) {
            for (HostileRequest request : generator.of(operation)) {
                sent++;
                Map<Integer, Integer> statuses = summary.computeIfAbsent(operation.key(), key -> new TreeMap<>());
                int before = statuses.getOrDefault(200, 0) + statuses.getOrDefault(204, 0);
                String failure = check(http, request, caller, statuses);
                if (failure != null) {
                    failures.add(failure);
                }
                if (statuses.getOrDefault(200, 0) + statuses.getOrDefault(204, 0) > before
                        && !operation.method().equals("GET")) {
                    caller = club.signInAdmin(api); // the accepted request may have been a logout
                }
            }
        }
        System.out.println("hostile requests: " + sent + " over " + operations.size() + " operations; answers:");
        summary.forEach((operation, statuses) -> System.out.println("  " + operation + " " + statuses));

        assertThat(operations).as("operations in /openapi.json").hasSizeGreaterThan(40);
        assertThat(failures).as(failures.size() + " of " + sent + " hostile requests").isEmpty();
    }

    /** java.net.http cannot send a malformed escape (URI refuses it): the request line is written by hand. */
    @Test
    void a_cursor_with_malformed_percent_encoding_is_400_naming_it_not_the_first_page() throws IOException {
        ApiClient api = new ApiClient(server.port());
        Session admin = api.registerAdmin();
        for (String query : List.of("cursor=%%%", "cursor=%4", "cursor=abc%zz")) {
            String answer;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /posts?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "X-Forwarded-For: " + api.clientAddress() + "\r\nAuthorization: Bearer " + admin.accessToken()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(answer).as(query).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"errors\":[{\"field\":\"cursor\",");
        }
    }

    /** Sends one request and counts its status; answers what is wrong with its answer, or null. */
    private static String check(HttpProbe http, HostileRequest request, Session caller,
            Map<Integer, Integer> statuses) {
        HttpResponse<String> response;
        try {
            response = http.send(request.operation().method(), request.path(), request.body(),
                    request.withToken() ? caller.accessToken() : null, Map.of());
        } catch (AssertionError | RuntimeException e) {
            return request.describe() + ": " + e.getMessage();
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String summary = request.describe() + " answered " + status + ": " + abbreviate(response.body());
        if (!request.expect().allows(status)) {
            return summary + " (expected " + request.expect() + ")";
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                return summary + " is " + contentType + ", not a problem";
            }
            if (request.operation().method().equals("HEAD")) {
                return null; // a HEAD answer is a problem's headers without its body
            }
            JsonNode problem = ApiClient.json(response);
            if (problem.path("status").asInt() != status) {
                return summary + " carries another status";
            }
            if (request.unknownField() != null && problem.toString().contains(request.unknownField())) {
                return summary + " complains about the unknown field " + request.unknownField();
            }
            if (request.namedField() != null && status == 400 && !fieldsOf(problem).contains(request.namedField())) {
                return summary + " does not name " + request.namedField() + " in its errors";
            }
        }
        return null;
    }

    private static List<String> fieldsOf(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
