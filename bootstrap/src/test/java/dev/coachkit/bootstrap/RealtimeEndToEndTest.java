package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import dev.coachkit.bootstrap.EventStreamClient.Event;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /realtime} over real HTTP on one server shared by the class: who receives what, tickets, resume
 * and reset, a removal from a space, a sign-out, leaving the organization, the per-account limit, WebSocket. Tokens are rechecked every second
 * here, and an account holds at most three streams.
 */
class RealtimeEndToEndTest {

    private static CoachKitServer server;
    private static ApiClient api;
    private static Session admin;
    private static Session athlete;
    private static String privateSpace;
    private static String publicSpace;

    private final List<EventStreamClient> streams = new ArrayList<>();

    @BeforeAll
    static void start() {
        Map<String, String> environment = new HashMap<>(HostileInputEndToEndTest.UNLIMITED);
        environment.put("COACHKIT_REALTIME_RECHECK_SECONDS", "1");
        environment.put("COACHKIT_REALTIME_STREAMS_PER_ACCOUNT", "3");
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(
                TestDatabase.createOn(PostgresServer.shared()), environment)));
        api = new ApiClient(server.port());
        admin = api.registerAdmin();
        athlete = api.join(admin, "ATHLETE");
        privateSpace = space(admin, true);
        publicSpace = space(admin, false);
        api.expect(201, "POST", "/spaces/" + privateSpace + "/members", Map.of("userId", athlete.userId()), admin);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(EventStreamClient::close);
    }

    private static String space(Session owner, boolean isPrivate) {
        return api.expect(201, "POST", "/spaces", Map.of("name", "Squad", "isPrivate", isPrivate), owner)
                .path("id").asText();
    }

    private static String post(Session author, String space) {
        return api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content", "Drills"), author)
                .path("id").asText();
    }

    private EventStreamClient subscribe(Session as) {
        return track(EventStreamClient.open(server.port(), as));
    }

    private EventStreamClient subscribe(String pathAndQuery, Map<String, String> headers) {
        return track(EventStreamClient.open(server.port(), pathAndQuery, headers));
    }

    private EventStreamClient track(EventStreamClient stream) {
        streams.add(stream);
        return stream;
    }

    private EventStreamClient live(Session as, String readableSpace) {
        return subscribe(as).awaitLive(() -> post(admin, readableSpace));
    }

    @Test
    void a_member_receives_posts_and_comments_of_its_private_space_as_server_sent_events() {
        EventStreamClient stream = live(athlete, privateSpace);
        HttpResponse<?> response = stream.response();

        String postId = post(admin, privateSpace);
        String commentId = api.expect(201, "POST", "/posts/" + postId + "/comments", Map.of("content", "On it"), admin)
                .path("id").asText();

        Event post = stream.await("post.created", "postId", postId);
        Event comment = stream.await("comment.created", "commentId", commentId);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("X-Accel-Buffering")).contains("no");
        assertThat(post.data().path("spaceId").asText()).isEqualTo(privateSpace);
        assertThat(stream.events()).extracting(Event::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(stream.events().indexOf(comment)).isGreaterThan(stream.events().indexOf(post));
    }

    @Test
    void nothing_of_another_organization_arrives() {
        Session otherAdmin = api.registerAdmin();
        String theirSpace = space(otherAdmin, false);
        EventStreamClient stream = live(admin, publicSpace);

        String theirPost = post(otherAdmin, theirSpace);
        String ourPost = post(admin, publicSpace); // committed after theirs: once it is here, theirs was passed over

        stream.await("post.created", "postId", ourPost);
        assertThat(stream.events()).noneMatch(event -> event.data().path("postId").asText().equals(theirPost)
                || event.data().path("spaceId").asText().equals(theirSpace));
    }

    @Test
    void a_ticket_opens_one_stream_without_headers_and_only_once() {
        JsonNode ticket = api.expect(201, "POST", "/realtime/tickets", null, athlete);
        assertThat(Instant.parse(ticket.path("expiresAt").asText())).isBetween(Instant.now().plusSeconds(50),
                Instant.now().plusSeconds(61));

        EventStreamClient stream = subscribe("/realtime/events?ticket=" + ticket.path("ticket").asText(), Map.of());
        EventStreamClient again = subscribe("/realtime/events?ticket=" + ticket.path("ticket").asText(), Map.of());

        assertThat(stream.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        String postId = post(admin, privateSpace);
        stream.await("post.created", "postId", postId);
    }

    @Test
    void resuming_with_the_last_event_id_replays_what_was_missed_in_order_and_an_unknown_id_gets_a_reset() {
        EventStreamClient first = live(athlete, privateSpace);
        String lastSeen = first.events().get(first.events().size() - 1).id();
        first.close();
        String missedOne = post(admin, privateSpace);
        String missedTwo = post(admin, privateSpace);

        EventStreamClient resumed = subscribe("/realtime/events", Map.of("Authorization",
                "Bearer " + athlete.accessToken(), "Last-Event-ID", lastSeen));
        EventStreamClient fromQuery = subscribe("/realtime/events?lastEventId=" + lastSeen, Map.of("Authorization",
                "Bearer " + athlete.accessToken()));
        EventStreamClient tooOld = subscribe("/realtime/events?lastEventId=1-1", Map.of("Authorization",
                "Bearer " + admin.accessToken()));

        for (EventStreamClient stream : List.of(resumed, fromQuery)) {
            stream.await("post.created", "postId", missedTwo);
            // the athlete's notification.created events of the same posts come too; the posts are what was missed
            assertThat(stream.events()).filteredOn(event -> event.type().equals("post.created"))
                    .extracting(event -> event.data().path("postId").asText()).startsWith(missedOne, missedTwo)
                    .doesNotHaveDuplicates();
            assertThat(stream.events()).extracting(Event::id).doesNotHaveDuplicates();
        }
        tooOld.await("reset", event -> event.type().equals("reset"));
        assertThat(tooOld.events()).filteredOn(event -> event.type().equals("reset")).hasSize(1);
    }

    @Test
    void removal_from_a_space_stops_its_events_within_five_seconds() {
        Session member = api.join(admin, "ATHLETE");
        String space = space(admin, true);
        api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", member.userId()), admin);
        EventStreamClient stream = live(member, space);

        api.expect(204, "DELETE", "/spaces/" + space + "/members/" + member.userId(), null, admin);
        Instant removed = Instant.now();
        // after each private post comes a public one: when the public one arrives alone, the removal took effect
        String leaked;
        do {
            leaked = post(admin, space);
            stream.await("post.created", "postId", post(admin, publicSpace));
        } while (received(stream, leaked) && Instant.now().isBefore(removed.plusSeconds(10)));

        assertThat(received(stream, leaked)).isFalse();
        assertThat(Duration.between(removed, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    private static boolean received(EventStreamClient stream, String postId) {
        return stream.events().stream().anyMatch(event -> event.data().path("postId").asText().equals(postId));
    }

    @Test
    void signing_out_ends_the_stream_with_the_reason() {
        Session member = api.join(admin, "ATHLETE");
        EventStreamClient stream = live(member, publicSpace);

        api.expect(204, "POST", "/auth/logout", Map.of("refreshToken", member.refreshToken()), member);

        Event end = stream.await("the end of the stream", event -> event.type().equals("end"));
        assertThat(end.data().path("reason").asText()).isEqualTo("REVOKED");
        stream.awaitEnd();
    }

    @Test
    void leaving_the_organization_ends_the_stream() {
        Session member = api.join(admin, "ATHLETE");
        EventStreamClient stream = live(member, publicSpace);

        api.expect(202, "DELETE", "/admin/users/" + member.userId(), null, admin);

        Event end = stream.await("the end of the stream", event -> event.type().equals("end"));
        assertThat(end.data().path("reason").asText()).isEqualTo("REVOKED");
        stream.awaitEnd();
    }

    @Test
    void an_account_holds_at_most_its_limit_of_streams_and_the_next_one_is_refused_with_429() {
        Session member = api.join(admin, "COACH");
        for (int i = 0; i < 3; i++) {
            assertThat(subscribe(member).status()).isEqualTo(200);
        }

        EventStreamClient refused = subscribe(member);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.response().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void a_websocket_resumes_after_the_id_its_client_sends_first_then_gets_events_live_as_json_frames() {
        EventStreamClient sse = live(athlete, privateSpace);
        String lastSeen = sse.events().get(sse.events().size() - 1).id();
        String missed = post(admin, privateSpace);
        String ticket = api.expect(201, "POST", "/realtime/tickets", null, athlete).path("ticket").asText();

        try (WebSocketClient socket = WebSocketClient.connect(server.port(), "/realtime/ws?ticket=" + ticket)) {
            socket.send("{\"resume\":\"" + lastSeen + "\"}");
            JsonNode replayed = socket.await("the missed post", frame -> frame.at("/data/postId").asText().equals(missed));
            String next = post(admin, privateSpace);
            JsonNode live = socket.await("the next post", frame -> frame.at("/data/postId").asText().equals(next));

            assertThat(replayed.path("type").asText()).isEqualTo("post.created");
            assertThat(replayed.path("id").asText()).isEqualTo(sse.await("post.created", "postId", missed).id());
            assertThat(socket.frames().indexOf(live)).isGreaterThan(socket.frames().indexOf(replayed));
            assertThat(socket.frames()).extracting(frame -> frame.path("id").asText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_websocket_resumes_from_the_upgrade_url_at_once_and_a_resume_sent_after_the_stream_opened_closes_it() {
        EventStreamClient sse = live(athlete, privateSpace);
        String lastSeen = sse.events().get(sse.events().size() - 1).id();
        String missed = post(admin, privateSpace);
        String ticket = api.expect(201, "POST", "/realtime/tickets", null, athlete).path("ticket").asText();

        try (WebSocketClient socket = WebSocketClient.connect(server.port(),
                "/realtime/ws?ticket=" + ticket + "&lastEventId=" + lastSeen)) {
            socket.await("the missed post", frame -> frame.at("/data/postId").asText().equals(missed));

            socket.send("{\"resume\":\"" + lastSeen + "\"}");

            assertThat(socket.awaitClose()).as("a late resume cannot be honoured: the client must reconnect")
                    .isEqualTo(1008);
        }
    }

    @Test
    void a_websocket_without_a_valid_ticket_is_closed_with_a_policy_violation_and_plain_http_is_told_to_upgrade() {
        try (WebSocketClient noTicket = WebSocketClient.connect(server.port(), "/realtime/ws");
                WebSocketClient madeUp = WebSocketClient.connect(server.port(), "/realtime/ws?ticket=made-up")) {
            assertThat(noTicket.awaitClose()).isEqualTo(1008);
            assertThat(madeUp.awaitClose()).isEqualTo(1008);
        }
        HttpResponse<String> plain = api.send("GET", "/realtime/ws", null, athlete);
        assertThat(plain.statusCode()).isEqualTo(426);
        assertThat(plain.headers().firstValue("Upgrade")).contains("websocket");
    }

    @Test
    void a_stream_without_credentials_or_with_a_refused_token_is_unauthorized() {
        assertThat(subscribe("/realtime/events", Map.of()).status()).isEqualTo(401);
        assertThat(subscribe("/realtime/events", Map.of("Authorization", "Bearer forged")).status()).isEqualTo(401);
        assertThat(subscribe("/realtime/events?ticket=made-up", Map.of()).status()).isEqualTo(401);
    }
}
