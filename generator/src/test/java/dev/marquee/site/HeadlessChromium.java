package dev.marquee.site;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/** The browser the site tests open pages in: the machine's Chromium and its driver, never one downloaded. */
final class HeadlessChromium {

    /** Debian's chromium by default; MARQUEE_CHROME and MARQUEE_CHROMEDRIVER name another installed pair (e.g. a CI runner's). */
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MARQUEE_CHROME", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("MARQUEE_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Whether the browser is installed; on CI it must be, so its absence fails there rather than skipping. */
    static boolean available() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        return present;
    }

    /** A headless browser at 1280 × 900 that keeps the console's messages, with its profile in {@code profile}. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--allow-file-access-from-files", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * Makes the page {@code width} CSS pixels wide, as a phone ({@code mobile}: touch, the viewport meta tag honoured)
     * or a desktop, and makes {@code prefers-color-scheme} say dark or light. Stays until changed.
     */
    static void emulate(ChromeDriver browser, int width, boolean mobile, boolean dark) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", mobile ? 844 : 900, "deviceScaleFactor", 1, "mobile", mobile));
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        // A desktop's scroll bar would take 15 pixels of the width asked for.
        browser.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
    }

    /** A PNG of the whole page, not just the window: as wide as the viewport, as tall as the document. */
    static byte[] fullPageScreenshot(ChromeDriver browser) {
        Number width = (Number) browser.executeScript("return document.documentElement.clientWidth;");
        Number height = (Number) browser.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true,
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width.intValue(), "height", height.intValue(), "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }
}
