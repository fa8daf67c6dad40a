package dev.coachkit.adapters.http.security;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.adapters.http.testing.WhoAmIRoutes;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    @Test
    void forwarded_for_is_honoured_from_a_trusted_proxy() {
        try (TestServer server = aServer().routes(new WhoAmIRoutes())
                .settings(s -> s.withTrustedProxies(List.of("127.0.0.0/8"))).start()) {
            assertThat(clientIp(server, "6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void forwarded_for_is_ignored_from_an_untrusted_peer() {
        try (TestServer server = aServer().routes(new WhoAmIRoutes())
                .settings(s -> s.withTrustedProxies(List.of("10.0.0.0/8"))).start()) {
            assertThat(clientIp(server, "203.0.113.7")).isEqualTo("127.0.0.1");
        }
    }

    private static String clientIp(TestServer server, String forwardedFor) {
        TestResponse response = server.send(HttpRequest.newBuilder(server.uri("/test/whoami"))
                .header("X-Forwarded-For", forwardedFor).GET());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("clientIp").asText();
    }
}
