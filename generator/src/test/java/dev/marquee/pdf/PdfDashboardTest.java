package dev.marquee.pdf;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF dashboard of the sample data, read back: pages, titles, KPIs, bookmarks, fonts, CJK text. */
class PdfDashboardTest {

    private static Path sample;
    private static Path cjk;

    @BeforeAll
    static void build() throws Exception {
        Path temp = Fixtures.scratch("marquee-pdf-");
        sample = Fixtures.sampleSite();
        cjk = temp.resolve("cjk");
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("cjk").toString(), "--out", cjk.toString(),
                "--min-group-size", "1");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void chartAxisLabels_evenRotatedOnes_areTextInThePdf() throws Exception {
        // The value axis's label runs up the side of the chart; it must be text (searchable), not letter outlines.
        String outlook = Fixtures.poppler("pdftotext", sample.resolve("report.pdf"), "-f", "2", "-l", "2");

        for (String axisLabel : List.of("Active subscribers", "New signups", "MRR", "Watch hours", "Month")) {
            assertTrue(outlook.lines().anyMatch(line -> line.strip().equals(axisLabel)), axisLabel + " on its own line:\n" + outlook);
        }
    }

    @Test
    void everyPage_hasItsTitleTheAsOfDateAndPageXOfY() throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(sample.resolve("report.pdf")));
        int pages = reader.getNumberOfPages();
        reader.close();
        // The project's targets.yaml gives a first edition its targets on the cover; the definitions run on over two more pages.
        List<String> titles = List.of("Marquee streaming report", "Outlook", "Members", "Watch time and engagement", "Churn and retention",
                "Top titles", "Signups and growth", "Genre ratings", "Plans and devices by country", "Revenue", "Catalogue",
                "Data and definitions", "Marquee streaming report", "Data quality");
        assertEquals(titles.size(), pages, "a cover, one dashboard page per area, three closing pages (the definitions in full)");
        for (int page = 1; page <= pages; page++) {
            String text = Fixtures.poppler("pdftotext", sample.resolve("report.pdf"), "-f", "" + page, "-l", "" + page, "-layout");
            assertTrue(text.contains(titles.get(page - 1)), "page " + page + " title");
            assertTrue(text.contains("As of 31 Dec 2024"), "page " + page + " as-of date");
            assertTrue(text.contains("Page " + page + " of " + pages), "page " + page + " numbering");
        }
        String cover = Fixtures.poppler("pdftotext", sample.resolve("report.pdf"), "-f", "1", "-l", "1");
        for (String kpi : List.of("Watch hours", "Active members", "Churn rate", "New signups", "Average rating",
                "Monthly recurring revenue", "vs a month earlier", "vs a year earlier", "Target at most 3.5%: missed", "month: met",
                "Targets and alerts", "Churn rate at most 3.5%: missed", "Active subscribers, with forecast")) {
            assertTrue(cover.contains(kpi), "cover shows " + kpi);
        }
        // Below the sample's tall tiles, two rows of charts left the forecast a plot 36 points tall, with two ticks
        // (0 and 5,000): one row gives it the height for the ticks between.
        for (String tick : List.of("1,000", "2,000", "3,000", "4,000")) {
            assertTrue(cover.lines().anyMatch(line -> line.strip().equals(tick)), "the cover's forecast has its tick " + tick + "\n" + cover);
        }
    }

    /** The data quality table counts the data files' rows; the generator's reference tables are named under Sources. */
    /** A page has cells for four charts: it names the others, so a reader of the PDF knows they are on the site. */
    @Test
    void aPageOfMoreThanFourCharts_namesTheOthers() throws Exception {
        String pdf = Fixtures.poppler("pdftotext", sample.resolve("report.pdf")).replaceAll("\\s+", " ");

        // The churn page's table takes the fourth chart's cell: that chart is named first.
        assertTrue(pdf.contains("Also on the site: \u201cMembers at risk by region\u201d, \u201cRetention curve\u201d, "
                + "\u201cRetention by signup cohort\u201d, \u201cChurn-risk model, churn by risk decile (holdout)\u201d."),
                "the churn page names its four other charts");
        assertTrue(pdf.contains("Also on the site: \u201cMembers by plan\u201d."), "the members page names its fifth");
        // Before, a chart whose cell went to the page's table was neither drawn nor named (watch hours by device, members
        // at risk by region).
        assertEquals(List.of(), Fixtures.chartsMissingFromPdf(sample));
    }

    @Test
    void dataQuality_listsTheFilesTables_notTheBuiltInOnes() throws Exception {
        String pdf = Fixtures.poppler("pdftotext", sample.resolve("report.pdf"));
        int header = pdf.indexOf("Rows used");
        // Up to whatever comes next in the two columns' flow: a heading, or the page's foot.
        int end = java.util.stream.Stream.of("Sources", "Privacy and suppression", "Left out for lack of data", "Generated by Marquee")
                .mapToInt(next -> pdf.indexOf(next, header)).filter(i -> i > 0).min().orElse(pdf.length());
        String quality = pdf.substring(header, end);
        for (String table : List.of("users", "titles", "viewing_sessions", "ratings", "subscriptions", "payments")) {
            assertTrue(quality.lines().anyMatch(l -> l.strip().equals(table)), table + " in\n" + quality);
        }
        // A row of the table is its table's name on a line of its own; the definitions beside it, in the page's other
        // column, may name a built-in table in a sentence (the scores' genre_map).
        for (String builtIn : List.of("regions", "fiscal_calendars", "genre_map", "maturity_map")) {
            assertFalse(quality.lines().anyMatch(l -> l.strip().equals(builtIn)), builtIn + " in\n" + quality);
        }
        assertTrue(pdf.replaceAll("\\s+", " ").contains("built-in reference tables: regions"), "Sources names them");
    }

    @Test
    void bookmarksAndMetadata() throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(sample.resolve("report.pdf")));
        List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(reader);
        assertEquals(List.of("Overview", "Outlook", "Members", "Watch time and engagement", "Churn and retention", "Top titles",
                "Signups and growth", "Genre ratings", "Plans and devices by country", "Revenue", "Catalogue",
                "Data and definitions"), bookmarks.stream().map(b -> b.get("Title")).toList());
        Map<String, String> info = reader.getInfo();
        assertEquals("Marquee streaming report, as of 31 Dec 2024", info.get("Title"));
        assertEquals("Marquee", info.get("Author"));
        assertTrue(info.get("Subject").contains("Churn and retention"));
        assertTrue(info.get("Keywords").endsWith(", churn and retention, top titles, signups and growth, genre ratings, "
                + "plans and devices by country, revenue, catalogue, 2024-12-31"), info.get("Keywords"));
        assertTrue(info.get("CreationDate").startsWith("D:20241231"), info.get("CreationDate"));
        reader.close();
        assertTrue(Files.size(sample.resolve("report.pdf")) < 2_000_000, "well under 2 MB");
    }

    @Test
    void everyFontIsEmbedded_andCjkTitlesPrintAsText() throws Exception {
        for (Path pdf : List.of(sample.resolve("report.pdf"), cjk.resolve("report.pdf"))) {
            String fonts = Fixtures.poppler("pdffonts", pdf);
            List<String> rows = fonts.lines().skip(2).toList();
            assertTrue(!rows.isEmpty(), fonts);
            for (String row : rows) {
                String[] columns = row.trim().split("\\s+");
                assertEquals("yes", columns[columns.length - 5], "embedded: " + row);
            }
        }
        Assumptions.assumeTrue(PdfFonts.find("wqy-zenhei.ttc").isPresent() || "true".equals(System.getenv("CI")),
                "CJK check needs fonts-wqy-zenhei");
        String text = Fixtures.poppler("pdftotext", cjk.resolve("report.pdf"));
        assertTrue(text.contains("오징어 게임"), "Korean title extracted:\n" + text);
        assertTrue(text.contains("今際の国のアリス"), "Japanese title extracted");
        assertTrue(Fixtures.poppler("pdffonts", cjk.resolve("report.pdf")).contains("WenQuanYiZenHei"));
    }

    private static int pages(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    private static String page(Path pdf, int page) throws Exception {
        return Fixtures.poppler("pdftotext", pdf, "-f", "" + page, "-l", "" + page, "-layout");
    }

    /** A word of pdftotext -bbox: its box and text. */
    private record Word(double xMin, double yMin, double yMax, String text) {
    }

    private static List<Word> words(Path pdf, int page) throws Exception {
        String boxes = Fixtures.poppler("pdftotext", pdf, "-bbox", "-f", "" + page, "-l", "" + page);
        java.util.regex.Matcher word = java.util.regex.Pattern.compile(
                "xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)<").matcher(boxes);
        List<Word> words = new java.util.ArrayList<>();
        while (word.find()) {
            words.add(new Word(Double.parseDouble(word.group(1)), Double.parseDouble(word.group(2)), Double.parseDouble(word.group(3)),
                    word.group(4)));
        }
        return words;
    }

    @Test
    void coverTiles_keepAValueOnOneLine_andAComparisonWhole() throws Exception {
        // "3,419 members" broke after the number beside "372 members" on one line, and the churn rate's "▲ +0.16 pts vs
        // a month" ended its line with "earlier" alone on the next.
        List<Word> words = words(sample.resolve("report.pdf"), 1);
        int comparisons = 0;
        for (int w = 0; w + 3 < words.size(); w++) {
            if (words.get(w).text().equals("3,419")) {
                assertEquals(words.get(w).yMin(), words.get(w + 1).yMin(), 0.5, "3,419 and " + words.get(w + 1).text() + " on one line");
            }
            if (List.of("vs", "a", "month", "earlier").equals(words.subList(w, w + 4).stream().map(Word::text).toList())) {
                comparisons++;
                assertEquals(words.get(w).yMin(), words.get(w + 3).yMin(), 0.5, "'vs a month earlier' on one line");
            }
        }
        assertEquals(6, comparisons, "every tile compares with a month earlier");
    }

    @Test
    void everyTable_hasATitleFollowedByItsHeaderRow() throws Exception {
        Path pdf = sample.resolve("report.pdf");
        List<Integer> titled = new java.util.ArrayList<>();
        for (int page = 2; page <= pages(pdf); page++) {
            List<Word> words = words(pdf, page);
            for (Word title : words.stream().filter(w -> w.text().equals("Table:")).toList()) {
                titled.add(page);
                // The next line of words at or right of the title (a chart may stand to its left): the column names.
                List<Word> right = words.stream().filter(w -> w.xMin() >= title.xMin() - 1 && w.yMin() > title.yMax()).toList();
                double next = right.stream().mapToDouble(Word::yMin).min().orElseThrow();
                String header = String.join(" ", right.stream().filter(w -> Math.abs(w.yMin() - next) < 2)
                        .sorted(java.util.Comparator.comparingDouble(Word::xMin)).map(Word::text).toList());
                assertTrue(header.matches("[A-Za-z][A-Za-z0-9% ]*"), "page " + page + ": a header row of column names under a table's title, not: " + header);
            }
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), titled, "one table on each dashboard page");
    }

    @Test
    void churnPage_drawsEveryRegionOfTheSample_itsTableSaysHowManyItLists_andOutlookShowsTheBacktestItsTakeawayNames() throws Exception {
        Path pdf = sample.resolve("report.pdf");
        String churn = page(pdf, 5);
        String table = churn.substring(churn.indexOf("Table: Churn rate by region, as-of month"));
        // The sample's regions, as churn-by-region.csv lists them (Latin America first: the takeaway names it).
        List<String> regions = Files.readAllLines(sample.resolve("csv/churn-by-region.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertEquals(List.of("Latin America", "Europe", "North America", "Other (small groups)"), regions);
        // The page draws every region (the chart beside the table); the table keeps, when it is short of room, the rows
        // the takeaway names and says how many of the four it shows.
        String chartsAndTable = churn.substring(0, churn.indexOf("Table: Churn rate by region, as-of month"));
        for (String region : regions) {
            assertTrue(chartsAndTable.contains(region), region + " drawn on the churn page:\n" + churn);
        }
        assertTrue(table.contains("Latin America"), table);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("(\\d) of 4 rows").matcher(table);
        long listed = regions.stream().filter(table::contains).count();
        assertEquals(shown.find() ? Integer.parseInt(shown.group(1)) : 4, listed, "regions in the table, as its note says:\n" + table);
        String outlook = page(pdf, 2).replaceAll("\\s+", " ");
        assertTrue(outlook.contains("The backtest table shows") && outlook.contains("Table: How wrong each forecast has been (backtest)"),
                outlook);
    }

    @Test
    void definitionsPages_setNoTextBelow8Points() throws Exception {
        Path pdf = sample.resolve("report.pdf");
        int last = pages(pdf);
        // pdftotext -bbox gives each word's box, as tall as its font size (an 8-point word: 7.99).
        int words = 0;
        for (int page = last - 1; page <= last; page++) {
            for (Word word : words(pdf, page)) {
                words++;
                assertTrue(word.yMax() - word.yMin() >= 7.9, "page " + page + ": '" + word.text() + "' is set at " + (word.yMax() - word.yMin()) + " pt");
            }
        }
        assertTrue(words > 500, "the definitions pages hold the definitions: " + words + " words");
        String text = page(pdf, last - 1) + page(pdf, last);
        assertTrue(!text.contains("as of as of") && !text.contains("built-in, built-in"), text);
    }

    @Test
    void noPage_holdsOnlyAHeading() throws Exception {
        for (Path pdf : List.of(sample.resolve("report.pdf"), cjk.resolve("report.pdf"))) {
            for (int page = 1; page <= pages(pdf); page++) {
                // Beside the running header and footer, a page holds more than one line.
                List<String> body = page(pdf, page).lines().map(String::strip).filter(l -> !l.isEmpty())
                        .filter(l -> !l.startsWith("Marquee streaming report") && !l.startsWith("Generated by Marquee")).toList();
                assertTrue(body.size() > 1, pdf + " page " + page + " holds only " + body);
            }
        }
    }
}
