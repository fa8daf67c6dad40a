package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.JarProcess.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.bootstrap.ApiClient.Session;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-node server killed with SIGKILL while a client writes. Its embedded PostgreSQL is a
 * daemon and outlives it, holding the data directory; the very next start must stop that orphan and
 * come up, and every post the server acknowledged before it died must still be there.
 */
class SingleNodeKilledIT {

    /** Acknowledged posts to wait for before the kill, so the kill lands amid a stream of writes. */
    private static final int POSTS_BEFORE_KILL = 20;

    @TempDir
    Path workDir;

    private JarProcess server;

    @AfterEach
    void stopWhatIsLeft() {
        if (server != null && server.isAlive()) {
            server.kill();
        }
        // a failed run may leave the embedded PostgreSQL running: do not leak it into other tests
        StalePostmaster.stopIfOrphaned(workDir.resolve("data/postgres"));
    }

    @Test
    void the_first_start_after_a_kill_amid_writes_is_ready_and_keeps_every_acknowledged_write() throws Exception {
        int port = freePort();
        Path dataDir = workDir.resolve("data");
        server = JarProcess.serve(workDir, port, dataDir).awaitHealthy(port);
        ApiClient api = new ApiClient(port);
        Session admin = api.registerAdmin();
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Squad", "isPrivate", false), admin)
                .path("id").asText();

        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> writeUntilTheServerIsGone(api, admin,
                space, acknowledged));
        Await.until(() -> acknowledged.size() >= POSTS_BEFORE_KILL, Duration.ofSeconds(60),
                POSTS_BEFORE_KILL + " posts acknowledged");
        assertThat(server.kill()).as("128 + SIGKILL").isEqualTo(137);
        writing.get(30, TimeUnit.SECONDS);
        assertThat(StalePostmaster.orphan(dataDir.resolve("postgres")))
                .as("the embedded PostgreSQL outlived the killed server").isPresent();

        server = JarProcess.serve(workDir, port, dataDir).awaitHealthy(port);
        assertThat(api.http().get("/ready").statusCode()).as("the first start after the kill").isEqualTo(200);
        for (String post : acknowledged) {
            assertThat(api.send("GET", "/posts/" + post, null, admin).statusCode())
                    .as("post %s, acknowledged before the kill", post).isEqualTo(200);
        }
    }

    /** Creates posts one after another, keeping the id of each one answered 201, until a request fails. */
    private static void writeUntilTheServerIsGone(ApiClient api, Session author, String space,
            List<String> acknowledged) {
        for (int i = 0; ; i++) {
            HttpResponse<String> response;
            try {
                response = api.send("POST", "/posts", Map.of("spaceId", space, "type", "TEXT",
                        "content", "Post " + i), author);
            } catch (IllegalStateException connectionLost) {
                return;
            }
            if (response.statusCode() == 201) {
                acknowledged.add(ApiClient.json(response).path("id").asText());
            }
        }
    }
}
