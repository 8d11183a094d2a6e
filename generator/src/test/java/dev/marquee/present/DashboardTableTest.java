package dev.marquee.present;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which table a dashboard page shows, and which of its rows and columns, with the note that says what was left out. */
class DashboardTableTest {

    private final List<Figure> figures = new ArrayList<>();
    private String takeaway = "";

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
        givenChart(ChartKind.HBAR, "Members by country", "country", "members", countries());
        givenTakeaway("Most members live in Country T; Country A is the smallest.");

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        // Country A (row 0) and T (row 19) are named; then the largest, S down to N (rows 18..13); in the table's order.
        assertEquals(List.of(0, 13, 14, 15, 16, 17, 18, 19), excerpt.rows());
        assertEquals("8 of 20 rows: the largest by members, with those named above", excerpt.note());
    }

    @Test
    void lessRoom_showsTheFirstRowsWorthShowing_theNamedOnesFirst() {
        givenChart(ChartKind.HBAR, "Members by country", "country", "members", countries());
        givenTakeaway("Most members live in Country T; Country A is the smallest.");

        DashboardTable.Excerpt excerpt = table().excerpt(5);

        // A and T, then the largest after T: S, R, Q (rows 18, 17, 16).
        assertEquals(List.of(0, 16, 17, 18, 19), excerpt.rows());
        assertEquals("5 of 20 rows: the largest by members, with those named above", excerpt.note());
    }

    @Test
    void aTakeawayNamingTheFile_namesNoRowOfIt_soTheLargestAreShown() {
        List<List<Object>> rows = new ArrayList<>();
        String[] bands = {"under 5", "5–10", "10–25", "25–50", "50–100", "100–250", "250+"};
        long[] members = {105, 121, 343, 626, 1_300, 3_700, 18_805};
        for (int b = 0; b < bands.length; b++) {
            rows.add(List.of("netflix_users.csv", bands[b], members[b]));
        }
        givenChart(ChartKind.BAR, "Members by total watch hours", "hours_band", "members", new Table(List.of(new Column("source",
                ColumnType.TEXT), new Column("hours_band", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)), rows));
        givenTakeaway("In netflix_users.csv, the 25K members with watch hours have watched 12.5M hours in all.");

        DashboardTable.Excerpt excerpt = table().excerpt(4);

        assertEquals(List.of(3, 4, 5, 6), excerpt.rows(), "the four largest bands, in the table's order");
        assertEquals("source: netflix_users.csv; 4 of 7 rows: the largest by members", excerpt.note());
    }

    @Test
    void fewRows_areAllShown_withoutANote() {
        givenChart(ChartKind.HBAR, "Members by country", "country", "members",
                new Table(countries().columns(), countries().rows().subList(0, 4)));

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        assertEquals(List.of(0, 1, 2, 3), excerpt.rows());
        assertEquals(List.of(0, 1), excerpt.columns());
        assertEquals("", excerpt.note());
    }

    @Test
    void aSeriesOverTime_showsItsLatestMonths() {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            rows.add(List.of(LocalDate.of(2023, 1, 1).plusMonths(m), 100L + m));
        }
        givenChart(ChartKind.LINE, "Monthly signups", "month", "signups",
                new Table(List.of(new Column("month", ColumnType.DATE), new Column("signups", ColumnType.INTEGER)), rows));

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        assertEquals(List.of(12, 13, 14, 15, 16, 17, 18, 19), excerpt.rows());
        assertEquals("the latest 8 of 20 rows", excerpt.note());
    }

    @Test
    void forecast_showsItsMonthsFromTheLastActual_withoutAnEmptyColumn() {
        // Ten months of history (actual only), then three forecast months (forecast only); the last actual month has both.
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 1; m <= 13; m++) {
            Object actual = m <= 10 ? (Object) (100.0 * m) : null;
            Object forecast = m >= 10 ? (Object) (1000.0 + 153.94 * (m - 10)) : null;
            rows.add(Arrays.asList(LocalDate.of(2024, 1, 1).plusMonths(m - 1), actual, forecast));
        }
        givenChart(ChartKind.FORECAST, "Active subscribers, with forecast", "month", "forecast",
                new Table(List.of(new Column("month", ColumnType.DATE), new Column("actual", ColumnType.DECIMAL),
                        new Column("forecast", ColumnType.DECIMAL)), rows));

        DashboardTable table = table();

        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11, 12), table.excerpt(DashboardTable.ALL_ROWS).rows(),
                "the latest 8, among them the forecast months and the last actual");
        assertEquals(List.of(10, 11, 12), table.excerpt(3).rows(), "room for three: the last actual month is left out");
        assertEquals(List.of(0, 2), table.excerpt(3).columns(), "no actual in the forecast months: the column is left out");
    }

    @Test
    void aSourceColumnOfOneFile_isNamedInTheNote_insteadOfShown() {
        givenChart(ChartKind.HBAR, "Members by country", "country", "members", withSource(countries(), "netflix_users.csv"));

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        assertEquals(List.of(0, 1), excerpt.columns());
        assertEquals("source: netflix_users.csv; 8 of 20 rows: the largest by members", excerpt.note());
    }

    @Test
    void onePopulationsChart_hasItsFileInItsTitle_soTheNoteDoesNotNameIt() {
        Table data = withSource(countries(), "netflix_users.csv");
        figures.add(figure(new RenderedChart("q", spec(ChartKind.HBAR, "Members by country", "country", "members"), data,
                Optional.empty(), "", "", "", Optional.empty(), "", Optional.of("netflix_users.csv"), "netflix-users-csv")));

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        assertEquals(List.of(0, 1), excerpt.columns());
        assertEquals("8 of 20 rows: the largest by members", excerpt.note());
    }

    @Test
    void aColumnOfSentences_isLeftToTheSite() {
        String sentence = "A note long enough to be a sentence rather than a label, sixty characters or more.";
        givenChart(ChartKind.TABLE, "Rules", "rule", "broken", new Table(List.of(new Column("rule", ColumnType.TEXT),
                new Column("broken", ColumnType.INTEGER), new Column("note", ColumnType.TEXT)), List.of(List.of("dates", 3L, sentence))));

        assertEquals(List.of(0, 1), table().excerpt(DashboardTable.ALL_ROWS).columns());
    }

    @Test
    void aTakeawayThatSpeaksOfATable_picksTheTableOnlyEntryItsTitleSharesMostWordsWith() {
        Table one = new Table(List.of(new Column("series", ColumnType.TEXT), new Column("mape", ColumnType.DECIMAL)),
                List.of(List.of("Active subscribers", 2.8)));
        givenChart(ChartKind.LINE, "Active subscribers", "series", "mape", one);
        givenChart(ChartKind.TABLE, "Churn model coefficients", "series", "mape", one);
        givenChart(ChartKind.TABLE, "How wrong each forecast has been (backtest)", "series", "mape", one);
        givenTakeaway("The backtest table shows how far each forecast was off.");

        assertEquals("Table: How wrong each forecast has been (backtest)", table().title());
    }

    /** The PDF's backtest table showed two rows of hidden errors and left out the one with errors to show. */
    @Test
    void rowsWithoutAnyFigure_areLeftOut_whereOthersHaveOne() {
        Table backtest = new Table(List.of(new Column("series", ColumnType.TEXT), new Column("method", ColumnType.TEXT),
                new Column("mape", ColumnType.DECIMAL), new Column("mase", ColumnType.DECIMAL)),
                List.of(Arrays.asList("Active subscribers", "Holt-Winters", null, null), Arrays.asList("MRR", "Holt-Winters", null, null),
                        Arrays.asList("New signups", "Holt-Winters", 0.189, 0.87), Arrays.asList("Watch hours", "Holt-Winters", 0.141, 0.41)));
        givenChart(ChartKind.TABLE, "How wrong each forecast has been (backtest)", "series", "method", backtest);

        assertEquals(List.of(2, 3), table().excerpt(3).rows(), "a blank row says nothing a note would not");
        assertEquals(List.of(2, 3), table().excerpt(2).rows());
    }

    @Test
    void otherwise_theFirstFigureWithData_isShown() {
        Table none = new Table(countries().columns(), List.of());
        givenChart(ChartKind.HBAR, "Empty", "country", "members", none);
        givenChart(ChartKind.HBAR, "Members by country", "country", "members", countries());
        givenChart(ChartKind.TABLE, "A table", "country", "members", countries());
        givenTakeaway("Country T is the largest.");

        assertEquals("Table: Members by country", table().title());
    }

    @Test
    void aChartOfTheMergedGroupAlone_comparesNothing_aChartWithANamedRowDoes() {
        Table onlyOther = new Table(countries().columns(), List.of(List.of(dev.marquee.privacy.Disclosure.OTHER, 12L)));
        Table withNamed = new Table(countries().columns(), List.of(List.of("Brazil", 12L), List.of(dev.marquee.privacy.Disclosure.OTHER, 30L)));

        givenChart(ChartKind.HBAR, "Churn by region", "country", "members", onlyOther);
        givenChart(ChartKind.HBAR, "Churn by region", "country", "members", withNamed);

        assertTrue(figures.get(0).comparesOnlyTheMergedGroup());
        assertFalse(figures.get(1).comparesOnlyTheMergedGroup());
    }

    /** The latest 5 months are hidden (too few signups): the 8 shown are the latest that have a figure, and it says so. */
    @Test
    void aSeriesOverTime_showsItsLatestMonthsWithFigures() {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            rows.add(Arrays.asList(LocalDate.of(2023, 1, 1).plusMonths(m), m >= 15 ? null : 100L + m));
        }
        givenChart(ChartKind.LINE, "Monthly signups", "month", "signups",
                new Table(List.of(new Column("month", ColumnType.DATE), new Column("signups", ColumnType.INTEGER)), rows));

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        assertEquals(List.of(7, 8, 9, 10, 11, 12, 13, 14), excerpt.rows());
        assertEquals("the latest 8 of the 15 rows of 20 that have figures", excerpt.note());
    }

    /** Only 3 of 20 months have a figure: those 3 are shown, no blank row beside them, and the note counts them. */
    @Test
    void aSeriesOverTimeWithFewFigures_showsThemAlone() {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            rows.add(Arrays.asList(LocalDate.of(2023, 1, 1).plusMonths(m), m == 2 || m == 9 || m == 17 ? 10L + m : null));
        }
        givenChart(ChartKind.LINE, "Monthly churn", "month", "churners",
                new Table(List.of(new Column("month", ColumnType.DATE), new Column("churners", ColumnType.INTEGER)), rows));

        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);

        assertEquals(List.of(2, 9, 17), excerpt.rows());
        assertEquals("the 3 rows of 20 that have figures", excerpt.note());
    }

    /**
     * A plan mix by country: each country's three plans, the countries by members (A 30 ... J 300, the row of a plan
     * holding a third). The rows shown are the largest countries', each whole, not the largest rows of eight countries.
     */
    @Test
    void rowsSplitByASeries_areShownACategoryWhole_theLargestFirst() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            for (String plan : List.of("Basic", "Premium", "Standard")) {
                rows.add(List.of("Country " + (char) ('A' + i - 1), plan, i * 10L + (plan.equals("Premium") ? 1 : 0)));
            }
        }
        ChartSpec stacked = new ChartSpec("c", "q", ChartKind.STACKED_PERCENT, "Plan mix by country", "country", List.of("members"),
                Optional.of("plan"), "Country", "Share of members", Unit.MEMBERS, false, "", Optional.empty(), 1, List.of(), "",
                Optional.empty(), Map.of(), Map.of());
        figures.add(figure(new RenderedChart("q", stacked, new Table(List.of(new Column("country", ColumnType.TEXT),
                new Column("plan", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)), rows), Optional.empty(), "", "", "",
                Optional.empty(), "", Optional.empty(), "")));

        // Room for 8 rows: J and I whole (rows 24 to 29), not H's first two.
        DashboardTable.Excerpt excerpt = table().excerpt(DashboardTable.ALL_ROWS);
        assertEquals(List.of(24, 25, 26, 27, 28, 29), excerpt.rows());
        assertEquals("6 of 30 rows: the largest by members, each country whole", excerpt.note());
        // Room for 2: part of J is all there is room for, and better than nothing.
        assertEquals(List.of(27, 28), table().excerpt(2).rows());
    }

    @Test
    void noFigureWithData_noTable() {
        givenChart(ChartKind.HBAR, "Empty", "country", "members", new Table(countries().columns(), List.of()));

        assertTrue(page().dashboardTable().isEmpty());
    }

    private void givenChart(ChartKind kind, String title, String x, String y, Table data) {
        figures.add(figure(new RenderedChart("q", spec(kind, title, x, y), data, Optional.empty(), "", "", "", Optional.empty(), "",
                Optional.empty(), "")));
    }

    private void givenTakeaway(String text) {
        takeaway = text;
    }

    private static ChartSpec spec(ChartKind kind, String title, String x, String y) {
        return new ChartSpec("c", "q", kind, title, x, List.of(y), Optional.empty(), "X", "Y", Unit.MEMBERS, false, "",
                Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), Map.of());
    }

    private static Figure figure(RenderedChart chart) {
        return new Figure(chart, "", DataTable.of(chart.spec(), chart.data()), "", "", List.of());
    }

    private static Table withSource(Table data, String file) {
        List<Column> columns = new ArrayList<>(data.columns());
        columns.add(new Column("source", ColumnType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : data.rows()) {
            List<Object> withFile = new ArrayList<>(row);
            withFile.add(file);
            rows.add(withFile);
        }
        return new Table(columns, rows);
    }

    private Page page() {
        return new Page("q", "Question", "What?", "", takeaway, figures, Optional.empty());
    }

    private DashboardTable table() {
        return page().dashboardTable().orElseThrow();
    }
}
