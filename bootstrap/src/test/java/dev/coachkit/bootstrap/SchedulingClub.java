package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A freshly registered organization with one member of each role, signed in over HTTP, for the
 * scheduling end-to-end tests: the ADMIN who registered it, two coaches, two athletes, a scheduler.
 */
final class SchedulingClub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    /** One signed-in member. */
    record Member(String id, String token) {}

    final HttpProbe http;
    final String tenantId;
    final Member admin;
    final Member coach;
    final Member otherCoach;
    final Member athlete;
    final Member otherAthlete;
    final Member scheduler;

    SchedulingClub(HttpProbe http) {
        this.http = http;
        JsonNode registered = json(expect(201, send("POST", "/auth/register", Map.of("email", email("admin"),
                "password", PASSWORD, "firstName", "Ann", "lastName", "Admin", "organizationName", "Club"), null)));
        this.tenantId = registered.at("/tenant/id").asText();
        this.admin = new Member(registered.at("/user/id").asText(), registered.path("accessToken").asText());
        this.coach = join("COACH");
        this.otherCoach = join("COACH");
        this.athlete = join("ATHLETE");
        this.otherAthlete = join("ATHLETE");
        this.scheduler = join("SCHEDULER");
    }

    private Member join(String role) {
        JsonNode invitation = json(expect(201, send("POST", "/tenants/" + tenantId + "/invite",
                Map.of("email", email(role.toLowerCase()), "role", role), admin.token())));
        JsonNode joined = json(expect(200, send("POST", "/invitations/" + invitation.path("acceptToken").asText()
                + "/accept", Map.of("password", PASSWORD, "firstName", "Some", "lastName", role), null)));
        return new Member(joined.at("/user/id").asText(), joined.path("accessToken").asText());
    }

    HttpResponse<String> send(String method, String path, Object body, String token) {
        return http.send(method, path, body == null ? null : write(body), token);
    }

    HttpResponse<String> get(String path, Member member) {
        return http.send("GET", path, null, member.token());
    }

    /** Sets the coach's availability to every day, all day long (00:00-24:00), in UTC: sessions may cross midnight. */
    void openAllWeek(Member coachMember) {
        var slots = Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("dayOfWeek", day.name(), "startTime", "00:00", "endTime", "24:00")).toList();
        expect(200, send("POST", "/scheduling/availability", Map.of("timeZone", "UTC", "slots", slots),
                coachMember.token()));
    }

    HttpResponse<String> book(Member booker, Member coachMember, Instant start, Duration length, Member forAthlete) {
        return book(booker, coachMember, start, length, forAthlete, Map.of());
    }

    /** Books with further fields of the request, such as {@code notes} or {@code spaceId}. */
    HttpResponse<String> book(Member booker, Member coachMember, Instant start, Duration length, Member forAthlete,
            Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("coachId", coachMember.id(),
                "startsAt", start.toString(), "endsAt", start.plus(length).toString()));
        if (forAthlete != null) {
            body.put("athleteId", forAthlete.id());
        }
        body.putAll(more);
        return send("POST", "/scheduling/sessions/book", body, booker.token());
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** Polls until {@code condition} holds, for effects of events delivered in the background. */
    static void eventually(Supplier<Boolean> condition, String what) {
        Await.until(condition::get, Duration.ofSeconds(20), what);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@club.test";
    }
}
