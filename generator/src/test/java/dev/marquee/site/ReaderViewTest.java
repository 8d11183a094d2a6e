package dev.marquee.site;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.layer.Layer;
import dev.marquee.model.DataModel;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sample report as a reader sees it (issue #20, "Tests"). Screenshots of every page at 1366 pixels, at 390
 * (a phone) and at 1366 in dark mode (of the country pages, made from one template, the first), and of every PDF page,
 * are written to generator/target/reader-view/ for a person to look at; the site itself is beside them. Code then checks what code can: no chart text overlaps another, leaves
 * its drawing or ends in an ellipsis (measured in Chromium, at both widths); the shares of each stacked-percent bar add
 * up to 100% and a stacked bar's published total to its parts; no published count of members is under k.
 */
class ReaderViewTest {
    private static final Path FOLDER = Fixtures.ROOT.resolve("generator/target/reader-view");
    private static final Path SITE = FOLDER.resolve("site");
    private static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");
    private static final int DESKTOP = 1366;
    private static final int PHONE = 390;

    private static List<Question> questions;
    private static int k;
    private static List<String> pages;
    /** Filled only when Chromium is installed: what the browser saw on each page. */
    private static Map<String, List<ChartTexts.Drawing>> desktopDrawings;
    private static Map<String, List<ChartTexts.Drawing>> phoneDrawings;
    private static Map<String, List<PublishedTables.Table>> tables;
    private static Map<String, String> lightBackgrounds;
    private static Map<String, String> darkBackgrounds;
    private static int pdfPages;
    private static long screenshotNanos;

    @BeforeAll
    static void buildTheReportAndLookAtIt() throws Exception {
        // The suite's one build of the sample, copied beside the screenshots for a person to open.
        Path sample = Fixtures.sampleSite();
        for (String view : List.of("site", "desktop", "phone", "dark", "pdf")) {
            Path folder = FOLDER.resolve(view);
            Fixtures.deleteTree(folder);
            Files.createDirectories(folder);
        }
        Fixtures.copyTree(sample, SITE);
        DataModel model = DataModel.standard();
        questions = Catalog.read(Fixtures.QUESTIONS, Layer.standard().withModelTables(model.tableNames()),
                Layer.standard().withMemberTables(model.memberTables()));
        Matcher minGroupSize = Pattern.compile("\"min_group_size\": (\\d+)").matcher(Files.readString(SITE.resolve("edition.json")));
        assertTrue(minGroupSize.find(), "edition.json records k");
        k = Integer.parseInt(minGroupSize.group(1));
        try (Stream<Path> files = Files.list(SITE)) {
            pages = files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".html")).sorted().toList();
        }
        long start = System.nanoTime();
        pdfPages = pdfScreenshots();
        if (HeadlessChromium.available()) {
            lookAtEveryPage();
        }
        System.out.printf("reader view: %s (%d pages, %d of them shot in 3 views, %d PDF pages) in %.1f s, of which %.1f s taking screenshots%n",
                FOLDER, pages.size(), pages.stream().filter(ReaderViewTest::shot).count(), pdfPages, (System.nanoTime() - start) / 1e9, screenshotNanos / 1e9);
    }

    private static int pdfScreenshots() throws Exception {
        if (!Files.isExecutable(PDFTOPPM)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs poppler-utils: apt-get install -y poppler-utils");
            }
            return 0;
        }
        Process process = new ProcessBuilder(PDFTOPPM.toString(), "-png", "-r", "60", SITE.resolve("report.pdf").toString(),
                FOLDER.resolve("pdf/page").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        try (Stream<Path> files = Files.list(FOLDER.resolve("pdf"))) {
            return (int) files.count();
        }
    }

    private static void lookAtEveryPage() throws IOException {
        desktopDrawings = new LinkedHashMap<>();
        phoneDrawings = new LinkedHashMap<>();
        tables = new LinkedHashMap<>();
        lightBackgrounds = new LinkedHashMap<>();
        darkBackgrounds = new LinkedHashMap<>();
        ChromeDriver browser = HeadlessChromium.start(Fixtures.scratch("marquee-reader-view-"));
        try {
            for (String page : pages) {
                // Every page is measured; a screenshot takes half a second, and the country pages share one template.
                boolean shot = shot(page);
                String png = page.replace(".html", ".png");
                HeadlessChromium.emulate(browser, DESKTOP, false, false);
                browser.get(SITE.resolve(page).toUri().toString());
                desktopDrawings.put(page, ChartTexts.measure(browser));
                tables.put(page, PublishedTables.read(browser, page));
                lightBackgrounds.put(page, background(browser));
                if (shot) {
                    shoot(browser, "desktop", png);
                }

                HeadlessChromium.emulate(browser, PHONE, true, false);
                phoneDrawings.put(page, ChartTexts.measure(browser));
                if (shot) {
                    shoot(browser, "phone", png);
                }

                HeadlessChromium.emulate(browser, DESKTOP, false, true);
                darkBackgrounds.put(page, background(browser));
                if (shot) {
                    shoot(browser, "dark", png);
                }
            }
        } finally {
            browser.quit();
        }
    }

    /** Whether the page gets screenshots: every page but the country pages after the first. */
    private static boolean shot(String page) {
        return !page.startsWith("country-") || page.equals(pages.stream().filter(p -> p.startsWith("country-")).findFirst().orElseThrow());
    }

    private static void shoot(ChromeDriver browser, String view, String png) throws IOException {
        long start = System.nanoTime();
        Files.write(FOLDER.resolve(view).resolve(png), HeadlessChromium.fullPageScreenshot(browser));
        screenshotNanos += System.nanoTime() - start;
    }

    private static String background(ChromeDriver browser) {
        return (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor;");
    }

    private static void assumeBrowser() {
        Assumptions.assumeTrue(desktopDrawings != null, "reader-view browser checks skipped: install chromium and chromium-driver to run them");
    }

    @Test
    void screenshots_ofEveryPageInThreeViewsAndEveryPdfPage_areWritten_andDarkModeApplies() throws Exception {
        assumeBrowser();
        for (String view : List.of("desktop", "phone", "dark")) {
            for (String page : pages.stream().filter(ReaderViewTest::shot).toList()) {
                Path png = FOLDER.resolve(view).resolve(page.replace(".html", ".png"));
                assertTrue(Files.size(png) > 1000, png + " is a picture");
            }
        }
        if (Files.isExecutable(PDFTOPPM)) {
            assertTrue(pdfPages > 3, pdfPages + " PDF pages");
        }
        List<String> notDark = new ArrayList<>();
        for (String page : pages) {
            if (!isDark(darkBackgrounds.get(page)) || isDark(lightBackgrounds.get(page))) {
                notDark.add(page + ": light " + lightBackgrounds.get(page) + ", dark " + darkBackgrounds.get(page));
            }
        }
        assertEquals(List.of(), notDark, "the style sheet's prefers-color-scheme: dark applies in the dark view");
    }

    private static boolean isDark(String rgb) {
        Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
        assertTrue(m.find(), rgb);
        return Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) < 3 * 64;
    }

    @Test
    void chartTexts_neitherOverlapNorLeaveTheirDrawingNorEndInAnEllipsis_onADesktopAndAPhone() {
        assumeBrowser();
        List<String> problems = new ArrayList<>();
        int drawings = 0;
        for (String page : pages) {
            for (ChartTexts.Drawing drawing : desktopDrawings.get(page)) {
                problems.addAll(ChartTexts.problems(page + " at " + DESKTOP, drawing));
                drawings++;
            }
            for (ChartTexts.Drawing drawing : phoneDrawings.get(page)) {
                problems.addAll(ChartTexts.problems(page + " at " + PHONE, drawing));
                drawings++;
            }
        }
        assertTrue(drawings > 100, drawings + " drawings measured");
        failWith(problems);
    }

    @Test
    void stackedBars_sharesAddUpTo100_andPublishedTotalsToTheirParts() {
        assumeBrowser();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Question question : questions) {
            for (ChartSpec chart : question.charts()) {
                if (chart.kind() != ChartKind.STACKED_PERCENT && chart.kind() != ChartKind.STACKED_BAR) {
                    continue;
                }
                for (PublishedTables.Table table : tablesOf(question, chart)) {
                    if (chart.kind() == ChartKind.STACKED_PERCENT) {
                        if (table.column("share") < 0) {
                            continue; // the chart computes its shares itself; the table publishes none to check
                        }
                        List<String> bar = new ArrayList<>(List.of(chart.x()));
                        if (table.column("source") >= 0) {
                            bar.add(0, "source");
                        }
                        problems.addAll(PublishedTables.sharesNotAddingUp(table, bar, "share"));
                    } else {
                        problems.addAll(PublishedTables.totalsNotMatchingParts(table, chart.x(), chart.y()));
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 4, checked + " stacked charts' tables checked");
        failWith(problems);
    }

    /** The data tables of a chart on every page that shows it (its question's page, the overview, a country page). */
    private static List<PublishedTables.Table> tablesOf(Question question, ChartSpec chart) {
        String figure = "chart-" + question.slug() + "-" + chart.id();
        List<PublishedTables.Table> found = new ArrayList<>();
        tables.forEach((page, list) -> list.stream()
                .filter(t -> t.where().equals(page + " " + figure)
                        || (chart.facet().isPresent() && t.where().startsWith(page + " " + figure + "-")))
                .forEach(found::add));
        return found;
    }

    @Test
    void publishedCounts_ofMembers_areZeroOrAtLeastK_inEveryCsvAndPageTable() throws Exception {
        List<PublishedTables.Table> published = new ArrayList<>(csvFiles());
        if (tables != null) {
            tables.values().forEach(published::addAll);
        }
        List<String> problems = new ArrayList<>();
        int counts = 0;
        for (PublishedTables.Table table : published) {
            Set<String> columns = new HashSet<>();
            Map<String, String> remainders = new HashMap<>();
            table.headers().stream().filter(h -> PublishedTables.MEMBER_COUNT.matcher(h).matches()).forEach(columns::add);
            declaration(table.where()).ifPresent(group -> {
                columns.add(group.members());
                columns.addAll(group.parts());
                group.parts().forEach(part -> remainders.put(part, group.members()));
            });
            counts += (int) columns.stream().filter(c -> table.column(c) >= 0).count();
            problems.addAll(PublishedTables.countsUnderK(table, columns, remainders, k));
        }
        assertTrue(counts > 50, counts + " count columns checked");
        failWith(problems);
    }

    /** Every CSV the site publishes, its header's units ("mrr (USD)") taken off the column names. */
    private static List<PublishedTables.Table> csvFiles() throws IOException {
        List<PublishedTables.Table> csvs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SITE.resolve("csv"))) {
            for (Path file : files.sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file);
                     CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                    List<String> headers = parser.getHeaderNames().stream().map(h -> h.replaceFirst(" \\(.*\\)$", "")).toList();
                    List<List<String>> rows = new ArrayList<>();
                    for (CSVRecord record : parser) {
                        rows.add(record.toList());
                    }
                    csvs.add(new PublishedTables.Table("csv/" + file.getFileName(), "", headers, rows));
                }
            }
        }
        return csvs;
    }

    /**
     * The privacy declaration of the result a table publishes, found by the chart the table is named after
     * ("csv/churn-by-region.csv", "churn.html chart-churn-by-region", a facet's "...-india").
     */
    private static Optional<GroupSpec> declaration(String where) {
        String name = where.startsWith("csv/") ? where.substring(4).replace(".csv", "") : where.replaceFirst("^\\S+ chart-", "");
        for (Question question : questions) {
            for (ChartSpec chart : question.charts()) {
                String id = question.slug() + "-" + chart.id();
                if (name.equals(id) || (chart.facet().isPresent() && name.startsWith(id + "-"))) {
                    return question.privacy().stream().filter(g -> g.result().equals(chart.query())).findFirst();
                }
            }
        }
        return Optional.empty();
    }

    private static void failWith(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }
}
