package dev.marquee.pdf;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which rows and columns a dashboard page's table shows, and how its cells read. */
class PdfTablesTest {

    private static RenderedChart chart(ChartKind kind, String x, String y, Unit unit, Table data) {
        ChartSpec spec = new ChartSpec("c", "q", kind, "A chart", x, List.of(y), Optional.empty(), "X", "Y", unit, false, "",
                Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), Map.of());
        return new RenderedChart("s", spec, data, Optional.empty(), "", "", "", Optional.empty(), "", Optional.empty(), "");
    }

    /** Twenty countries, the i-th with i * 10 members: "Country A" 10 ... "Country T" 200. */
    private static Table countries() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(List.of("Country " + (char) ('A' + i - 1), i * 10L));
        }
        return new Table(List.of(new Column("country", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)), rows);
    }

    @Test
    void manyCategories_showTheLargestByTheMeasure_andTheRowsTheTakeawayNames() {
        RenderedChart chart = chart(ChartKind.HBAR, "country", "members", Unit.MEMBERS, countries());

        PdfTables.Selection selection = PdfTables.rows(chart, "Most members live in Country T; Country A is the smallest.", 12);

        // Country A (row 0) and T (row 19) are named; then the largest, S down to N (rows 18..13); in the table's order.
        assertEquals(List.of(0, 13, 14, 15, 16, 17, 18, 19), selection.rows());
        assertEquals("8 of 20 rows: the largest by members, with those named above", selection.note());
    }

    @Test
    void fewRows_areAllShown() {
        Table four = new Table(countries().columns(), countries().rows().subList(0, 4));

        PdfTables.Selection selection = PdfTables.rows(chart(ChartKind.HBAR, "country", "members", Unit.MEMBERS, four), "", 12);

        assertEquals(List.of(0, 1, 2, 3), selection.rows());
        assertEquals("", selection.note());
    }

    @Test
    void forecast_showsItsMonthsFromTheLastActual_withoutAnEmptyColumn() {
        // Ten months of history (actual only), then three forecast months (forecast only); the last actual month has both.
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 1; m <= 13; m++) {
            Object actual = m <= 10 ? (Object) (100.0 * m) : null;
            Object forecast = m >= 10 ? (Object) (1000.0 + 153.94 * (m - 10)) : null;
            rows.add(java.util.Arrays.asList(LocalDate.of(2024, 1, 1).plusMonths(m - 1), actual, forecast));
        }
        Table data = new Table(List.of(new Column("month", ColumnType.DATE), new Column("actual", ColumnType.DECIMAL),
                new Column("forecast", ColumnType.DECIMAL)), rows);
        RenderedChart chart = chart(ChartKind.FORECAST, "month", "forecast", Unit.MEMBERS, data);

        PdfTables.Selection selection = PdfTables.rows(chart, "", 12);
        List<Integer> lastThree = List.of(10, 11, 12);

        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11, 12), selection.rows(), "the latest 8, among them the forecast months and the last actual");
        assertEquals(List.of(0, 2), PdfTables.columns(chart, lastThree), "no actual in the forecast months: the column is left out");
    }
}
