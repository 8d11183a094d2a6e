package dev.marquee;

import dev.marquee.run.ReportException;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline on the tiny fixture, run as a user runs it: data → DuckDB → question → chart → HTML + PDF. */
class WalkingSkeletonTest {

    /** The walking skeleton's one question (monthly watch hours), kept as it was so these numbers stay put. */
    static final Path SKELETON = Fixtures.FIXTURES.resolve("skeleton-questions");

    @TempDir
    Path temp;

    @Test
    void build_tinyFixture_writesSitePagesChartCsvAndPdf() throws Exception {
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--min-group-size", "1", "--questions", SKELETON.toString());

        assertEquals(0, run.exitCode(), run.err());
        for (String stage : new String[]{"load", "validate", "query", "chart", "site", "pdf"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(stage + " ") && l.contains(" s ")),
                    "progress line for " + stage + " in:\n" + run.out());
        }
        String page = Fixtures.read(site.resolve("watch-time.html"));
        assertTrue(page.contains("<h2 class=\"chart-title\">Monthly watch hours</h2>"));
        assertTrue(page.contains("<svg "), "chart is inline SVG");
        assertTrue(java.util.regex.Pattern.compile("<text [^>]*>Watch hours</text>").matcher(page).find(),
                "the value axis's title is text above the plot, not letter outlines");
        assertTrue(page.contains("as of 1 Mar 2024"), "as-of date defaults to the latest activity, 2024-03-01");
        assertTrue(Fixtures.read(site.resolve("index.html")).contains("href=\"report.pdf\""));
        assertEquals("month,watch_hours (hours),viewers\n2024-01-01,2.75,2\n2024-02-01,2.00833333333,2\n2024-03-01,1.5,1\n",
                Fixtures.read(site.resolve("csv/watch-time-monthly-hours.csv")));

        PdfReader pdf = new PdfReader(Files.readAllBytes(site.resolve("report.pdf")));
        try {
            assertEquals(3, pdf.getNumberOfPages(), "cover, watch time, data");
            String secondPage = new PdfTextExtractor(pdf).getTextFromPage(2).replaceAll("\\s+", " ");
            assertTrue(secondPage.contains("Watch time"), secondPage);
            // The running header and footer are page furniture (PDF/UA artifacts), which OpenPDF's extractor skips:
            // read them as a reader's viewer shows them.
            String shown = Fixtures.poppler("pdftotext", site.resolve("report.pdf"), "-f", "2", "-l", "2", "-layout");
            assertTrue(shown.contains("As of 1 Mar 2024"), shown);
            assertTrue(shown.contains("Page 2 of 3"), shown);
            assertTrue(pdf.getInfo().get("Title").contains("1 Mar 2024"));
            var bookmarks = SimpleBookmark.getBookmarkList(pdf);
            assertEquals("Overview", bookmarks.get(0).get("Title"));
            assertEquals("Watch time", bookmarks.get(1).get("Title"));
        } finally {
            pdf.close();
        }
    }

    @Test
    void build_sameDataAndAsOf_givesByteIdenticalOutput() {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", first.toString(), "--as-of", "2024-03-31", "--min-group-size", "1", "--questions", SKELETON.toString());
        Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", second.toString(), "--as-of", "2024-03-31", "--min-group-size", "1", "--questions", SKELETON.toString());

        Map<String, byte[]> a = Fixtures.tree(first);
        Map<String, byte[]> b = Fixtures.tree(second);
        assertEquals(a.keySet(), b.keySet());
        assertFalse(a.isEmpty());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name + " differs between two runs"));
    }

    @Test
    void build_whenTheDataIsBroken_failsAndLeavesThePreviousSiteUntouched() throws Exception {
        Path site = temp.resolve("site");
        assertEquals(0, Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(), "--min-group-size", "1",
                "--questions", SKELETON.toString()).exitCode());
        Map<String, byte[]> before = Fixtures.tree(site);
        Path broken = temp.resolve("broken");
        Fixtures.copyTree(Fixtures.TINY, broken);
        Files.writeString(broken.resolve("users.csv"), "user_id,country\n1,France\n");

        Fixtures.Run run = Fixtures.marquee("build", "--data", broken.toString(), "--out", site.toString(), "--questions", SKELETON.toString());

        assertEquals(ReportException.DATA_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("users.csv:1 column signup_date: required column is missing"), run.err());
        Map<String, byte[]> after = Fixtures.tree(site);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name + " changed"));
        try (var siblings = Files.list(temp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".building-")), "no half-built folder left");
        }
    }

    @Test
    void build_asOfInTheMiddle_setsLaterActivityAsideAndDatesTheReport() {
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--as-of", "2024-02-29", "--min-group-size", "1", "--max-bad-rows", "0.5", "--questions", SKELETON.toString());

        assertEquals(0, run.exitCode(), run.err());
        String csv = Fixtures.read(site.resolve("csv/watch-time-monthly-hours.csv"));
        assertFalse(csv.contains("2024-03-01"), csv);
        String data = Fixtures.read(site.resolve("data.html"));
        assertTrue(data.contains("after-as-of"), "the data page says why the March session was set aside");
        assertNotEquals(-1, data.indexOf("viewing_sessions.csv:8"));
    }

    @Test
    void help_everySubcommand_printsUsage() {
        for (String command : new String[]{"build", "validate", "sample-data"}) {
            Fixtures.Run run = Fixtures.marquee(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().contains("Usage: marquee " + command), run.out());
        }
    }
}
