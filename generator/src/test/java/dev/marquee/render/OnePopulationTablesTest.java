package dev.marquee.render;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report of one population (the sample: the event files alone) names it on its Data and About pages, not in a column
 * of every table: its revenue table read "event files" in each of its three rows, and the PDF's excerpts "source: event
 * files" under them. The CSVs keep the column, and a table of the files themselves (members by file) keeps it too.
 */
class OnePopulationTablesTest {

    private static final String FILE_HEADER = "<th scope=\"col\" class=\"txt\">source</th>";

    @Test
    void sample_tablesLabelledByAnotherColumn_nameNoFile_andTheCsvsDo() throws IOException {
        Path site = Fixtures.sampleSite();

        String revenue = Files.readString(site.resolve("revenue.html"));
        assertFalse(revenue.contains(FILE_HEADER), "the revenue page's tables have no file column");
        assertTrue(revenue.contains("<th scope=\"col\" class=\"txt\">plan</th>"), "the MRR by plan table is there");
        // Its narrative: "Standard brings the most recurring revenue of any plan, $23.8K (source: event files)." before.
        assertTrue(revenue.contains("brings the most recurring revenue of any plan, $23.8K."), revenue);
        assertFalse(revenue.contains("(source: "), "no file named beside a figure");
        assertTrue(Files.readString(site.resolve("csv/revenue-by-plan.csv")).startsWith("source,plan,"));
        // Members by file: the file is the row's only label.
        assertEquals(1, count(Files.readString(site.resolve("members.html")), FILE_HEADER));
    }

    @Test
    void sample_pdfExcerpts_nameNoFile() throws Exception {
        String pdf = Fixtures.poppler("pdftotext", Fixtures.sampleSite().resolve("report.pdf"), "-raw").replaceAll("\\s+", " ");

        assertFalse(pdf.contains("source: event files"), pdf);
        assertTrue(pdf.contains("Table: New signups per month"), pdf);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
