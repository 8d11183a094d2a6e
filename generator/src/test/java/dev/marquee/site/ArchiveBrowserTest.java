package dev.marquee.site;

import dev.marquee.Fixtures;

import com.lowagie.text.pdf.PdfReader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three weekly editions built in a row (the editions fixture, 10, 17 and 24 March 2024, each with --history of the one
 * before), then the archive opened in headless Chromium: the archive page lists the three editions and every Site and
 * PDF link reaches that edition; the Previous / Next / Latest edition and All editions links walk between them; no page
 * visited logs a console error or links outside the site folder or to a missing file. One more test, without a
 * browser, checks every relative href and src of every HTML file of the output.
 *
 * <p>Chromium is started exactly as {@link BrowserTest} starts it (Debian's chromium and chromedriver, or the pair
 * named by MARQUEE_CHROME and MARQUEE_CHROMEDRIVER; skipped when absent, required on CI).
 */
class ArchiveBrowserTest {
    private static final Path EDITIONS = Fixtures.FIXTURES.resolve("editions");
    private static final String LATEST = "24 Mar 2024";
    private static final String MIDDLE = "17 Mar 2024";
    private static final String OLDEST = "10 Mar 2024";
    /** An href or src attribute, double- or single-quoted (the charts' inline SVG uses single quotes). */
    private static final Pattern REFERENCE = Pattern.compile("\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @TempDir
    static Path temp;
    private static Path site;
    private static ChromeDriver browser;

    @BeforeAll
    static void buildThreeEditionsAndOpenBrowser() throws Exception {
        site = temp.resolve("site");
        edition("week-1", "2024-03-10", false);
        edition("week-2", "2024-03-17", true);
        edition("week-3", "2024-03-24", true);

        if (!HeadlessChromium.available()) {
            return; // the browser tests skip themselves; the link walk needs no browser
        }
        browser = HeadlessChromium.start(temp.resolve("profile"));
    }

    private static void edition(String week, String asOf, boolean withHistory) {
        List<String> args = new ArrayList<>(List.of("build", "--data", EDITIONS.resolve(week).toString(), "--as-of", asOf,
                "--min-group-size", "1", "--targets", EDITIONS.resolve("targets.yaml").toString(), "--out", site.toString()));
        if (withHistory) {
            args.addAll(List.of("--history", site.toString()));
        }
        Fixtures.Run run = Fixtures.marquee(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), week + ":\n" + run.out() + run.err());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void needBrowser() {
        Assumptions.assumeTrue(browser != null, "browser tests skipped: install chromium and chromium-driver to run them");
    }

    // ---- the browser tests

    @Test
    void archivePage_listsTheThreeEditionsNewestFirst_andEveryLinkReachesThatEdition() throws Exception {
        needBrowser();
        List<String> problems = new ArrayList<>();
        visit(site.resolve("archive.html"), problems);
        assertEquals("Archive · Marquee streaming report", browser.getTitle());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.archive tbody tr"));
        assertEquals(3, rows.size(), "three editions listed");

        String[] dates = {LATEST, MIDDLE, OLDEST};
        List<String[]> links = new ArrayList<>(); // date, Site target, PDF target
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            String heading = row.findElement(By.cssSelector("th")).getText();
            assertTrue(heading.startsWith(dates[i]), "row " + (i + 1) + " is the edition of " + dates[i] + ": " + heading);
            boolean marked = heading.contains("this edition");
            assertEquals(i == 0, marked, "only the newest edition is marked as this edition: " + heading);
            List<WebElement> anchors = row.findElements(By.cssSelector("a"));
            assertEquals(List.of("Site", "PDF"), anchors.stream().map(WebElement::getText).toList(), "row " + dates[i]);
            links.add(new String[] {dates[i], anchors.get(0).getDomProperty("href"), anchors.get(1).getDomProperty("href")});
        }
        assertEquals(site.resolve("index.html"), file(links.get(0)[1]), "this edition's site is the root");
        assertEquals(site.resolve("archive/2024-03-17/index.html"), file(links.get(1)[1]));
        assertEquals(site.resolve("archive/2024-03-10/index.html"), file(links.get(2)[1]));

        for (String[] link : links) {
            String date = link[0];
            Path pdf = file(link[2]);
            assertTrue(pdf.startsWith(site) && Files.isRegularFile(pdf), date + ": PDF " + link[2]);
            try (InputStream in = Files.newInputStream(pdf)) {
                assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), in.readNBytes(4), date + ": " + pdf + " is a PDF");
            }
            PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
            try {
                assertEquals("Marquee streaming report, as of " + date, reader.getInfo().get("Title"), pdf.toString());
            } finally {
                reader.close();
            }

            open(site.resolve("archive.html"));
            WebElement siteLink = browser.findElement(By.xpath("//table[@class='archive']//tr[th[starts-with(normalize-space(), '"
                    + date + "')]]//a[normalize-space()='Site']"));
            siteLink.click();
            assertEquals(file(link[1]), here(), date + ": the Site link opens the page it names");
            check(here(), problems);
            assertEdition(date, "Overview · Marquee streaming report");
        }
        assertEquals(List.of(), problems.stream().distinct().toList());
    }

    @Test
    void editionLinks_walkBackToTheOldestAndForwardToTheLatest_andAllEditionsReachesTheArchive() {
        needBrowser();
        List<String> problems = new ArrayList<>();
        visit(site.resolve("index.html"), problems);
        assertEdition(LATEST, "Overview · Marquee streaming report");
        assertTrue(browser.findElements(By.cssSelector("nav.editions a[rel='next']")).isEmpty(), "nothing after the latest edition");
        allEditions(problems);

        follow("prev", "← Previous edition, " + MIDDLE, site.resolve("archive/2024-03-17/index.html"), problems);
        assertEdition(MIDDLE, "Overview · Marquee streaming report");
        allEditions(problems);

        follow("prev", "← Previous edition, " + OLDEST, site.resolve("archive/2024-03-10/index.html"), problems);
        assertEdition(OLDEST, "Overview · Marquee streaming report");
        assertTrue(browser.findElements(By.cssSelector("nav.editions a[rel='prev']")).isEmpty(), "nothing before the oldest edition");
        allEditions(problems);

        follow("next", "Next edition, " + MIDDLE + " →", site.resolve("archive/2024-03-17/index.html"), problems);
        assertEdition(MIDDLE, "Overview · Marquee streaming report");

        follow("next", "Latest edition, " + LATEST + " →", site.resolve("index.html"), problems);
        assertEdition(LATEST, "Overview · Marquee streaming report");
        assertEquals(List.of(), problems.stream().distinct().toList());
    }

    @Test
    void pagesOtherThanTheFrontPage_carryWorkingEditionLinks() {
        needBrowser();
        List<String> problems = new ArrayList<>();

        visit(site.resolve("archive/2024-03-10/churn.html"), problems);
        assertEdition(OLDEST, "Churn and retention · Marquee streaming report");
        allEditions(problems);
        follow("next", "Next edition, " + MIDDLE + " →", site.resolve("archive/2024-03-17/index.html"), problems);
        assertEdition(MIDDLE, "Overview · Marquee streaming report");

        visit(site.resolve("archive/2024-03-17/changes.html"), problems);
        assertEdition(MIDDLE, "Since the last report · Marquee streaming report");
        allEditions(problems);
        follow("prev", "← Previous edition, " + OLDEST, site.resolve("archive/2024-03-10/index.html"), problems);
        visit(site.resolve("archive/2024-03-17/changes.html"), problems);
        follow("next", "Latest edition, " + LATEST + " →", site.resolve("index.html"), problems);

        visit(site.resolve("changes.html"), problems);
        assertEdition(LATEST, "Since the last report · Marquee streaming report");
        allEditions(problems);
        follow("prev", "← Previous edition, " + MIDDLE, site.resolve("archive/2024-03-17/index.html"), problems);
        assertEquals(List.of(), problems.stream().distinct().toList());
    }

    // ---- the link walk, no browser

    @Test
    void everyRelativeHrefAndSrc_ofEveryPageOfTheOutput_resolvesToAFileInsideIt() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html") && Files.isRegularFile(f)).sorted().toList();
        }
        for (String folder : List.of("", "archive/2024-03-17/", "archive/2024-03-10/")) {
            assertTrue(pages.contains(site.resolve(folder + "index.html")), folder + "index.html is there");
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher matcher = REFERENCE.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (matcher.find()) {
                String target = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                target = target.replace("&amp;", "&").split("#", 2)[0].split("\\?", 2)[0];
                if (target.isEmpty() || target.startsWith("//") || SCHEME.matcher(target).find()) {
                    continue; // a fragment of the same page, mailto: or an absolute URL
                }
                checked++;
                Path file = page.getParent().resolve(URLDecoder.decode(target, StandardCharsets.UTF_8)).normalize();
                if (!file.startsWith(site)) {
                    problems.add(site.relativize(page) + ": leaves the site folder: " + target);
                } else if (!Files.exists(file)) {
                    problems.add(site.relativize(page) + ": broken link " + target + " (no " + site.relativize(file) + ")");
                }
            }
        }
        assertTrue(checked > 1000, checked + " references checked");
        assertEquals(List.of(), problems.stream().distinct().toList());
    }

    // ---- helpers

    /** Opens a page and checks it (console errors, links). */
    private static void visit(Path page, List<String> problems) {
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        open(page);
        assertEquals(page, here(), "opened " + page);
        check(page, problems);
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString());
    }

    /** The file the browser shows. */
    private static Path here() {
        return file(browser.getCurrentUrl());
    }

    private static Path file(String url) {
        URI uri = URI.create(url);
        assertEquals("file", uri.getScheme(), "a file of the site: " + url);
        return Path.of(URI.create("file://" + uri.getRawPath())).normalize();
    }

    /**
     * The page the browser shows: no console error, and every link, image, script and stylesheet resolves (as the
     * browser resolves it) to a file of the site folder that exists.
     */
    private static void check(Path page, List<String> problems) {
        String name = site.relativize(page).toString();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add(name + ": console " + entry.getMessage());
            }
        }
        List<String[]> targets = new ArrayList<>(); // as written, as resolved
        // One round trip for every link of the page: an element at a time takes seconds on a page of a hundred.
        @SuppressWarnings("unchecked")
        List<List<String>> found = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('a[href], link[href]')).map(e => [e.getAttribute('href'), e.href])"
                        + ".concat(Array.from(document.querySelectorAll('img[src], script[src]')).map(e => [e.getAttribute('src'), e.src]));");
        for (List<String> pair : found) {
            targets.add(new String[] {pair.get(0), pair.get(1)});
        }
        for (String[] target : targets) {
            URI resolved = URI.create(target[1]);
            if (!"file".equals(resolved.getScheme())) {
                problems.add(name + ": links outside the site folder: " + target[0]);
                continue;
            }
            Path file = file(target[1]);
            if (!file.startsWith(site)) {
                problems.add(name + ": links outside the site folder: " + target[0] + " (" + file + ")");
            } else if (!Files.exists(file)) {
                problems.add(name + ": broken link " + target[0] + " (no " + site.relativize(file) + ")");
            }
        }
    }

    /** The header names the edition: the edition links and the as-of date; the page is the one titled. */
    private static void assertEdition(String date, String title) {
        String where = site.relativize(here()).toString();
        assertEquals("as of " + date, browser.findElement(By.cssSelector("header .brand .asof")).getText(), where);
        // An archived edition says so above its content; the latest does not.
        List<WebElement> notice = browser.findElements(By.cssSelector("main nav.editions.archived strong"));
        if (here().equals(site.resolve("index.html")) || !site.relativize(here()).startsWith("archive")) {
            assertEquals(0, notice.size(), where + ": the latest edition is not marked as an earlier one");
        } else {
            assertEquals("An earlier edition, as of " + date + ".", notice.get(0).getText(), where);
        }
        assertEquals(title, browser.getTitle(), where);
    }

    /** Clicks the edition link with this rel and text, and checks where it led. */
    private static void follow(String rel, String text, Path expected, List<String> problems) {
        Path from = here();
        List<WebElement> links = browser.findElements(By.cssSelector("main nav.editions a[rel='" + rel + "']"));
        assertEquals(1, links.size(), site.relativize(from) + ": one " + rel + " link");
        assertEquals(text, links.get(0).getText(), site.relativize(from) + ": the " + rel + " link");
        browser.manage().logs().get(LogType.BROWSER);
        links.get(0).click();
        assertEquals(expected, here(), site.relativize(from) + ": " + text);
        check(expected, problems);
    }

    /** "All editions" on the page shown opens the archive page at the site root; then back to the page. */
    private static void allEditions(List<String> problems) {
        Path from = here();
        WebElement link = browser.findElement(By.xpath("//main//nav[contains(@class,'editions')]//a[normalize-space()='All editions']"));
        browser.manage().logs().get(LogType.BROWSER);
        link.click();
        assertEquals(site.resolve("archive.html"), here(), site.relativize(from) + ": All editions");
        assertEquals("Archive", browser.findElement(By.tagName("h1")).getText());
        check(site.resolve("archive.html"), problems);
        browser.navigate().back();
        assertEquals(from, here(), "back from the archive page");
    }
}
