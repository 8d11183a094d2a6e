package dev.marquee.site;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample report's charts in headless Chromium: a chart is one keyboard stop whose values the label shows and the
 * arrow keys walk; a pointer over a bar or point shows its value; in the dark scheme the chart's background and text
 * are the dark palette's. Values are the sample's (revenue.html, as of 2024-12-31): MRR $1,196.70 in January 2022 and
 * $4,852.24 in May, the next month shown (February to April are hidden against the flows between months), published
 * rounded to the $200 step of the sample's prices (8.99 to 24.99, k = 10) as $1,200 and $4,800 (whole dollars: the rounding left no cents), as its data table
 * lists them.
 */
class ChartBrowserTest {
    private static Path site;
    private static ChromeDriver browser;

    @BeforeAll
    static void buildSiteAndOpenBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "browser tests skipped: install chromium and chromium-driver to run them");
        Path temp = Fixtures.scratch("marquee-charts-");
        site = Fixtures.sampleSite();
        browser = HeadlessChromium.start(temp.resolve("profile"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void lightScheme() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private static WebElement firstChart() {
        browser.get(site.resolve("revenue.html").toUri().toString());
        return browser.findElement(By.cssSelector("figure.chart .svg-wrap.wide"));
    }

    /** The figure around {@code element}, scrolled into view, saved to generator/target/screenshots for a person to look at. */
    private static void screenshot(WebElement element, String name) throws Exception {
        script("arguments[0].closest('figure').scrollIntoView();", element);
        Path shots = Fixtures.ROOT.resolve("generator/target/screenshots");
        Files.createDirectories(shots);
        Files.copy(browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), shots.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Object script(String code, Object... arguments) {
        return browser.executeScript(code, arguments);
    }

    @Test
    void tab_reachesTheChart_showsItsFirstValue_andArrowsWalkTheValues() throws Exception {
        WebElement chart = firstChart();
        WebElement tip = chart.findElement(By.className("chart-tip"));
        assertFalse(tip.isDisplayed(), "no label before the chart has focus");
        // The element just before the drawing, made focusable, so one Tab lands on the drawing.
        script("var title = arguments[0].closest('figure').querySelector('h2'); title.tabIndex = -1; title.focus();", chart);

        new Actions(browser).sendKeys(Keys.TAB).perform();

        assertEquals(chart, browser.switchTo().activeElement(), "one Tab reaches the drawing");
        assertTrue(tip.isDisplayed());
        assertEquals("Jan 2022: $1,200", tip.getText());
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        assertEquals("Feb 2022: $2,000", tip.getText());
        assertEquals("Feb 2022: $2,000", browser.findElement(By.className("chart-live")).getAttribute("textContent"),
                "the live region reads the value a key moved to");
        screenshot(chart, "chart-keyboard-label.png");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertFalse(tip.isDisplayed(), "the label goes with the focus");
    }

    @Test
    void drawing_isOneKeyboardStop_namedByTheAltText_itsPointsHidden() {
        WebElement chart = firstChart();

        assertEquals("0", chart.getDomAttribute("tabindex"));
        assertEquals("img", chart.getDomAttribute("role"));
        assertTrue(chart.getDomAttribute("aria-label").startsWith("Line chart: MRR by month, Jan 2022 to Dec 2024 (1 of 36 months not shown)."),
                chart.getDomAttribute("aria-label"));
        assertEquals("true", chart.findElement(By.tagName("svg")).getDomAttribute("aria-hidden"));
        assertEquals(0L, script("return arguments[0].querySelectorAll('[tabindex]').length;", chart), "nothing inside is focusable");
    }

    @Test
    void pointer_overAPoint_showsItsValue() {
        WebElement chart = firstChart();
        WebElement second = chart.findElements(By.cssSelector(".hotspots > circle")).get(1);

        new Actions(browser).moveToElement(second).perform();

        WebElement tip = chart.findElement(By.className("chart-tip"));
        assertTrue(tip.isDisplayed());
        assertEquals("Feb 2022: $2,000", tip.getText());
    }

    @Test
    void darkScheme_drawsTheChartOnTheDarkBackground_withLightText() throws Exception {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        WebElement chart = firstChart();

        // Palette: the dark background is #0d1117, its inks #e6edf3 and #9198a1 (the light background is #ffffff).
        assertEquals("rgb(13, 17, 23)", script("return getComputedStyle(arguments[0]).backgroundColor;", chart));
        assertEquals("rgb(13, 17, 23)", script("return getComputedStyle(arguments[0].querySelector('svg > rect')).fill;", chart));
        Object inks = script("var fills = {}; arguments[0].querySelectorAll('svg text').forEach(function (t) {"
                + " fills[getComputedStyle(t).fill] = true; }); return Object.keys(fills).sort();", chart);
        assertTrue(List.of("rgb(145, 152, 161)", "rgb(230, 237, 243)").containsAll((List<?>) inks),
                "every label is the dark scheme's ink (#e6edf3) or muted ink (#9198a1): " + inks);
        screenshot(chart, "chart-dark.png");
        browser.get(site.resolve("outlook.html").toUri().toString());
        screenshot(browser.findElement(By.cssSelector("#chart-outlook-genre-affinity .svg-wrap")), "chart-dark-heatmap.png");
    }

    /**
     * The forecast's 95% interval and its forecast period, each over the dark page as the browser lays them (colour and
     * opacity as computed), against the page: at least 1.8:1 and 1.3:1 (WCAG's contrast ratio). Tuned for white, they
     * had been 1.4:1 and 1.1:1, all but invisible. The 80% interval lies over the 95% one, so it stands out more.
     */
    @Test
    void darkScheme_forecastIntervalsAndPeriod_standOutFromTheDarkPage() throws Exception {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(site.resolve("revenue.html").toUri().toString());
        WebElement chart = browser.findElement(By.cssSelector("#chart-revenue-mrr-forecast .svg-wrap.wide"));

        int[] page = rgb((String) script("return getComputedStyle(arguments[0].querySelector('svg > rect')).fill;", chart));
        // Every translucent fill of the drawing but the hotspots: [fill, opacity].
        List<?> fills = (List<?>) script("var out = []; arguments[0].querySelectorAll('svg *').forEach(function (e) {"
                + " var s = getComputedStyle(e); if (!e.closest('.hotspots') && s.fill.startsWith('rgb') && parseFloat(s.fillOpacity) < 1)"
                + " out.push([s.fill, s.fillOpacity]); }); return out;", chart);
        double interval = Double.MAX_VALUE;
        double period = Double.MAX_VALUE;
        for (Object fill : fills) {
            List<?> pair = (List<?>) fill;
            double contrast = contrast(over(rgb((String) pair.get(0)), Double.parseDouble((String) pair.get(1)), page), page);
            if (pair.get(0).equals("rgb(230, 159, 0)")) {
                interval = Math.min(interval, contrast);
            } else {
                period = Math.min(period, contrast);
            }
        }

        screenshot(chart, "chart-dark-forecast.png");
        assertTrue(interval >= 1.8 && interval < Double.MAX_VALUE, "the 95% interval against the page: " + interval + " in " + fills);
        assertTrue(period >= 1.3 && period < Double.MAX_VALUE, "the forecast period against the page: " + period + " in " + fills);
    }

    /** The forecast chart as a person sees it on a desktop, light and dark, and on a 390-pixel phone. */
    @Test
    void forecastChart_screenshots_desktopLightAndDark_andPhone() throws Exception {
        try {
            for (String scheme : List.of("light", "dark")) {
                HeadlessChromium.emulate(browser, 1280, false, scheme.equals("dark"));
                browser.get(site.resolve("revenue.html").toUri().toString());
                screenshot(browser.findElement(By.cssSelector("#chart-revenue-mrr-forecast .svg-wrap.wide")), "forecast-desktop-" + scheme + ".png");
            }
            for (String scheme : List.of("light", "dark")) {
                HeadlessChromium.emulate(browser, 390, true, scheme.equals("dark"));
                browser.get(site.resolve("revenue.html").toUri().toString());
                WebElement narrow = browser.findElement(By.cssSelector("#chart-revenue-mrr-forecast .svg-wrap.narrow"));
                assertTrue(narrow.isDisplayed(), "a phone shows the narrow drawing");
                screenshot(narrow, "forecast-phone-" + scheme + ".png");
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static int[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9,]", "").split(",");
        return new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /** A colour laid at {@code opacity} over {@code under}. */
    private static int[] over(int[] colour, double opacity, int[] under) {
        int[] mixed = new int[3];
        for (int i = 0; i < 3; i++) {
            mixed[i] = (int) Math.round(opacity * colour[i] + (1 - opacity) * under[i]);
        }
        return mixed;
    }

    /** WCAG 2's contrast ratio of two colours, 1 to 21. */
    private static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** Every chart of the sample report: its alt text names the kind in words and its labels as words, never ids. */
    @Test
    void everyAltText_ofTheSampleReport_readsAsWords() throws Exception {
        java.util.regex.Pattern label = java.util.regex.Pattern.compile("class=\"svg-wrap (?:wide|narrow)\" role=\"img\" aria-label=\"([^\"]*)\"");
        java.util.regex.Pattern kind = java.util.regex.Pattern.compile(
                "(Bar chart|Dot chart with 95% intervals|Line chart|Stacked bar chart|Stacked bar chart of shares|Line chart with a forecast|Heat map): .+\\.");
        java.util.regex.Pattern raw = java.util.regex.Pattern.compile("_|hbar|stacked-|heatmap|\\bmrr\\b|\\barpu\\b|\\(\\d+\\)\\.");
        int charts = 0;
        List<String> problems = new java.util.ArrayList<>();
        try (var pages = Files.list(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                java.util.regex.Matcher alt = label.matcher(Files.readString(page));
                while (alt.find()) {
                    charts++;
                    String text = alt.group(1);
                    if (!kind.matcher(text).matches() || raw.matcher(text).find()) {
                        problems.add(page.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertTrue(charts > 200, "the sample draws over a hundred charts, each twice: " + charts);
        assertEquals(List.of(), problems);
    }

    @Test
    void lightScheme_keepsTheWhitePanel() {
        WebElement chart = firstChart();

        assertEquals("rgb(255, 255, 255)", script("return getComputedStyle(arguments[0].querySelector('svg > rect')).fill;", chart));
    }
}
