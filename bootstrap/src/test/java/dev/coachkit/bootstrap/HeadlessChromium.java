package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's chromium, headless, driven through Debian's chromedriver. */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Resolves to 127.0.0.1 in this browser only. Pages are opened through it because scripts treat
     * {@code localhost} and {@code 127.0.0.1} specially (Swagger UI skips its online validator there), so a
     * page would hide on loopback what it does in production.
     */
    static final String SERVER_HOST = "coachkit.test";

    private HeadlessChromium() {}

    /**
     * A fresh browser with its own profile in {@code userDataDir} that records the page's console.
     * Fails, never skips, when the Debian packages are missing: a docs page nobody tests is a broken one.
     */
    static ChromeDriver start(Path userDataDir) {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Files.isExecutable(executable))
                    .as("%s is missing: install Debian's chromium and chromium-driver "
                            + "(apt-get install -y chromium chromium-driver; .ci/run does it)", executable)
                    .isTrue();
        }
        // Both paths are given, so Selenium Manager has nothing to look up or download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container Chromium needs --no-sandbox; the rest keep it from calling home, which
        // this machine's closed network answers with refused connections and failed look-ups.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir);
        // Any other host the page might reach for (a CDN, a validator) fails at once instead of leaking.
        options.addArguments("--host-resolver-rules=MAP " + SERVER_HOST + " 127.0.0.1, MAP * ~NOTFOUND");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        return new ChromeDriver(service, options);
    }
}
