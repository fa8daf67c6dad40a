package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.coachkit.adapters.http.shared.RequestLogging;
import dev.coachkit.adapters.http.testing.LogCapture;
import dev.coachkit.adapters.http.testing.StubAuthentication;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.adapters.http.testing.WhoAmIRoutes;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLoggingTest {

    private static final String TENANT = StubAuthentication.TENANT.value().toString();
    private static final String ACCOUNT = StubAuthentication.ACCOUNT.value().toString();

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().routes(new TestRoutes()).routes(new WhoAmIRoutes()).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void an_authenticated_request_is_logged_with_its_request_id_tenant_and_account() {
        try (LogCapture log = LogCapture.capture()) {
            TestResponse response = server.get("/test/whoami");

            assertThat(response.status()).isEqualTo(200);
            assertThat(log.of(RequestLogging.ACCESS_LOGGER)).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.INFO);
                assertThat(line.getFormattedMessage()).matches("GET /test/whoami 200 \\d+ ms");
                assertThat(line.getMDCPropertyMap())
                        .containsEntry("requestId", response.header("X-Request-Id"))
                        .containsEntry(RequestLogging.TENANT_KEY, TENANT)
                        .containsEntry(RequestLogging.ACCOUNT_KEY, ACCOUNT);
            });
        }
    }

    @Test
    void a_handlers_own_lines_carry_the_caller_too() {
        try (LogCapture log = LogCapture.capture()) {
            server.get("/test/boom");

            assertThat(log.events()).filteredOn(line -> line.getLevel() == Level.ERROR).singleElement()
                    .satisfies(line -> assertThat(line.getMDCPropertyMap())
                            .containsEntry(RequestLogging.TENANT_KEY, TENANT)
                            .containsEntry(RequestLogging.ACCOUNT_KEY, ACCOUNT));
        }
    }

    @Test
    void anonymous_requests_never_inherit_a_previous_callers_tenant_or_account() {
        try (LogCapture log = LogCapture.capture()) {
            for (int round = 0; round < 20; round++) { // more rounds than the pool has idle threads: threads are reused
                server.get("/test/whoami");
                anonymous("/test/public/whoami");
            }

            List<ILoggingEvent> anonymousLines = log.of(RequestLogging.ACCESS_LOGGER).stream()
                    .filter(line -> line.getFormattedMessage().startsWith("GET /test/public/whoami")).toList();
            assertThat(anonymousLines).hasSize(20).allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                    .containsKey("requestId")
                    .doesNotContainKeys(RequestLogging.TENANT_KEY, RequestLogging.ACCOUNT_KEY));
        }
    }

    @Test
    void the_access_line_names_the_route_template_never_the_raw_path_or_query() {
        try (LogCapture log = LogCapture.capture()) {
            server.get("/test/failures/conflict?token=s3cr3t-calendar-token");

            assertThat(log.of(RequestLogging.ACCESS_LOGGER)).singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage).asString()
                    .startsWith("GET /test/failures/{kind} 409 ")
                    .doesNotContain("conflict", "s3cr3t");
        }
    }

    @Test
    void probes_are_logged_at_debug_so_scrapes_do_not_drown_requests() {
        try (LogCapture log = LogCapture.capture()) {
            server.get("/health");
            server.get("/metrics");
            server.get("/test/whoami");

            assertThat(log.of(RequestLogging.ACCESS_LOGGER)).as("at INFO, the level the server logs at")
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .startsWith("GET /test/whoami 200");
        }
    }

    private void anonymous(String path) {
        assertThat(server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "").GET()).status())
                .isEqualTo(200);
    }
}
