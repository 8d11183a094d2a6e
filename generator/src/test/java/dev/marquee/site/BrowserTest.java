package dev.marquee.site;

import dev.marquee.Fixtures;

import nu.validator.client.EmbeddedValidator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated site opened in headless Chromium (Debian's chromium and chromedriver, never a downloaded browser):
 * every page without console errors or broken links, the country selector, hostile titles shown as text, the
 * Content-Security-Policy (present, charts still styled, injected content refused), and every page valid HTML by the
 * Nu checker. Screenshots land in generator/target/screenshots.
 */
class BrowserTest {
    private static final Path SCREENSHOTS = Fixtures.ROOT.resolve("generator/target/screenshots");
    private static Path sampleSite;
    private static Path hostileSite;
    private static ChromeDriver browser;

    @BeforeAll
    static void buildSitesAndOpenBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "browser tests skipped: install chromium and chromium-driver to run them");
        Path temp = Fixtures.scratch("marquee-browser-");
        sampleSite = Fixtures.sampleSite();
        hostileSite = temp.resolve("hostile");
        Fixtures.Run hostile = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("hostile").toString(),
                "--out", hostileSite.toString(), "--min-group-size", "1");
        assertEquals(0, hostile.exitCode(), hostile.err());
        browser = HeadlessChromium.start(temp.resolve("profile"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void onAPhone_theCurrentPagesSectionLink_isInView() throws Exception {
        // The section links scroll sideways in one line on a phone: the last ones (Methodology, About) were past the
        // right edge on their own pages, with nothing to say which page was open; scrolled to the end, About stayed
        // under the fade at the right edge.
        try {
            HeadlessChromium.emulate(browser, 390, true, false);
            for (String page : List.of("about.html", "methodology.html", "index.html")) {
                open(sampleSite.resolve(page));
                Object inView = browser.executeScript("var nav = document.querySelector('header.top nav');"
                        + "var here = nav.querySelector('a[aria-current=\"page\"]').getBoundingClientRect();"
                        + "var box = nav.getBoundingClientRect();"
                        + "return [nav.scrollWidth > nav.clientWidth, here.left >= box.left && here.right <= box.right - 2.5 * 16 + 1];");
                Files.write(SCREENSHOTS.resolve("phone-nav-" + page.replace(".html", ".png")), browser.getScreenshotAs(OutputType.BYTES));
                // In view and clear of the fade over the last 2.5rem.
                assertEquals(List.of(true, true), inView, page + ": [links scroll, current link in view]");
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    private static List<Path> pages(Path site) throws Exception {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString());
    }

    @Test
    void everyPage_opensWithoutConsoleErrorsOrBrokenLinks() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path page : pages(sampleSite)) {
            open(page);
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(page.getFileName() + ": console " + entry.getMessage());
                }
            }
            // Read in one script: a WebDriver call per link took half a second a page.
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) browser.executeScript(
                    "return Array.from(document.querySelectorAll('a[href], link[href]'), e => e.getAttribute('href'))"
                    + ".concat(Array.from(document.querySelectorAll('img[src], script[src]'), e => e.getAttribute('src')));");
            for (String target : targets) {
                if (target.startsWith("#") || target.startsWith("http://") || target.startsWith("https://")) {
                    assertFalse(target.startsWith("http"), page.getFileName() + " links outside the site: " + target);
                    continue;
                }
                Path file = page.getParent().resolve(URI.create(target.split("#")[0]).getPath()).normalize();
                if (!Files.exists(file)) {
                    problems.add(page.getFileName() + ": broken link " + target);
                }
            }
        }
        assertEquals(List.of(), problems);
        for (String shot : List.of("index.html", "churn.html", "outlook.html", "country-india.html")) {
            open(sampleSite.resolve(shot));
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(shot.replace(".html", ".png")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void countrySelector_reachesEveryCountryPage_withAndWithoutScript() throws Exception {
        Set<String> countryPages = new TreeSet<>();
        for (Path page : pages(sampleSite)) {
            if (page.getFileName().toString().startsWith("country-")) {
                countryPages.add(page.getFileName().toString());
            }
        }
        assertTrue(countryPages.size() > 10, countryPages.toString());
        open(sampleSite.resolve("countries.html"));
        Set<String> tabled = new TreeSet<>();
        for (WebElement link : browser.findElements(By.cssSelector("table.countries-table tbody th a"))) {
            tabled.add(link.getDomAttribute("href"));
        }
        assertEquals(countryPages, tabled, "the countries table links every country page");
        WebElement india = browser.findElement(By.xpath("//table[contains(@class,'countries-table')]//tr[th/a[text()='India']]"));
        assertEquals("India 368 3.9% $5,000", india.getText().replace('\n', ' '), "India's row gives its members, churn rate and MRR");

        open(sampleSite.resolve("index.html"));
        Set<String> linked = new TreeSet<>();
        for (WebElement link : browser.findElements(By.cssSelector("nav.countries a"))) {
            linked.add(link.getDomAttribute("href"));
        }
        assertEquals(countryPages, linked, "the plain links reach every country page");
        Select select = new Select(browser.findElement(By.id("country-select")));
        assertTrue(browser.findElement(By.cssSelector("form.country-jump")).isDisplayed(), "the script shows the selector");
        assertEquals(countryPages.size() + 1, select.getOptions().size(), "every country, after the prompt");
        assertEquals("Choose a country", select.getFirstSelectedOption().getText());
        // From a country's page the first country listed is a change too: it was shown selected and could not be chosen.
        String first = select.getOptions().get(1).getText();
        select.selectByVisibleText(first);
        assertEquals(first, browser.findElement(By.tagName("h1")).getText());
        Select onCountry = new Select(browser.findElement(By.id("country-select")));
        assertEquals("Choose a country", onCountry.getFirstSelectedOption().getText());
        String firstThere = onCountry.getOptions().get(1).getText();
        assertFalse(firstThere.equals(first), "a country's page lists the others");
        onCountry.selectByVisibleText(firstThere);
        assertEquals(firstThere, browser.findElement(By.tagName("h1")).getText());
        // Back on the first country's page (restored from the browser's history), the same choice jumps again.
        browser.navigate().back();
        assertEquals(first, browser.findElement(By.tagName("h1")).getText());
        Select restored = new Select(browser.findElement(By.id("country-select")));
        assertEquals("Choose a country", restored.getFirstSelectedOption().getText());
        restored.selectByVisibleText(firstThere);
        assertEquals(firstThere, browser.findElement(By.tagName("h1")).getText());
        select = new Select(browser.findElement(By.id("country-select")));
        select.selectByVisibleText("India");
        assertTrue(browser.getCurrentUrl().endsWith("country-india.html"), browser.getCurrentUrl());
        assertEquals("India", browser.findElement(By.tagName("h1")).getText());
        Set<String> others = new TreeSet<>();
        for (WebElement link : browser.findElements(By.cssSelector("nav.countries a"))) {
            others.add(link.getDomAttribute("href"));
        }
        Set<String> expected = new TreeSet<>(countryPages);
        expected.remove("country-india.html");
        assertEquals(expected, others, "a country page links every other country, not itself");
    }

    @Test
    void hostileTitles_areShownAsTextAndRunNothing() throws Exception {
        open(hostileSite.resolve("top-titles.html"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        String text = browser.findElement(By.tagName("main")).getText();
        assertTrue(text.contains("<script>alert(1)</script>"), "the title is shown as text");
        assertTrue(text.contains("\"><img src=x onerror=alert(2)>"));
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "no injected image element");
        String html = Files.readString(hostileSite.resolve("top-titles.html"));
        assertFalse(html.contains("<script>alert(1)"), "escaped in HTML and in the inline SVG");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String csv = Files.readString(hostileSite.resolve("csv/top-titles-by-hours.csv"));
        assertTrue(csv.contains("'=HYPERLINK"), "formula cells are neutralised: " + csv);
        for (Path page : pages(hostileSite)) {
            open(page);
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), page.getFileName().toString());
        }
    }

    @Test
    void everyPage_hasTheContentSecurityPolicy_andDrawsItsChartsWithoutAViolation() throws Exception {
        List<String> problems = new ArrayList<>();
        int styledCharts = 0;
        for (Path site : List.of(sampleSite, hostileSite)) {
            for (Path page : pages(site)) {
                String name = site.getFileName() + "/" + page.getFileName();
                browser.manage().logs().get(LogType.BROWSER);
                open(page);
                if (browser.findElements(By.cssSelector("head meta[http-equiv='Content-Security-Policy']")).isEmpty()) {
                    problems.add(name + ": no Content-Security-Policy");
                }
                for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                    problems.add(name + ": console " + entry.getMessage());
                }
                // The charts' shapes are styled by style attributes, which the policy must allow.
                Object fill = browser.executeScript("var shape = document.querySelector(\"svg.chart-svg [style*='fill:rgb(0,114,178)']\");"
                        + " return shape ? getComputedStyle(shape).fill : null;");
                if (fill != null) {
                    styledCharts++;
                    if (!fill.equals("rgb(0, 114, 178)")) {
                        problems.add(name + ": a chart's bar is drawn " + fill);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(styledCharts > 10, styledCharts + " pages with a styled chart");
    }

    @Test
    void contentSecurityPolicy_refusesAnInjectedScriptExternalImageAndStyleElement() throws Exception {
        String page = Files.readString(hostileSite.resolve("index.html"));
        Path probe = hostileSite.resolve("csp-probe.html");
        Files.writeString(probe, page.replace("</main>", "<img id=\"image\" src=\"https://evil.example/t.png\" alt=\"\">"
                + "<script>document.title = 'ran';</script><style>body { background: rgb(255, 0, 0); }</style>"
                + "<p id=\"styled\" style=\"color: rgb(1, 2, 3)\">styled</p></main>"));
        browser.manage().logs().get(LogType.BROWSER);
        try {
            open(probe);
            List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy")).toList();

            assertEquals("Overview · Marquee streaming report", browser.getTitle(), "the inline script did not run");
            assertNotEquals("rgb(255, 0, 0)", browser.executeScript("return getComputedStyle(document.body).backgroundColor;"),
                    "the style element was not applied");
            assertEquals("rgb(1, 2, 3)", browser.executeScript("return getComputedStyle(document.getElementById('styled')).color;"),
                    "style attributes apply (the charts need them)");
            assertEquals(3, refused.size(), "the script, the image and the style element are refused: " + refused);
            assertTrue(refused.stream().anyMatch(m -> m.contains("https://evil.example/t.png")), refused.toString());
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * On a phone the Data page's tables reflow, a row to "header: value" lines, as the question pages' do: the datasets
     * table scrolled its row counts and dates off the screen.
     */
    @Test
    void dataPage_onAPhone_showsEveryColumnOfItsTables_withoutScrollingSideways() {
        onAPhone("data.html", () -> {
            Object wider = browser.executeScript("return Array.prototype.filter.call(document.querySelectorAll('.table-wrap'),"
                    + " function (wrap) { return wrap.scrollWidth > wrap.clientWidth + 1; }).length;");
            assertEquals(0L, wider, "tables wider than the phone's screen");
            Object label = browser.executeScript("var cell = document.querySelector('table.reflow td.num');"
                    + " return cell === null ? '' : getComputedStyle(cell, '::before').content;");
            assertEquals("\"" + dev.marquee.present.Texts.ROWS_READ + "\"", label, "a count says what it counts");
        });
    }

    /**
     * On a phone a blank cell (a figure not shown) reads as a dash after its label: the revenue table's hidden months
     * were labels with nothing after them, as if the value had failed to load (a reader review).
     */
    @Test
    void revenuePage_onAPhone_aBlankCellReadsAsADash() {
        onAPhone("revenue.html", () -> {
            Object dash = browser.executeScript("var cell = Array.prototype.find.call(document.querySelectorAll('table.reflow td.num'),"
                    + " function (c) { return c.childNodes.length === 0; });"
                    + " return cell === undefined ? 'no blank cell' : getComputedStyle(cell, '::after').content;");
            assertEquals("\"\u2013\"", dash);
        });
    }

    /** Opens a page of the sample's site in a phone-wide window (390 px), runs the checks, and widens the window again. */
    private void onAPhone(String page, Runnable checks) {
        open(sampleSite.resolve(page));
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
            checks.run();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    /** On a phone each chart is the drawing made for its width (text legible), on a desktop the wide one; never both. */
    @Test
    void charts_showThePhoneDrawingOnANarrowScreenAndTheWideOneOnADesktop() {
        open(sampleSite.resolve("watch-time.html"));
        try {
            for (int width : new int[] {390, 1280}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                Object shown = browser.executeScript("return Array.prototype.filter.call(document.querySelectorAll('svg.chart-svg'),"
                        + " function (svg) { return svg.getBoundingClientRect().width > 0; })"
                        + ".map(function (svg) { return svg.getAttribute('viewBox'); });");
                List<?> viewBoxes = (List<?>) shown;
                int charts = browser.findElements(By.cssSelector("figure.chart .svg-wrap.wide")).size();
                assertTrue(charts > 0, "watch-time.html has charts");
                assertEquals(charts, viewBoxes.size(), "one drawing shown per chart at " + width + " pixels: " + viewBoxes);
                // The drawing's width says which it is; its height is what its bars and labels need, at least the usual.
                String expected = width < 600 ? "0 0 400 " : "0 0 760 ";
                int least = width < 600 ? 420 : 380;
                viewBoxes.forEach(box -> {
                    assertTrue(box.toString().startsWith(expected), "the drawing shown at " + width + " pixels: " + box);
                    assertTrue(Integer.parseInt(box.toString().substring(expected.length())) >= least, "its height: " + box);
                });
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void everyPage_isValidHtml() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
        for (Path site : List.of(sampleSite, hostileSite)) {
            for (Path page : pages(site)) {
                String output = validator.validate(page);
                for (String line : output.split("\n")) {
                    if (line.contains("error")) {
                        errors.add(site.getFileName() + "/" + page.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), errors.stream().limit(20).toList());
    }
}
