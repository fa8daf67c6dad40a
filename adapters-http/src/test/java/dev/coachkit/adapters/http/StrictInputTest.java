package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.community.PostRoutes;
import dev.coachkit.adapters.http.community.SpaceRoutes;
import dev.coachkit.adapters.http.media.AnnotationRoutes;
import dev.coachkit.adapters.http.media.MediaRoutes;
import dev.coachkit.adapters.http.scheduling.SchedulingRoutes;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.StubAuthentication;
import dev.coachkit.adapters.http.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Input Jackson or Javalin would read leniently is refused with a 400 naming the field, on the real routes:
 * a value is read only from its own JSON type, once per object, as real text, and a query is well-formed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest {

    private static final String DAYS = "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY";

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer()
                .routes(new TestRoutes())
                .routesOf(core -> new SpaceRoutes(core.community()))
                .routesOf(core -> new PostRoutes(core.community()))
                .routesOf(core -> new SchedulingRoutes(core.scheduling(), "https://api.example.com"))
                .routesOf(core -> new MediaRoutes(core.media()))
                .routesOf(core -> new AnnotationRoutes(core.media()))
                .start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_numeric_day_of_week_is_refused_with_the_allowed_values() {
        for (String day : List.of("\"1\"", "1")) {
            TestResponse response = availability("{\"dayOfWeek\":" + day + ",\"startTime\":\"09:00\",\"endTime\":\"12:00\"}");

            assertFieldError(response, "slots[0].dayOfWeek", DAYS);
        }
    }

    @Test
    void a_start_time_with_seconds_is_refused_as_not_hh_mm() {
        for (String start : List.of("\"09:00:30\"", "\"09:00:00.5\"", "\"9:00\"", "[9,0]")) {
            TestResponse response = availability("{\"dayOfWeek\":\"MONDAY\",\"startTime\":" + start + ",\"endTime\":\"12:00\"}");

            assertThat(response.status()).as(start + ": " + response.body()).isEqualTo(400);
            assertThat(fields(response.json())).as(start).containsExactly("slots[0].startTime");
        }
        assertThat(availability("{\"dayOfWeek\":\"MONDAY\",\"startTime\":\"09:00:30\",\"endTime\":\"12:00\"}").json()
                .at("/errors/0/message").asText()).isEqualTo("must be HH:mm");
    }

    @Test
    void a_duplicate_key_is_refused_naming_it() {
        TestResponse response = server.postJson("/spaces", "{\"name\":\"Run club\",\"isPrivate\":false,\"isPrivate\":true}");

        assertFieldError(response, "isPrivate", "appears more than once in its object");
    }

    @Test
    void a_duplicate_key_inside_a_list_is_refused_with_its_full_path() {
        TestResponse response = availability(
                "{\"dayOfWeek\":\"MONDAY\",\"dayOfWeek\":\"SUNDAY\",\"startTime\":\"09:00\",\"endTime\":\"12:00\"}");

        assertFieldError(response, "slots[0].dayOfWeek", "appears more than once in its object");
    }

    @Test
    void a_lone_surrogate_in_a_string_is_refused() {
        for (String name : List.of("\\ud800", "a\\udc00b", "end\\ud83d")) {
            TestResponse response = server.postJson("/spaces", "{\"name\":\"" + name + "\",\"isPrivate\":false}");

            assertFieldError(response, "name",
                    "must not contain an unpaired UTF-16 surrogate (\\ud800-\\udfff without its partner)");
        }
    }

    @Test
    void a_surrogate_pair_written_as_escapes_is_accepted() {
        TestResponse response = server.postJson("/spaces", "{\"name\":\"Run \\ud83c\\udfc3 club\",\"isPrivate\":false}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("name").asText()).isEqualTo("Run \uD83C\uDFC3 club");
    }

    @Test
    void an_id_of_nothing_but_blanks_or_control_characters_is_refused_not_read_as_left_out() {
        for (String id : List.of("", " ", "\\u0000", "\\t\\n")) {
            TestResponse response = server.postJson("/media/upload-intent", "{\"fileName\":\"clip.png\","
                    + "\"contentType\":\"image/png\",\"sizeBytes\":100,\"spaceId\":\"" + id + "\"}");

            assertThat(response.status()).as("spaceId \"" + id + "\": " + response.body()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("spaceId");
        }
    }

    @Test
    void a_string_or_a_number_where_a_boolean_belongs_is_refused() {
        for (String value : List.of("\"false\"", "\"true\"", "0", "1")) {
            TestResponse response = server.postJson("/spaces", "{\"name\":\"Run club\",\"isPrivate\":" + value + "}");

            assertFieldError(response, "isPrivate", "must be true or false");
        }
    }

    @Test
    void an_empty_or_blank_id_is_refused_instead_of_read_as_absent() {
        for (String blank : List.of("\"\"", "\" \"", "\"\\u0000\"")) {
            TestResponse response = server.postJson("/media/upload-intent", "{\"fileName\":\"clip.png\","
                    + "\"contentType\":\"image/png\",\"sizeBytes\":100,\"spaceId\":" + blank + "}");

            assertThat(response.status()).as(blank).isEqualTo(400);
            assertThat(fields(response.json())).as(blank).containsExactly("spaceId");
        }
    }

    @Test
    void a_number_in_quotes_is_refused() {
        TestResponse size = server.postJson("/media/upload-intent",
                "{\"fileName\":\"clip.png\",\"contentType\":\"image/png\",\"sizeBytes\":\"100\"}");
        TestResponse age = server.postJson("/test/members",
                "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":\"36\"}");

        assertFieldError(size, "sizeBytes", "must be a whole number");
        assertFieldError(age, "age", "must be a whole number");
    }

    @Test
    void a_number_where_an_instant_belongs_is_refused_instead_of_read_as_seconds_since_1970() {
        for (String joinedAt : List.of("123", "1.5", "\"123\"")) {
            TestResponse response = server.postJson("/test/members",
                    "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,\"joinedAt\":" + joinedAt + "}");

            assertFieldError(response, "joinedAt", "must be an ISO-8601 instant such as 2026-11-30T09:00:00Z");
        }
        assertThat(server.postJson("/test/members", "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,"
                + "\"joinedAt\":\"2024-03-01T10:15:30Z\"}").status()).isEqualTo(201);
    }

    @Test
    void a_number_or_a_boolean_where_a_string_belongs_is_refused() {
        for (String value : List.of("123", "1.5", "true")) {
            TestResponse response = server.postJson("/spaces", "{\"name\":" + value + ",\"isPrivate\":false}");

            assertFieldError(response, "name", "must be a string");
        }
    }

    @Test
    void a_file_name_with_a_right_to_left_override_is_refused() {
        for (String name : List.of("invoice\\u202Egpj.exe", "report\\u2067.pdf.png", "zero\\u200Bwidth.png")) {
            TestResponse response = server.postJson("/media/upload-intent",
                    "{\"fileName\":\"" + name + "\",\"contentType\":\"image/png\",\"sizeBytes\":100}");

            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(400);
            assertThat(fields(response.json())).containsExactly("fileName");
            assertThat(response.json().at("/errors/0/message").asText()).contains("bidirectional");
        }
    }

    @Test
    void finalizing_a_single_put_upload_with_invented_parts_is_refused() {
        TestResponse intent = server.postJson("/media/upload-intent",
                "{\"fileName\":\"clip.png\",\"contentType\":\"image/png\",\"sizeBytes\":100}");
        assertThat(intent.status()).as(intent.body()).isEqualTo(201);
        assertThat(intent.json().path("parts")).as("one single PUT URL").hasSize(1);

        TestResponse response = server.postJson("/media/" + intent.json().path("mediaId").asText() + "/finalize",
                "{\"parts\":[{\"partNumber\":1,\"etag\":\"\\\"invented\\\"\"}]}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("parts");
        assertThat(response.json().at("/errors/0/message").asText()).contains("single PUT");
    }

    @Test
    void a_malformed_percent_encoding_in_the_query_is_refused_naming_the_parameter() {
        for (String query : List.of("cursor=%%%", "cursor=%4", "cursor=%zz", "cursor=%C3%28", "cursor=%ED%A0%80")) {
            TestResponse response = rawGet("/posts?" + query);

            assertFieldError(response, "cursor",
                    "is not valid percent-encoded UTF-8 (a % must be followed by two hex digits, encoding UTF-8 bytes)");
        }
    }

    @Test
    void a_malformed_percent_encoding_in_a_parameter_name_or_an_unused_parameter_is_refused() {
        assertFieldError(rawGet("/posts?%%=1"), "query",
                "is not valid percent-encoded UTF-8 (a % must be followed by two hex digits, encoding UTF-8 bytes)");
        assertThat(rawGet("/health?debug=%G0").status()).isEqualTo(400);
    }

    @Test
    void a_well_formed_query_is_still_read() {
        assertThat(server.get("/posts?limit=%35&debug=caf%C3%A9+au+lait&empty=&flag").status()).isEqualTo(200);
    }

    /** java.net.URI refuses a malformed escape before sending it: the request line is written by hand. */
    private TestResponse rawGet(String pathAndQuery) {
        try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + StubAuthentication.TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String contentType = head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
            return new TestResponse(status, HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true),
                    answer.substring(answer.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestResponse availability(String slot) {
        return server.postJson("/scheduling/availability", "{\"timeZone\":\"Europe/Berlin\",\"slots\":[" + slot + "]}");
    }

    private static void assertFieldError(TestResponse response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        assertThat(fields(response.json())).as(response.body()).containsExactly(field);
        assertThat(response.json().at("/errors/0/message").asText()).isEqualTo(message);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
