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

    @Test
    void only_swagger_ui_files_of_the_installed_version_are_served() {
        try (TestServer server = aServer().start()) {
            String stylesheet = assets(server.get("/docs").body()).stream().filter(a -> a.endsWith("swagger-ui.css"))
                    .findFirst().orElseThrow();
            String folder = "/" + stylesheet.substring(0, stylesheet.lastIndexOf('/') + 1);

            TestResponse served = server.get("/" + stylesheet);
            assertThat(served.contentType()).startsWith("text/css");
            assertThat(served.header("Cache-Control")).isEqualTo("max-age=31536000, immutable");
            assertThat(server.get(folder + "swagger-ui-bundle.js").contentType()).startsWith("text/javascript");
            for (String elsewhere : List.of("/webjars/swagger-ui/0.0.1/swagger-ui.css", folder + "no-such-file.js",
                    folder + "index.html", folder + "..%2F..%2F..%2Fmaven%2Forg.webjars%2Fswagger-ui%2Fpom.properties",
                    folder + "%2E%2E", folder + ".hidden.css")) {
                TestResponse missing = server.get(elsewhere);
                assertThat(missing.status()).as(elsewhere).isEqualTo(404);
                assertThat(missing.contentType()).as(elsewhere).startsWith("application/problem+json");
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
