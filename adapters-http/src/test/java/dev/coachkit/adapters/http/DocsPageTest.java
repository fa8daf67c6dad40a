package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocsPageTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(webjars/swagger-ui/[^\"]+)\"");

    @Test
    void docs_page_loads_swagger_ui_from_this_server_and_points_at_the_document() {
        try (TestServer server = aServer().start()) {
            TestResponse page = server.get("/docs");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("SwaggerUIBundle", "url: \"openapi.json\"").doesNotContain("https://", "http://");
            List<String> assets = assets(page.body());
            assertThat(assets).anyMatch(a -> a.endsWith("swagger-ui.css")).anyMatch(a -> a.endsWith("swagger-ui-bundle.js"));
            for (String asset : assets) {
                TestResponse served = server.get("/" + asset);
                assertThat(served.status()).as(asset).isEqualTo(200);
                assertThat(served.body()).as(asset).isNotEmpty();
            }
        }
    }

    private static List<String> assets(String html) {
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(html);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        return assets;
    }
}
