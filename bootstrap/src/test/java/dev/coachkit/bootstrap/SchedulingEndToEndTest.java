package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.SchedulingClub.eventually;
import static dev.coachkit.bootstrap.SchedulingClub.expect;
import static dev.coachkit.bootstrap.SchedulingClub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.SchedulingClub.Member;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduling flows over HTTP on the wired server (PostgreSQL with the exclusion constraint, the
 * outbox relay dispatching events in-process to the notification consumers). Each test has an
 * organization of its own, from a client address of its own.
 */
class SchedulingEndToEndTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static CoachKitServer server;
    private SchedulingClub club;

    @BeforeAll
    static void start() {
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(
                TestDatabase.createOn(PostgresServer.shared()), Map.of(
                        "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                        "COACHKIT_PUBLIC_URL", "https://api.club.test"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newClub() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        club = new SchedulingClub(new HttpProbe(server.port()).withHeaders(Map.of("X-Forwarded-For", address)));
    }

    /** 10:00 UTC a week from today: in the future and inside an all-week availability. */
    private static Instant nextWeekAt(int hour) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(7).atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private HttpResponse<String> setAvailability(Member caller, Map<String, Object> body) {
        return club.send("POST", "/scheduling/availability", body, caller.token());
    }

    private static Map<String, Object> mondayMornings(String zone) {
        return Map.of("timeZone", zone, "slots", List.of(
                Map.of("dayOfWeek", "MONDAY", "startTime", "09:00", "endTime", "12:00")));
    }

    @Test
    void openings_follow_the_coachs_zone_across_a_daylight_saving_change() {
        expect(200, setAvailability(club.coach, mondayMornings("America/New_York")));

        // US daylight saving starts on Sunday 2027-03-14: 09:00 New York is 14:00Z before, 13:00Z after
        JsonNode availability = json(expect(200, club.get("/scheduling/availability/" + club.coach.id()
                + "?from=2027-03-08T00:00:00Z&to=2027-03-16T00:00:00Z", club.athlete)));

        assertThat(availability.path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(availability.at("/slots/0/startTime").asText()).isEqualTo("09:00");
        assertThat(availability.path("openings")).extracting(o -> o.path("startsAt").asText() + "/"
                + o.path("endsAt").asText()).containsExactly(
                "2027-03-08T14:00:00Z/2027-03-08T17:00:00Z", "2027-03-15T13:00:00Z/2027-03-15T16:00:00Z");
    }

    @Test
    void availability_is_replaced_and_validated() {
        expect(200, setAvailability(club.coach, mondayMornings("Europe/Berlin")));
        JsonNode replaced = json(expect(200, setAvailability(club.coach, Map.of("timeZone", "Asia/Tokyo", "slots",
                List.of(Map.of("dayOfWeek", "FRIDAY", "startTime", "18:00", "endTime", "20:30"))))));

        assertThat(replaced.path("slots")).hasSize(1);
        assertThat(json(club.get("/scheduling/availability/" + club.coach.id(), club.coach)).path("timeZone")
                .asText()).isEqualTo("Asia/Tokyo");
        assertThat(setAvailability(club.coach, mondayMornings("Mars/Olympus_Mons")).statusCode()).isEqualTo(400);
        assertThat(setAvailability(club.coach, Map.of("timeZone", "UTC", "slots", List.of(
                Map.of("dayOfWeek", "MONDAY", "startTime", "12:00", "endTime", "09:00")))).statusCode())
                .as("start after end").isEqualTo(400);
        assertThat(setAvailability(club.coach, Map.of("timeZone", "UTC", "slots", List.of(
                Map.of("dayOfWeek", "MONDAY", "startTime", "09:00", "endTime", "12:00"),
                Map.of("dayOfWeek", "MONDAY", "startTime", "11:00", "endTime", "13:00")))).statusCode())
                .as("overlapping slots").isEqualTo(400);
        assertThat(club.get("/scheduling/availability/" + club.coach.id()
                + "?from=2027-01-01T00:00:00Z&to=2027-03-05T00:00:00Z", club.coach).statusCode())
                .as("a window over 62 days").isEqualTo(400);
        assertThat(setAvailability(club.coach, mondayMornings("CET")).statusCode()).isEqualTo(200);
        assertThat(setAvailability(club.coach, mondayMornings("EST5EDT")).statusCode()).isEqualTo(200);
        assertThat(setAvailability(club.coach, mondayMornings("Etc/GMT+5")).statusCode())
                .as("a fixed offset").isEqualTo(400);
        assertThat(setAvailability(club.coach, Map.of("timeZone", "UTC", "slots", List.of(
                Map.of("dayOfWeek", "MONDAY", "startTime", "09:00", "endTime", "24:01")))).statusCode())
                .as("past midnight").isEqualTo(400);
        HttpResponse<String> seconds = setAvailability(club.coach, Map.of("timeZone", "UTC", "slots", List.of(
                Map.of("dayOfWeek", "MONDAY", "startTime", "09:00:30", "endTime", "12:00"))));
        assertThat(seconds.statusCode()).as("a start with seconds").isEqualTo(400);
        assertThat(json(seconds).at("/errors/0/field").asText()).isEqualTo("slots[0].startTime");
        HttpResponse<String> dayIndex = setAvailability(club.coach, Map.of("timeZone", "UTC", "slots", List.of(
                Map.of("dayOfWeek", "1", "startTime", "09:00", "endTime", "12:00"))));
        assertThat(dayIndex.statusCode()).as("a day of the week by its index").isEqualTo(400);
        assertThat(json(dayIndex).at("/errors/0/field").asText()).isEqualTo("slots[0].dayOfWeek");
        assertThat(json(dayIndex).at("/errors/0/message").asText())
                .isEqualTo("must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
    }

    @Test
    void instants_far_from_now_are_400_not_500() {
        club.openAllWeek(club.coach);
        String availability = "/scheduling/availability/" + club.coach.id();

        assertThat(club.get(availability + "?from=%2B1000000000-12-31T00:00:00Z", club.athlete).statusCode())
                .isEqualTo(400);
        assertThat(club.get("/scheduling/sessions?from=%2B300000-01-01T00:00:00Z", club.admin).statusCode())
                .isEqualTo(400);
        assertThat(club.book(club.athlete, club.coach, Instant.parse("+300000-01-01T09:00:00Z"), HOUR, null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void a_session_crosses_midnight_between_two_days_slots() {
        club.openAllWeek(club.coach);
        Instant lateEvening = nextWeekAt(23).plus(Duration.ofMinutes(30));

        JsonNode session = json(expect(201, club.book(club.athlete, club.coach, lateEvening, HOUR, null)));

        assertThat(session.path("endsAt").asText()).isEqualTo(lateEvening.plus(HOUR).toString());
        assertThat(json(club.get("/scheduling/availability/" + club.coach.id(), club.coach)).at("/slots/0/endTime")
                .asText()).isEqualTo("24:00");
    }

    @Test
    void the_coach_sets_their_own_availability_scheduler_and_admin_anyones_others_are_refused() {
        Map<String, Object> forCoach = Map.of("coachId", club.coach.id(), "timeZone", "UTC", "slots", List.of());

        assertThat(setAvailability(club.athlete, mondayMornings("UTC")).statusCode()).isEqualTo(403);
        assertThat(setAvailability(club.otherCoach, forCoach).statusCode()).isEqualTo(403);
        assertThat(setAvailability(club.scheduler, forCoach).statusCode()).isEqualTo(200);
        assertThat(setAvailability(club.admin, forCoach).statusCode()).isEqualTo(200);
        assertThat(setAvailability(club.scheduler, Map.of("coachId", club.athlete.id(), "timeZone", "UTC",
                "slots", List.of())).statusCode()).as("an athlete has no calendar").isEqualTo(404);
    }

    @Test
    void a_booking_takes_its_slot_out_of_the_openings_and_an_overlap_is_409() {
        club.openAllWeek(club.coach);
        Instant ten = nextWeekAt(10);

        JsonNode session = json(expect(201, club.book(club.athlete, club.coach, ten, HOUR, null)));

        assertThat(session.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(session.path("athleteId").asText()).isEqualTo(club.athlete.id());
        JsonNode openings = json(club.get("/scheduling/availability/" + club.coach.id() + "?from=" + ten.minus(HOUR)
                + "&to=" + ten.plus(HOUR.multipliedBy(2)), club.athlete)).path("openings");
        assertThat(openings).extracting(o -> o.path("startsAt").asText() + "/" + o.path("endsAt").asText())
                .containsExactly(ten.minus(HOUR) + "/" + ten, ten.plus(HOUR) + "/" + ten.plus(HOUR.multipliedBy(2)));
        assertThat(club.book(club.otherAthlete, club.coach, ten.plus(Duration.ofMinutes(30)), HOUR, null)
                .statusCode()).isEqualTo(409);
        assertThat(club.book(club.otherAthlete, club.coach, ten.plus(HOUR), HOUR, null).statusCode())
                .as("back to back").isEqualTo(201);
    }

    @Test
    void bookings_outside_availability_in_the_past_or_ending_before_they_start_are_refused() {
        expect(200, setAvailability(club.coach, mondayMornings("UTC")));
        Instant nextMonday = LocalDate.now(ZoneOffset.UTC).plusDays(7)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);

        assertThat(club.book(club.athlete, club.coach, nextMonday.plus(Duration.ofMinutes(150)), HOUR, null)
                .statusCode()).as("11:30-12:30 runs past the slot's end").isEqualTo(422);
        // nextMonday is 8 to 14 days ahead: 14 days back can be today after now (a Monday before 09:00)
        assertThat(club.book(club.athlete, club.coach, nextMonday.minus(Duration.ofDays(21)), HOUR, null)
                .statusCode()).as("in the past").isEqualTo(422);
        assertThat(club.book(club.athlete, club.coach, nextMonday, Duration.ZERO, null).statusCode())
                .as("ends when it starts").isEqualTo(400);
        assertThat(club.book(club.athlete, club.coach, nextMonday, HOUR, null).statusCode()).isEqualTo(201);
    }

    @Test
    void who_books_for_whom() {
        club.openAllWeek(club.coach);
        club.openAllWeek(club.otherCoach);

        assertThat(club.book(club.athlete, club.coach, nextWeekAt(8), HOUR, club.otherAthlete).statusCode())
                .as("an athlete books for themself only").isEqualTo(403);
        assertThat(club.book(club.coach, club.otherCoach, nextWeekAt(8), HOUR, club.athlete).statusCode())
                .as("a coach books on their own calendar only").isEqualTo(403);
        assertThat(club.book(club.coach, club.coach, nextWeekAt(9), HOUR, club.athlete).statusCode()).isEqualTo(201);
        assertThat(club.book(club.scheduler, club.otherCoach, nextWeekAt(9), HOUR, club.athlete).statusCode())
                .isEqualTo(201);
        assertThat(club.book(club.admin, club.coach, nextWeekAt(11), HOUR, club.otherAthlete).statusCode())
                .isEqualTo(201);
    }

    @Test
    void participants_list_their_own_sessions_scheduler_and_admin_all_with_filters_and_cursor() {
        club.openAllWeek(club.coach);
        club.openAllWeek(club.otherCoach);
        expect(201, club.book(club.athlete, club.coach, nextWeekAt(8), HOUR, null));
        expect(201, club.book(club.otherAthlete, club.coach, nextWeekAt(9), HOUR, null));
        expect(201, club.book(club.otherAthlete, club.otherCoach, nextWeekAt(10), HOUR, null));

        assertThat(ids(club.athlete, "")).hasSize(1);
        assertThat(ids(club.coach, "")).hasSize(2);
        assertThat(ids(club.scheduler, "")).hasSize(3);
        assertThat(ids(club.admin, "?coachId=" + club.otherCoach.id())).hasSize(1);
        assertThat(ids(club.scheduler, "?from=" + nextWeekAt(9) + "&status=SCHEDULED")).hasSize(2);
        JsonNode firstPage = json(expect(200, club.get("/scheduling/sessions?limit=2", club.admin)));
        JsonNode secondPage = json(expect(200, club.get("/scheduling/sessions?limit=2&cursor="
                + firstPage.path("nextCursor").asText(), club.admin)));
        assertThat(firstPage.path("items")).hasSize(2);
        assertThat(secondPage.path("items")).hasSize(1);
        assertThat(club.get("/scheduling/sessions?status=DONE", club.admin).statusCode()).isEqualTo(400);
    }

    private List<String> ids(Member member, String query) {
        JsonNode page = json(expect(200, club.get("/scheduling/sessions" + query, member)));
        return StreamSupport.stream(page.path("items").spliterator(), false).map(s -> s.path("id").asText()).toList();
    }

    @Test
    void a_cancelled_session_frees_its_slot_and_cannot_be_cancelled_twice() {
        club.openAllWeek(club.coach);
        String id = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null))).path("id").asText();
        String cancel = "/scheduling/sessions/" + id + "/cancel";

        assertThat(club.send("POST", cancel, Map.of("reason", "x"), club.otherAthlete.token()).statusCode())
                .as("not their session").isEqualTo(404);
        JsonNode cancelled = json(expect(200, club.send("POST", cancel, Map.of("reason", "ill"), club.athlete.token())));

        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelReason").asText()).isEqualTo("ill");
        assertThat(club.send("POST", cancel, null, club.coach.token()).statusCode()).isEqualTo(409);
        assertThat(club.book(club.otherAthlete, club.coach, nextWeekAt(10), HOUR, null).statusCode()).isEqualTo(201);
    }

    @Test
    void a_session_names_a_space_the_booker_may_read_and_no_other() {
        club.openAllWeek(club.coach);
        String open = json(expect(201, club.send("POST", "/spaces", Map.of("name", "Juniors", "isPrivate", false),
                club.coach.token()))).path("id").asText();
        String hidden = json(expect(201, club.send("POST", "/spaces", Map.of("name", "Staff", "isPrivate", true),
                club.coach.token()))).path("id").asText();

        JsonNode session = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(8), HOUR, null,
                Map.of("spaceId", open))));

        assertThat(session.path("spaceId").asText()).isEqualTo(open);
        assertThat(club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null, Map.of("spaceId", hidden))
                .statusCode()).as("a private space of others").isEqualTo(404);
        assertThat(club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null,
                Map.of("spaceId", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
    }

    @Test
    void a_scheduler_and_an_admin_cancel_anyones_session() {
        club.openAllWeek(club.coach);
        for (Member canceller : List.of(club.scheduler, club.admin)) {
            String id = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null)))
                    .path("id").asText();

            JsonNode cancelled = json(expect(200, club.send("POST", "/scheduling/sessions/" + id + "/cancel",
                    Map.of("reason", "court closed"), canceller.token())));

            assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void booking_and_cancelling_notify_coach_and_athlete() {
        club.openAllWeek(club.coach);
        String id = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null))).path("id").asText();
        expect(200, club.send("POST", "/scheduling/sessions/" + id + "/cancel", null, club.coach.token()));

        for (Member member : List.of(club.coach, club.athlete)) {
            eventually(() -> notificationTypes(member).containsAll(List.of("session.scheduled", "session.cancelled")),
                    "session notifications of " + member.id());
        }
        assertThat(notificationTypes(club.otherAthlete)).isEmpty();
    }

    private List<String> notificationTypes(Member member) {
        JsonNode page = json(expect(200, club.get("/notifications", member)));
        return StreamSupport.stream(page.path("items").spliterator(), false).map(n -> n.path("type").asText()).toList();
    }

    @Test
    void the_calendar_feed_serves_the_callers_sessions_as_icalendar_until_the_token_is_rotated() {
        club.openAllWeek(club.coach);
        String kept = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(9), HOUR, null,
                Map.of("notes", "Aufschläge üben, Schläger mitbringen: Übungen für Schwünge ".repeat(3)))))
                .path("id").asText();
        String dropped = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(11), HOUR, null))).path("id").asText();
        expect(200, club.send("POST", "/scheduling/sessions/" + dropped + "/cancel", null, club.athlete.token()));
        expect(201, club.book(club.otherAthlete, club.coach, nextWeekAt(13), HOUR, null));

        JsonNode issued = json(expect(200, club.send("POST", "/auth/me/calendar-token", null, club.athlete.token())));
        URI feedUrl = URI.create(issued.path("feedUrl").asText());
        HttpResponse<String> feed = club.http.get("/scheduling/calendar.ics?" + feedUrl.getRawQuery());

        assertThat(feedUrl.getHost()).isEqualTo("api.club.test");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("UID:" + kept + "@coachkit", "UID:" + dropped + "@coachkit", "STATUS:CANCELLED",
                        "DTSTART:" + nextWeekAt(9).toString().replace("-", "").replace(":", ""));
        assertThat(feed.body().split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertThat(feed.body().replace("\r\n ", "")).contains("DESCRIPTION:Aufschläge üben\\, Schläger");
        assertThat(feed.body().split("BEGIN:VEVENT")).as("only the athlete's two sessions").hasSize(3);

        expect(200, club.send("POST", "/auth/me/calendar-token", null, club.athlete.token()));
        assertThat(club.http.get("/scheduling/calendar.ics?" + feedUrl.getRawQuery()).statusCode()).isEqualTo(404);
        assertThat(club.http.get("/scheduling/calendar.ics?token=nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void a_paid_booking_is_held_until_the_athlete_pays_on_the_local_checkout_page() {
        Map<String, Object> creditOnly = new HashMap<>(Map.of("timeZone", "UTC", "requiresCredit", true,
                "slots", List.of(Map.of("dayOfWeek", nextWeekAt(10).atZone(ZoneOffset.UTC).getDayOfWeek().name(),
                        "startTime", "08:00", "endTime", "18:00"))));
        assertThat(json(expect(200, club.send("POST", "/scheduling/availability", creditOnly, club.coach.token())))
                .path("requiresCredit").asBoolean()).isTrue();
        String product = json(expect(201, club.send("POST", "/payments/products", Map.of("name",
                "<script>alert(1)</script> pack", "credits", 1, "priceCents", 4_500, "currency", "EUR"),
                club.admin.token()))).path("id").asText();

        expect(402, club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null));
        JsonNode held = json(expect(201, club.book(club.athlete, club.coach, nextWeekAt(10), HOUR, null,
                Map.of("productId", product))));
        assertThat(held.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        URI checkout = URI.create(held.path("order").path("checkoutUrl").asText());
        assertThat(checkout.getHost()).isEqualTo("api.club.test");
        expect(409, club.book(club.otherAthlete, club.coach, nextWeekAt(10), HOUR, null, Map.of("productId", product)));

        HttpResponse<String> page = club.http.get(checkout.getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Pay", "Decline", "&lt;script&gt;").doesNotContain("<script>");
        HttpResponse<String> paid = club.http.postForm(checkout.getPath(), "outcome=paid");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location").orElseThrow()).endsWith(checkout.getPath());
        assertThat(club.http.get(checkout.getPath()).body()).contains("PAID").doesNotContain("<button");

        JsonNode session = json(expect(200, club.get("/scheduling/sessions?athleteId=" + club.athlete.id(),
                club.athlete))).path("items").get(0);
        assertThat(session.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(session.path("paidWith").asText()).isEqualTo("CREDIT");
        eventually(() -> notificationTypes(club.athlete).contains("order.paid"), "the buyer hears of the payment");
        assertThat(club.send("POST", "/payments/webhooks/stripe", Map.of("id", "evt_1"), null).statusCode())
                .as("no Stripe webhook beside the local provider").isEqualTo(404);
    }

    @Test
    void the_api_document_describes_every_scheduling_route() {
        JsonNode paths = json(expect(200, club.http.get("/openapi.json"))).path("paths");

        assertThat(paths.at("/~1scheduling~1availability/post/requestBody").isMissingNode()).isFalse();
        assertThat(paths.at("/~1scheduling~1availability~1{coachId}/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1scheduling~1sessions~1book/post/responses/409").isMissingNode()).isFalse();
        assertThat(paths.at("/~1scheduling~1sessions/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1scheduling~1sessions~1{id}~1cancel/post").isMissingNode()).isFalse();
        assertThat(paths.at("/~1auth~1me~1calendar-token/post").isMissingNode()).isFalse();
        assertThat(paths.at("/~1scheduling~1calendar.ics/get/responses/200/content/text~1calendar").isMissingNode())
                .isFalse();
    }
}
