package dev.marquee.chart;

import dev.marquee.Fixtures;
import dev.marquee.format.SafeText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A title of a megabyte (fixtures/long-title: one word, JFreeChart's worst case for wrapping) as a bar's category, a
 * vertical bar's rotated label and a line's series name: the charts draw it cut to a label's length, so the build ends
 * in seconds (before: 7 s in the chart stage for 30 KB, growing with the square of the length); the data table and
 * the CSV keep it whole.
 */
class LongLabelTest {

    private static final String TITLE = "A".repeat(1_048_576);
    private static final Pattern SVG_TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void megabyteTitle_isCutInTheCharts_andWholeInTheTableAndCsv() throws Exception {
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--questions", Fixtures.FIXTURES.resolve("long-title").toString(), "--min-group-size", "1");

        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(site.resolve("long-title.html"));
        Matcher text = SVG_TEXT.matcher(page);
        int labels = 0;
        while (text.find()) {
            assertTrue(text.group(1).length() <= SafeText.LABEL_LENGTH, "a chart label of " + text.group(1).length() + " characters");
            labels += text.group(1).startsWith("AAAA") ? 1 : 0;
        }
        // One word of 80 letters is wider than any label's room: it is broken over lines rather than cut further.
        assertTrue(labels >= 6, "the title labels the hbar, the bar and the line's legend, in the wide and in the phone drawing");
        assertTrue(page.contains("<td class=\"txt\">" + TITLE + "</td>"), "the data table shows the title whole");
        for (String csv : List.of("long-title-by-title.csv", "long-title-by-title-bars.csv", "long-title-by-year.csv")) {
            assertTrue(Files.readString(site.resolve("csv").resolve(csv)).contains(TITLE), csv + " holds the title whole");
        }
    }
}
