package dev.marquee.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.Fixtures;
import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;
import dev.marquee.present.DashboardTable;
import dev.marquee.present.DataTable;
import dev.marquee.present.Figure;
import dev.marquee.present.Page;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dashboard page's table in the PDF is the one its page's model chose: its rows, its columns, its note. */
class PdfQuestionPageTest {

    @Test
    void theTable_showsTheRowsAndNoteThePresentStageChose() throws Exception {
        // Twenty countries, the i-th with i * 10 members: "Country A" 10 ... "Country T" 200; the takeaway names the smallest.
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(List.of("Country " + (char) ('A' + i - 1), i * 10L));
        }
        Table data = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)), rows);
        ChartSpec spec = new ChartSpec("c", "q", ChartKind.TABLE, "Members by country", "country", List.of("members"), Optional.empty(),
                "", "", Unit.MEMBERS, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), Map.of());
        RenderedChart chart = new RenderedChart("q", spec, data, Optional.empty(), "", "", "", Optional.empty(), "", Optional.empty(), "");
        Page page = new Page("q", "Members", "Where do members live?", "", "Country A is the smallest.",
                List.of(new Figure(chart, "", DataTable.of(spec, data), "", "", List.of())), Optional.empty());
        DashboardTable.Excerpt chosen = page.dashboardTable().orElseThrow().excerpt(DashboardTable.ALL_ROWS);

        String text = pageText(page);
        String table = text.substring(text.indexOf("Table:"));

        assertEquals("8 of 20 rows: the largest by members, with those named above", chosen.note());
        assertTrue(table.startsWith("Table: Members by country · " + chosen.note() + " country members"), table);
        for (int r = 0; r < data.rowCount(); r++) {
            String country = (String) data.value(r, "country");
            assertEquals(chosen.rows().contains(r), table.contains(country + " "), country + " shown as the model chose:\n" + table);
        }
    }

    @Test
    void aTableShownWhole_takesFromTheRowsAboveWhatTheyHaveBeyondTheirLeast() {
        // Two rows of charts, each allowed at least 120 and 100 points; laid out 200 and 150 high.
        PdfQuestionPage.Rows rows = new PdfQuestionPage.Rows(new float[]{120, 100}, new float[]{200, 150}, 260);

        assertEquals(List.of(170f, 180f), heights(rows.lastTaller(new float[]{200, 150}, 30).orElseThrow()));
        // The first row has 80 beyond its least: 81 more is too much, as is a last row past the most (260).
        assertTrue(rows.lastTaller(new float[]{200, 150}, 81).isEmpty());
        assertTrue(rows.lastTaller(new float[]{200, 200}, 61).isEmpty());
    }

    @Test
    void theSamplesTopTenTitles_showTheirTenRows() throws Exception {
        // Laid out in its grid cell, the table missed the tenth row by 0.6 pt and said so in a note of two lines.
        String text = Fixtures.poppler("pdftotext", Fixtures.sampleSite().resolve("report.pdf")).replaceAll("\\s+", " ");

        assertTrue(text.contains("Table: Top 10 titles by watch hours"), "the table is on its page");
        assertTrue(!text.contains("Table: Top 10 titles by watch hours ·"), "no note of rows left out");
        assertTrue(text.contains("ABCD 2 Movie 3,561 1,030 Explained TV Show 3,520 1,162"), "the ninth and tenth titles are in the table");
    }

    private static List<Float> heights(float[] heights) {
        List<Float> list = new ArrayList<>();
        for (float height : heights) {
            list.add(height);
        }
        return list;
    }

    /** The page written alone into a PDF, read back as text, runs of white space made one space. */
    private static String pageText(Page page) throws Exception {
        Path pdf = Fixtures.scratch("marquee-pdf-page-").resolve("page.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            Document document = new Document(PageSize.A4.rotate(), PdfReport.MARGIN, PdfReport.MARGIN, PdfReport.MARGIN + 22, PdfReport.MARGIN + 18);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setTagged();
            document.open();
            Tagging tags = new Tagging(writer);
            writer.setPageEvent(tags);
            PdfQuestionPage.write(document, writer, tags, page, 10, PdfFonts.load());
            document.close();
        }
        return Fixtures.poppler("pdftotext", pdf).replaceAll("\\s+", " ");
    }
}
