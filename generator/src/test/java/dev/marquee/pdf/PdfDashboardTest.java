package dev.marquee.pdf;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF dashboard of the sample data, read back: pages, titles, KPIs, bookmarks, fonts, CJK text. */
class PdfDashboardTest {

    private static Path sample;
    private static Path cjk;

    @BeforeAll
    static void build() throws Exception {
        Path temp = Files.createTempDirectory("marquee-pdf-");
        sample = temp.resolve("sample");
        cjk = temp.resolve("cjk");
        assertEquals(0, Fixtures.marquee("build", "--out", sample.toString(), "--as-of", "2024-12-31").exitCode());
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("cjk").toString(), "--out", cjk.toString(),
                "--min-group-size", "1");
        assertEquals(0, run.exitCode(), run.err());
    }

    private static String poppler(String tool, Path pdf, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/" + tool)) || "true".equals(System.getenv("CI")),
                tool + " (poppler-utils) is not installed");
        List<String> command = new java.util.ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        command.add(pdf.toString());
        if (tool.equals("pdftotext")) {
            command.add("-");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    @Test
    void chartAxisLabels_evenRotatedOnes_areTextInThePdf() throws Exception {
        // The value axis's label runs up the side of the chart; it must be text (searchable), not letter outlines.
        String outlook = poppler("pdftotext", sample.resolve("report.pdf"), "-f", "3", "-l", "3");

        for (String axisLabel : List.of("Active subscribers", "New signups", "MRR", "Watch hours", "Month")) {
            assertTrue(outlook.lines().anyMatch(line -> line.strip().equals(axisLabel)), axisLabel + " on its own line:\n" + outlook);
        }
    }

    @Test
    void everyPage_hasItsTitleTheAsOfDateAndPageXOfY() throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(sample.resolve("report.pdf")));
        int pages = reader.getNumberOfPages();
        reader.close();
        // The project's targets.yaml gives a first edition a page of its targets after the cover.
        List<String> titles = List.of("Marquee streaming report", "Targets", "Outlook", "Members", "Watch time and engagement", "Churn and retention",
                "Top titles", "Signups and growth", "Genre ratings", "Plans and devices by country", "Revenue", "Catalogue",
                "Data and definitions");
        assertEquals(titles.size(), pages, "a cover, the targets, one dashboard page per area, a closing page");
        for (int page = 1; page <= pages; page++) {
            String text = poppler("pdftotext", sample.resolve("report.pdf"), "-f", "" + page, "-l", "" + page, "-layout");
            assertTrue(text.contains(titles.get(page - 1)), "page " + page + " title");
            assertTrue(text.contains("As of 31 Dec 2024"), "page " + page + " as-of date");
            assertTrue(text.contains("Page " + page + " of " + pages), "page " + page + " numbering");
        }
        String cover = poppler("pdftotext", sample.resolve("report.pdf"), "-f", "1", "-l", "1");
        for (String kpi : List.of("Watch hours", "Active members", "Churn rate", "New signups", "Average rating",
                "Monthly recurring revenue", "vs a month earlier", "vs a year earlier", "Target at most 3.5%: missed", "month: met")) {
            assertTrue(cover.contains(kpi), "cover shows " + kpi);
        }
    }

    @Test
    void bookmarksAndMetadata() throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(sample.resolve("report.pdf")));
        List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(reader);
        assertEquals(List.of("Overview", "Targets", "Outlook", "Members", "Watch time and engagement", "Churn and retention", "Top titles",
                "Signups and growth", "Genre ratings", "Plans and devices by country", "Revenue", "Catalogue",
                "Data and definitions"), bookmarks.stream().map(b -> b.get("Title")).toList());
        Map<String, String> info = reader.getInfo();
        assertEquals("Marquee streaming report, as of 31 Dec 2024", info.get("Title"));
        assertEquals("Marquee", info.get("Author"));
        assertTrue(info.get("Subject").contains("Churn and retention"));
        assertTrue(info.get("Keywords").contains("2024-12-31"));
        reader.close();
        assertTrue(Files.size(sample.resolve("report.pdf")) < 2_000_000, "well under 2 MB");
    }

    @Test
    void everyFontIsEmbedded_andCjkTitlesPrintAsText() throws Exception {
        for (Path pdf : List.of(sample.resolve("report.pdf"), cjk.resolve("report.pdf"))) {
            String fonts = poppler("pdffonts", pdf);
            List<String> rows = fonts.lines().skip(2).toList();
            assertTrue(!rows.isEmpty(), fonts);
            for (String row : rows) {
                String[] columns = row.trim().split("\\s+");
                assertEquals("yes", columns[columns.length - 5], "embedded: " + row);
            }
        }
        Assumptions.assumeTrue(PdfFonts.find("wqy-zenhei.ttc").isPresent() || "true".equals(System.getenv("CI")),
                "CJK check needs fonts-wqy-zenhei");
        String text = poppler("pdftotext", cjk.resolve("report.pdf"));
        assertTrue(text.contains("오징어 게임"), "Korean title extracted:\n" + text);
        assertTrue(text.contains("今際の国のアリス"), "Japanese title extracted");
        assertTrue(poppler("pdffonts", cjk.resolve("report.pdf")).contains("WenQuanYiZenHei"));
    }
}
