package dev.marquee.site;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chart text checker of {@link ReaderViewTest} on small drawings whose faults are known: measured in the same
 * headless Chromium, at 1366 pixels wide.
 */
class ChartTextsTest {
    private static Path folder;
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "browser tests skipped: install chromium and chromium-driver to run them");
        folder = Fixtures.scratch("marquee-chart-texts-");
        browser = HeadlessChromium.start(folder.resolve("profile"));
        HeadlessChromium.emulate(browser, 1366, false, false);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The problems the checker finds on a page holding {@code body}; each drawing's figure is named "chart-test". */
    private static List<String> problemsOf(String body) throws Exception {
        Path page = Files.createTempFile(folder, "page-", ".html");
        Files.writeString(page, "<!doctype html><html><head><meta charset=\"utf-8\"><style>"
                + "body { margin: 0; font-family: 'DejaVu Sans'; } .narrow { display: none; } svg { display: block; }"
                + "</style></head><body><figure id=\"chart-test\">" + body + "</figure></body></html>");
        browser.get(page.toUri().toString());
        List<String> problems = new ArrayList<>();
        for (ChartTexts.Drawing drawing : ChartTexts.measure(browser)) {
            problems.addAll(ChartTexts.problems("page", drawing));
        }
        return problems;
    }

    private static String svg(String viewBox, int width, String texts) {
        return "<svg class=\"chart-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + viewBox + "\" width=\"" + width + "\">"
                + texts + "</svg>";
    }

    private static String text(double x, double y, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" style=\"font-size: 12px; font-family: 'DejaVu Sans'\">" + content + "</text>";
    }

    @Test
    void twoTextsOnTopOfEachOther_areReported() throws Exception {
        List<String> problems = problemsOf(svg("0 0 400 200", 400, text(20, 50, "Netherlands") + text(60, 55, "Nigeria")));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("page chart-test: \"Netherlands\" overlaps \"Nigeria\" by "), problems.get(0));
    }

    @Test
    void textsSideBySide_andOneLineBelowAnother_areFine() throws Exception {
        assertEquals(List.of(), problemsOf(svg("0 0 400 200", 400,
                text(20, 50, "Netherlands") + text(120, 50, "Nigeria") + text(20, 66, "Norway"))));
    }

    @Test
    void textsTouchingByLessThanAUnit_areFine_andByTwoUnits_areReported() throws Exception {
        // A 12-pixel DejaVu Sans line box is 14 units tall (its ascent and descent): lines 13.2 apart share 0.8 units.
        assertEquals(List.of(), problemsOf(svg("0 0 400 200", 400, text(20, 50, "Drama") + text(20, 63.2, "Comedy"))));
        assertEquals(1, problemsOf(svg("0 0 400 200", 400, text(20, 50, "Drama") + text(20, 62, "Comedy"))).size());
    }

    @Test
    void rotatedLabels_areMeasuredAsRotatedBoxes() throws Exception {
        // Labels turned 45 degrees, 24 units apart (17 across their lines, 14 tall): their upright bounding boxes overlap, the labels themselves do not.
        String apart = rotated(100, "Jan 2022") + rotated(124, "Feb 2022");
        String crowded = rotated(100, "Jan 2022") + rotated(108, "Feb 2022");

        assertEquals(List.of(), problemsOf(svg("0 0 400 200", 400, apart)));
        assertEquals(1, problemsOf(svg("0 0 400 200", 400, crowded)).size());
    }

    private static String rotated(double x, String content) {
        return "<g transform=\"rotate(-45 " + x + " 120)\">" + text(x, 120, content) + "</g>";
    }

    @Test
    void aTextBeyondTheDrawingsEdge_isReported_inTheDrawingsUnits() throws Exception {
        // The drawing is shown twice its size: the text crosses the right edge by about 40 of its units, not 80 pixels.
        List<String> problems = problemsOf(svg("0 0 200 100", 400, text(150, 50, "United Kingdom")));

        assertEquals(1, problems.size(), problems.toString());
        String amount = problems.get(0).replaceFirst(".* by ", "");
        double units = Double.parseDouble(amount);
        assertEquals(true, units > 30 && units < 50, problems.get(0));
        assertEquals(true, problems.get(0).startsWith("page chart-test: \"United Kingdom\" leaves the drawing by "), problems.get(0));
    }

    @Test
    void labelsCutShortWithDotsOrAnEllipsis_areReported() throws Exception {
        List<String> problems = problemsOf(svg("0 0 400 200", 400,
                text(20, 30, "Netherla...") + text(20, 60, "United King…") + text(20, 90, "Ends with a full stop.")));

        assertEquals(List.of("page chart-test: \"Netherla...\" is cut short", "page chart-test: \"United King…\" is cut short"), problems);
    }

    @Test
    void aDrawingTheStyleSheetHides_isNotMeasured() throws Exception {
        String overlapping = text(20, 50, "Netherlands") + text(60, 55, "Nigeria");
        List<String> problems = problemsOf("<div class=\"wide\">" + svg("0 0 400 200", 400, text(20, 50, "Shown")) + "</div>"
                + "<div class=\"narrow\">" + svg("0 0 400 200", 400, overlapping) + "</div>");

        assertEquals(List.of(), problems);
    }
}
