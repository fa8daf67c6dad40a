package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, read as Compose reads it (anchors and merge keys resolved): the stack the
 * issue asks for, each CoachKit service configured with settings the server accepts, and the pieces
 * that must agree (queue, bucket, health checks) agreeing. There is no Docker engine here, so the
 * API's health check command runs against a real server with bash instead.
 */
class ComposeFileTest {

    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void the_stack_is_postgres_16_redis_7_sqs_s3_a_migration_two_apis_and_two_worker_processes() {
        assertThat(services).containsOnlyKeys("postgres", "redis", "sqs", "s3", "migrate", "api", "workers");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");
        assertThat(services.get("redis").get("image")).isEqualTo("redis:7");
        assertThat(command("migrate")).containsExactly("migrate");
        assertThat(command("api")).containsExactly("serve");
        assertThat(command("workers")).containsExactly("worker", "all");
        for (String scaled : List.of("api", "workers")) {
            assertThat(services.get(scaled).get("deploy")).as(scaled).isEqualTo(Map.of("replicas", 2));
            assertThat(services.get(scaled).get("build")).as(scaled + " is built from the Dockerfile").isEqualTo(".");
        }
        assertThat(environment("api")).containsEntry("COACHKIT_WORKERS", "none");
    }

    @Test
    void each_coachkit_service_is_configured_with_settings_the_server_accepts() {
        for (String service : List.of("migrate", "api", "workers")) {
            Map<String, String> environment = environment(service);
            assertThat(environment.keySet()).as(service).allSatisfy(name -> assertThat(Setting.isKnown(name))
                    .as("%s sets %s", service, name).isTrue());

            Configuration configuration = Configuration.from(environment); // throws on any invalid value

            assertThat(configuration.singleNode()).as(service).isFalse();
            assertThat(configuration.media().blobStore()).as(service).isEqualTo("s3");
            assertThat(configuration.events().sqsQueue()).as(service).isPresent();
        }
        assertThat(environment("migrate")).containsKey("COACHKIT_MIGRATION_DATABASE_URL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_queues_and_the_bucket_created_at_start_are_the_ones_the_servers_use() {
        Map<String, String> api = environment("api");
        String elasticMq = (String) ((Map<String, Object>) ((Map<String, Object>) compose.get("configs"))
                .get("elasticmq")).get("content");
        String queue = api.get("COACHKIT_SQS_QUEUE");

        assertThat(elasticMq).contains(queue + " {", queue + "-dlq {", "name = \"" + queue + "-dlq\"");
        assertThat(environment("s3")).containsEntry("COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS",
                api.get("COACHKIT_S3_BUCKET"));
    }

    @Test
    void every_long_running_service_with_a_probe_has_a_health_check() {
        for (String service : List.of("postgres", "redis", "s3", "api", "workers")) {
            assertThat(services.get(service)).as(service).containsKey("healthcheck");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_api_health_check_passes_on_a_ready_server_and_fails_on_a_closed_port() throws Exception {
        List<String> test = (List<String>) ((Map<String, Object>) services.get("api").get("healthcheck")).get("test");
        assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        String script = test.get(3);
        assertThat(script).contains("/dev/tcp/127.0.0.1/8080", "GET /ready");

        try (CoachKitServer server = CoachKitServer.start(Configuration.from(ExternalServers.environment(Map.of())))) {
            assertThat(bash(script.replace("/8080", "/" + server.port()))).as("exit status on a ready server").isZero();
        }
        assertThat(bash(script.replace("/8080", "/" + RedisServer.closedPort()))).as("on a closed port").isNotZero();
    }

    private static int bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("health check finished").isTrue();
        return process.exitValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String service) {
        return (List<String>) services.get(service).get("command");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new HashMap<>();
        ((Map<String, Object>) services.get(service).getOrDefault("environment", Map.of()))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }
}
