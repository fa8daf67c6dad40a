package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /docs} of the packaged jar, alone in single-node mode, as a person sees it in a real browser. */
class ApiDocsBrowserIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");
    // Two shared cores also run the server: Swagger UI's first render can take seconds there.
    private static final Duration RENDER_BUDGET = Duration.ofSeconds(30);

    @TempDir
    static Path workDir;

    private static JarProcess server;
    private static ChromeDriver browser;
    private static String origin;
    private static JsonNode openApi;

    private WebDriverWait await;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        browser = HeadlessChromium.start(workDir.resolve("chromium-profile"));
        int port = JarProcess.freePort();
        server = JarProcess.serve(workDir, port, workDir.resolve("data"));
        HttpProbe http = new HttpProbe(port);
        server.awaitHealthy(port);
        origin = "http://" + HeadlessChromium.SERVER_HOST + ":" + port;
        openApi = new ObjectMapper().readTree(http.get("/openapi.json").body());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openDocs() {
        await = new WebDriverWait(browser, RENDER_BUDGET);
        browser.get(origin + "/docs");
        await.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
    }

    @Test
    void docs_page_renders_from_the_server_alone_without_console_errors() {
        assertThat(browser.findElement(By.cssSelector(".information-container .title")).getText())
                .startsWith("CoachKit");
        List<String> loaded = pageResources();
        assertThat(loaded).as("resources the page loaded")
                .anyMatch(url -> url.contains("/webjars/swagger-ui/") && url.endsWith("/swagger-ui-bundle.js"))
                .anyMatch(url -> url.endsWith("/openapi.json"))
                .allMatch(url -> url.startsWith(origin + "/"), "served by the CoachKit server under test");
        assertNoConsoleProblems();
    }

    @Test
    void docs_page_lists_every_operation_of_the_openapi_document() {
        List<String> documented = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .map(Map.Entry::getKey)
                .filter(HTTP_METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> listed = browser.findElements(By.cssSelector(".opblock")).stream()
                .map(block -> block.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                        + block.findElement(By.cssSelector(".opblock-summary-path")).getDomAttribute("data-path"))
                .toList();
        assertThat(listed).as("operation blocks").hasSameSizeAs(documented)
                .containsExactlyInAnyOrderElementsOf(documented)
                .contains("POST /auth/register", "POST /auth/login", "GET /health", "GET /openapi.json");
    }

    @Test
    void try_it_out_on_health_calls_this_server_and_shows_up() {
        WebElement health = operation("get", "/health");
        health.findElement(By.cssSelector(".opblock-summary-control")).click();
        await.until(ExpectedConditions.elementToBeClickable(health.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        await.until(ExpectedConditions.elementToBeClickable(health.findElement(By.cssSelector(".execute")))).click();

        By status = By.cssSelector(".live-responses-table tr.response .response-col_status");
        await.until(ExpectedConditions.presenceOfNestedElementLocatedBy(health, status));
        assertThat(health.findElement(By.cssSelector(".request-url pre")).getText()).isEqualTo(origin + "/health");
        assertThat(health.findElement(status).getText()).isEqualTo("200");
        String body = health.findElement(By.cssSelector(".live-responses-table tr.response .highlight-code")).getText();
        assertThat(body).as("rendered response body").contains("\"UP\"");
        assertNoConsoleProblems();
    }

    /** Console output since the last check, so a page that works but complains (a 404, a deprecation) fails. */
    private static void assertNoConsoleProblems() {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).toList();
        assertThat(problems).as("console warnings and errors").isEmpty();
    }

    private WebElement operation(String method, String path) {
        return browser.findElements(By.cssSelector(".opblock-" + method)).stream()
                .filter(block -> path.equals(block.findElement(By.cssSelector(".opblock-summary-path"))
                        .getDomAttribute("data-path")))
                .findFirst().orElseThrow(() -> new AssertionError(method + " " + path + " is not on the page"));
    }

    /** Every URL the page fetched (scripts, styles, the document, XHRs), as the browser's Resource Timing saw it. */
    @SuppressWarnings("unchecked")
    private static List<String> pageResources() {
        Object urls = ((JavascriptExecutor) browser).executeScript(
                "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
        return (List<String>) urls;
    }
}
