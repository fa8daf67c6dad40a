package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spaces, posts, comments and the feed over HTTP on the wired server (PostgreSQL with RLS, the
 * in-process event backbone delivering notifications). Each test builds its own organization.
 */
class CommunityEndToEndTest {

    @RegisterExtension
    static final WiredServer SERVER = new WiredServer();

    private ApiClient api;
    private Session admin;
    private Session coach;
    private Session athlete;

    @BeforeEach
    void organization() {
        api = SERVER.client();
        admin = api.registerAdmin();
        coach = api.join(admin, "COACH");
        athlete = api.join(admin, "ATHLETE");
    }

    @Test
    void the_seed_flow_register_create_a_space_post_and_comment() {
        JsonNode space = createSpace(admin, "My Training Space", false);
        assertThat(space.path("ownerId").asText()).isEqualTo(admin.userId());
        assertThat(space.path("memberCount").asInt()).isEqualTo(1);
        assertThat(space.path("isPrivate").asBoolean()).isFalse();

        JsonNode post = post(admin, space, "First post here");
        JsonNode comment = api.expect(201, "POST", "/posts/" + id(post) + "/comments", Map.of("content", "Welcome!"),
                admin);

        JsonNode read = api.expect(200, "GET", "/posts/" + id(post), null, admin);
        assertThat(read.path("type").asText()).isEqualTo("TEXT");
        assertThat(read.path("commentCount").asInt()).isEqualTo(1);
        assertThat(read.path("comments").get(0).path("id").asText()).isEqualTo(id(comment));
        assertThat(read.path("comments").get(0).path("authorId").asText()).isEqualTo(admin.userId());
        assertThat(ids(api.expect(200, "GET", "/posts", null, admin))).containsExactly(id(post));
    }

    @Test
    void a_private_space_is_404_to_non_members_until_its_owner_adds_them() {
        JsonNode space = createSpace(coach, "Crew", true);
        String path = "/spaces/" + id(space);

        api.expect(404, "GET", path, null, athlete);
        api.expect(403, "POST", "/spaces", Map.of("name", "Mine", "isPrivate", false), athlete);
        api.expect(201, "POST", path + "/members", Map.of("userId", athlete.userId()), coach);

        JsonNode read = api.expect(200, "GET", path, null, athlete);
        assertThat(read.path("memberCount").asInt()).isEqualTo(2);
        assertThat(read.path("members")).extracting(member -> member.path("role").asText())
                .containsExactly("OWNER", "MEMBER");
        assertThat(ids(api.expect(200, "GET", "/spaces", null, athlete))).containsExactly(id(space));

        api.expect(403, "POST", path + "/members", Map.of("userId", coach.userId()), athlete);
        api.expect(409, "POST", path + "/members", Map.of("userId", athlete.userId()), coach);
        JsonNode notMember = api.expect(422, "POST", path + "/members", Map.of("userId", UUID.randomUUID()), coach);
        assertThat(notMember.path("detail").asText()).contains("organization");
        api.expect(422, "DELETE", path + "/members/" + coach.userId(), null, admin);
        api.expect(204, "DELETE", path + "/members/" + athlete.userId(), null, admin);
        api.expect(404, "GET", path, null, athlete);
        api.expect(404, "DELETE", path + "/members/" + athlete.userId(), null, admin);
    }

    @Test
    void a_public_space_is_readable_by_every_member_but_only_its_members_post() {
        JsonNode space = createSpace(coach, "Open water", false);
        JsonNode post = post(coach, space, "Anyone can read this");

        assertThat(api.expect(200, "GET", "/spaces/" + id(space), null, athlete).path("name").asText())
                .isEqualTo("Open water");
        assertThat(ids(api.expect(200, "GET", "/posts", null, athlete))).containsExactly(id(post));
        api.expect(403, "POST", "/posts", Map.of("spaceId", id(space), "type", "TEXT", "content", "Me too"), athlete);
        api.expect(403, "POST", "/posts/" + id(post) + "/comments", Map.of("content", "Nice"), athlete);
        api.expect(403, "PATCH", "/spaces/" + id(space), Map.of("isPrivate", true), athlete);

        JsonNode edited = api.expect(200, "PATCH", "/spaces/" + id(space), Map.of("isPrivate", true), coach);
        assertThat(edited.path("name").asText()).isEqualTo("Open water");
        api.expect(404, "GET", "/posts/" + id(post), null, athlete);
    }

    @Test
    void the_feed_pages_over_many_posts_without_duplicates_or_gaps_while_posts_come_and_go() {
        JsonNode space = createSpace(coach, "Busy", false);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            newestFirst.add(0, id(post(coach, space, "Post " + i)));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.expect(200, "GET", "/posts?limit=10" + (cursor == null ? "" : "&cursor=" + cursor),
                    null, athlete);
            seen.addAll(ids(page));
            if (pages == 0) {
                post(coach, space, "Arrived while paging");
                api.expect(204, "DELETE", "/posts/" + newestFirst.get(25), null, coach);
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);

        List<String> expected = new ArrayList<>(newestFirst);
        expected.remove(25);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        assertThat(ids(api.expect(200, "GET", "/posts", null, athlete))).hasSize(20);
        api.expect(400, "GET", "/posts?limit=0", null, athlete);
        api.expect(400, "GET", "/posts?limit=101", null, athlete);
        api.expect(400, "GET", "/posts?cursor=not-a-cursor", null, athlete);
        api.expect(400, "GET", "/posts?spaceId=nope", null, athlete);
    }

    @Test
    void another_organization_cannot_see_or_touch_anything_of_this_one() {
        JsonNode space = createSpace(coach, "Ours", false);
        JsonNode post = post(coach, space, "Internal");
        Session stranger = SERVER.client().registerAdmin();

        api.expect(404, "GET", "/spaces/" + id(space), null, stranger);
        api.expect(404, "GET", "/posts/" + id(post), null, stranger);
        api.expect(404, "GET", "/posts?spaceId=" + id(space), null, stranger);
        api.expect(404, "POST", "/posts", Map.of("spaceId", id(space), "type", "TEXT", "content", "Hi"), stranger);
        api.expect(404, "POST", "/posts/" + id(post) + "/comments", Map.of("content", "Hi"), stranger);
        api.expect(404, "DELETE", "/posts/" + id(post), null, stranger);
        api.expect(404, "PATCH", "/spaces/" + id(space), Map.of("name", "Taken"), stranger);
        api.expect(404, "POST", "/spaces/" + id(space) + "/members", Map.of("userId", stranger.userId()), stranger);
        assertThat(ids(api.expect(200, "GET", "/posts", null, stranger))).isEmpty();
        api.expect(422, "POST", "/spaces/" + id(space) + "/members", Map.of("userId", stranger.userId()), coach);
    }

    @Test
    void the_author_an_owner_or_an_admin_deletes_a_post_and_its_comments_vanish() {
        Session otherAthlete = api.join(admin, "ATHLETE");
        JsonNode space = createSpace(coach, "Crew", true);
        addMember(space, athlete);
        addMember(space, otherAthlete);
        JsonNode mine = post(athlete, space, "Mine");
        JsonNode theirs = post(otherAthlete, space, "Theirs");
        api.expect(201, "POST", "/posts/" + id(mine) + "/comments", Map.of("content", "Reply"), otherAthlete);

        api.expect(403, "DELETE", "/posts/" + id(mine), null, otherAthlete);
        api.expect(204, "DELETE", "/posts/" + id(mine), null, athlete);
        api.expect(204, "DELETE", "/posts/" + id(theirs), null, coach);

        api.expect(404, "GET", "/posts/" + id(mine), null, athlete);
        api.expect(404, "GET", "/posts/" + id(mine) + "/comments", null, athlete);
        api.expect(404, "DELETE", "/posts/" + id(mine), null, admin);
        assertThat(ids(api.expect(200, "GET", "/posts", null, admin))).isEmpty();
    }

    @Test
    void posts_carry_only_media_their_author_may_see_and_share_it_with_the_space() {
        Session outsider = api.join(admin, "ATHLETE");
        JsonNode space = createSpace(coach, "Video review", true);
        addMember(space, athlete);
        String clip = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "stroke.mp4",
                "contentType", "video/mp4", "sizeBytes", 1024), coach).path("mediaId").asText();
        api.expect(404, "GET", "/media/" + clip, null, athlete);
        JsonNode exposed = api.expect(422, "POST", "/posts", Map.of("spaceId", id(space), "type", "MEDIA",
                "content", "Look what I found", "mediaIds", List.of(clip)), athlete);
        assertThat(exposed.path("detail").asText()).contains("mediaIds").contains(clip);
        api.expect(404, "GET", "/media/" + clip, null, athlete);

        JsonNode post = api.expect(201, "POST", "/posts", Map.of("spaceId", id(space), "type", "MEDIA",
                "content", "Watch the catch", "mediaIds", List.of(clip)), coach);

        assertThat(post.path("mediaIds").get(0).asText()).isEqualTo(clip);
        assertThat(api.expect(200, "GET", "/media/" + clip, null, athlete).path("id").asText()).isEqualTo(clip);
        api.expect(404, "GET", "/media/" + clip, null, outsider);
        JsonNode unknown = api.expect(422, "POST", "/posts", Map.of("spaceId", id(space), "type", "MEDIA",
                "content", "Not ours", "mediaIds", List.of(UUID.randomUUID())), coach);
        assertThat(unknown.path("detail").asText()).contains("mediaIds");
        api.expect(204, "DELETE", "/posts/" + id(post), null, coach);
        api.expect(404, "GET", "/media/" + clip, null, athlete);
    }

    @Test
    void members_are_notified_of_new_posts_and_authors_of_comments_by_others() {
        JsonNode space = createSpace(coach, "Crew", true);
        addMember(space, athlete);
        JsonNode post = post(coach, space, "Session moved to 7:00");
        api.expect(201, "POST", "/posts/" + id(post) + "/comments", Map.of("content", "Noted"), coach);
        api.expect(201, "POST", "/posts/" + id(post) + "/comments", Map.of("content", "See you"), athlete);

        JsonNode forAthlete = api.awaitNotification(athlete, "post.created");
        JsonNode forCoach = api.awaitNotification(coach, "comment.created");

        assertThat(forAthlete.path("subjectId").asText()).isEqualTo(id(post));
        assertThat(forAthlete.path("title").asText()).isEqualTo("New post in Crew");
        assertThat(forCoach.path("subjectId").asText()).isEqualTo(id(post));
        assertThat(api.expect(200, "GET", "/notifications", null, coach).path("items")).hasSize(1);
    }

    @Test
    void text_is_stored_verbatim_and_invalid_input_names_the_field() {
        JsonNode space = createSpace(coach, "Ünïcödé 🚣 مرحبا", false);
        String content = "  Line one\n\tLine two — 🏋️‍♀️ שלום  ";
        JsonNode post = api.expect(201, "POST", "/posts", Map.of("spaceId", id(space), "type", "TEXT",
                "title", "Größe", "content", content), coach);

        JsonNode read = api.expect(200, "GET", "/posts/" + id(post), null, coach);
        assertThat(read.path("content").asText()).isEqualTo(content);
        assertThat(read.path("title").asText()).isEqualTo("Größe");
        assertThat(space.path("name").asText()).isEqualTo("Ünïcödé 🚣 مرحبا");

        assertThat(fieldsOf(api.expect(400, "POST", "/posts", Map.of("spaceId", id(space), "type", "TEXT",
                "title", "t".repeat(201), "content", "x"), coach))).containsExactly("title");
        assertThat(fieldsOf(api.expect(400, "POST", "/posts", Map.of("spaceId", id(space), "type", "TEXT",
                "content", "x".repeat(10_001)), coach))).containsExactly("content");
        assertThat(fieldsOf(api.expect(400, "POST", "/posts", Map.of("spaceId", id(space), "type", "TEXT"), coach)))
                .containsExactly("content");
        assertThat(fieldsOf(api.expect(400, "POST", "/posts", Map.of("spaceId", id(space), "type", "MEDIA",
                "content", "clip"), coach))).containsExactly("mediaIds");
        assertThat(fieldsOf(api.expect(400, "POST", "/spaces", Map.of("name", "n".repeat(101), "isPrivate", false),
                coach))).containsExactly("name");
        assertThat(fieldsOf(api.expect(400, "POST", "/spaces", Map.of("name", "No privacy"), coach)))
                .containsExactly("isPrivate");
        api.expect(400, "POST", "/posts/" + id(post) + "/comments", Map.of("content", " "), coach);
    }

    private JsonNode createSpace(Session as, String name, boolean isPrivate) {
        return api.expect(201, "POST", "/spaces", Map.of("name", name, "description", "", "isPrivate", isPrivate), as);
    }

    private void addMember(JsonNode space, Session member) {
        api.expect(201, "POST", "/spaces/" + id(space) + "/members", Map.of("userId", member.userId()), coach);
    }

    private JsonNode post(Session as, JsonNode space, String content) {
        Map<String, Object> body = new HashMap<>(Map.of("spaceId", id(space), "type", "TEXT", "content", content));
        return api.expect(201, "POST", "/posts", body, as);
    }



    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        return ids;
    }

    private static List<String> fieldsOf(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
