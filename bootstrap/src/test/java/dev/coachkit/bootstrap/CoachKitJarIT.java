package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.JarProcess.JAR;
import static dev.coachkit.bootstrap.JarProcess.freePort;
import static dev.coachkit.bootstrap.JarProcess.java;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as users run it: {@code java -jar bootstrap/target/coachkit.jar serve}. */
class CoachKitJarIT {

    @TempDir
    Path workDir;

    private JarProcess server;

    @AfterEach
    void kill() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serve_with_no_configuration_starts_single_node_mode_and_stops_cleanly_on_sigterm() throws Exception {
        int port = freePort();
        Path dataDir = workDir.resolve("data");
        server = JarProcess.serve(workDir, port, dataDir);

        HttpProbe http = new HttpProbe(port);
        server.awaitHealthy(port);
        assertThat(http.get("/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/metrics").body()).contains("hikaricp_connections");
        assertThat(http.get("/openapi.json").body()).contains("\"openapi\"");
        assertThat(http.get("/docs").statusCode()).isEqualTo(200);
        String accessToken = registerAndSignIn(http);
        var me = http.send("GET", "/auth/me", null, accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        String tenantId = me.body().replaceAll(".*\"tenant\":\\{\"id\":\"([^\"]+)\".*", "$1");
        var invited = http.send("POST", "/tenants/" + tenantId + "/invite",
                "{\"email\":\"bo@example.com\",\"role\":\"ATHLETE\"}", accessToken);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String acceptToken = invited.body().replaceAll(".*\"acceptToken\":\"([^\"]+)\".*", "$1");
        server.awaitLog("to bo@example.com, subject: You are invited to join CoachKit as ATHLETE");

        server.stop(); // SIGTERM, and the exit within a minute
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();
        List<JsonNode> lines = jsonLines(server.log());
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("stopping"));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).startsWith("POST /tenants/{id}/invite 201");
            assertThat(line.path("tenantId").asText()).isEqualTo(tenantId);
            assertThat(line.path("requestId").asText()).isNotBlank();
        });
        assertThat(server.log()).as("secrets in the log").doesNotContain(acceptToken, accessToken, "correct horse battery");

        server = JarProcess.serve(workDir, port, dataDir);
        server.awaitHealthy(port);
        assertThat(http.get("/ready").statusCode()).as("restart on the kept data directory").isEqualTo(200);
        assertThat(http.send("GET", "/auth/me", null, accessToken).statusCode())
                .as("the signing key and the account survived the restart").isEqualTo(200);
    }

    /** The README's flow: register, then sign in with the same credentials. */
    private static String registerAndSignIn(HttpProbe http) {
        String credentials = "\"email\":\"ann@example.com\",\"password\":\"correct horse battery\"";
        var registered = http.send("POST", "/auth/register", "{" + credentials
                + ",\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"organizationName\":\"Riverside Tennis\"}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var login = http.send("POST", "/auth/login", "{" + credentials + "}", null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void help_prints_usage_and_unknown_settings_are_refused() throws Exception {
        Process help = new ProcessBuilder(java(), "-jar", JAR.toString(), "help")
                .redirectErrorStream(true).start();
        String usage = new String(help.getInputStream().readAllBytes());
        assertThat(help.waitFor()).isZero();
        assertThat(usage).contains("serve", "migrate", "COACHKIT_DATABASE_URL");

        ProcessBuilder misconfigured = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve")
                .redirectErrorStream(true);
        misconfigured.environment().put("COACHKIT_PROT", "8080");
        Process refused = misconfigured.start();
        String message = new String(refused.getInputStream().readAllBytes());
        assertThat(refused.waitFor()).isEqualTo(2);
        assertThat(message).contains("COACHKIT_PROT is not a CoachKit setting");
    }

    /** The process log as users' log shippers read it: every line one JSON object. */
    private static List<JsonNode> jsonLines(String log) {
        ObjectMapper json = new ObjectMapper();
        return log.lines().map(line -> {
            try {
                JsonNode node = json.readTree(line);
                if (node == null || !node.isObject()) {
                    throw new AssertionError("not a JSON object log line: " + line);
                }
                return node;
            } catch (IOException notJson) {
                throw new AssertionError("not a JSON log line: " + line, notJson);
            }
        }).toList();
    }
}
