package dev.coachkit.adapters.http.identity;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.testing.OpenApiResponseCheck;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwksRoutesTest {

    private static final Map<String, String> RSA = ordered("kty", "RSA", "kid", "rsa-kid", "use", "sig", "alg", "RS256",
            "n", "0vx7agoebGcQ", "e", "AQAB");
    private static final Map<String, String> EC = ordered("kty", "EC", "kid", "ec-kid", "use", "sig", "alg", "ES256",
            "crv", "P-256", "x", "f83OJ3D2", "y", "x_FEzRu9");

    @Test
    void publishes_the_keys_without_a_token_cacheable_and_as_documented() {
        try (TestServer server = aServer().routes(new JwksRoutes(() -> List.of(EC, RSA))).start()) {
            TestResponse response = server.get("/.well-known/jwks.json");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
            JsonNode keys = response.json().get("keys");
            assertThat(response.json().size()).isEqualTo(1);
            assertThat(keys).hasSize(2);
            assertThat(fields(keys.get(0))).containsExactly("kty", "kid", "use", "alg", "crv", "x", "y");
            assertThat(fields(keys.get(1))).containsExactly("kty", "kid", "use", "alg", "n", "e");
            assertThat(keys.get(1).get("n").asText()).isEqualTo("0vx7agoebGcQ");
            assertThat(new OpenApiResponseCheck(server.get("/openapi.json").body()).problems("GET",
                    "/.well-known/jwks.json", response.status(), response.contentType(), response.body())).isEmpty();
        }
    }

    @Test
    void an_hs256_server_publishes_an_empty_set() {
        try (TestServer server = aServer().routes(new JwksRoutes(List::of)).start()) {
            TestResponse response = server.get("/.well-known/jwks.json");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"keys\":[]}");
        }
    }

    @Test
    void reads_the_keys_on_every_request() {
        List<Map<String, String>> published = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(RSA));
        try (TestServer server = aServer().routes(new JwksRoutes(() -> published)).start()) {
            assertThat(server.get("/.well-known/jwks.json").json().get("keys")).hasSize(1);
            published.add(EC);

            assertThat(server.get("/.well-known/jwks.json").json().get("keys")).hasSize(2);
        }
    }

    @Test
    void is_documented_as_a_public_operation() {
        try (TestServer server = aServer().routes(new JwksRoutes(List::of)).start()) {
            JsonNode operation = server.get("/openapi.json").json().at("/paths/~1.well-known~1jwks.json/get");

            assertThat(operation.get("operationId").asText()).isEqualTo("getJwks");
            assertThat(operation.get("security")).as("no bearer token").isEmpty();
            assertThat(operation.at("/responses/200/content/application~1json/example/keys")).hasSize(2);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
