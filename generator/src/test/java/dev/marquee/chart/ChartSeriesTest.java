package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;
import dev.marquee.privacy.Disclosure;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.marquee.chart.Charts.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Other (small groups)" looks the same everywhere, a hidden value is a gap, and the page gives the chart its title. */
class ChartSeriesTest {

    private static final String GREY = "fill:rgb(158,158,158)";

    @Test
    void otherSmallGroups_isTheSameGrey_asThe4thSeriesOfOneChart_andThe3rdOfAnother() {
        Table plans = Charts.table(List.of(column("country", ColumnType.TEXT), column("plan", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                new Object[]{"Brazil", "Basic", 0.5}, new Object[]{"Brazil", "Premium", 0.2}, new Object[]{"Brazil", "Standard", 0.2},
                new Object[]{"Brazil", Disclosure.OTHER, 0.1});
        Table devices = Charts.table(List.of(column("country", ColumnType.TEXT), column("device", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                new Object[]{"Brazil", "Mobile", 0.5}, new Object[]{"Brazil", "TV", 0.3}, new Object[]{"Brazil", Disclosure.OTHER, 0.1},
                new Object[]{"Brazil", "Laptop", 0.1});

        JFreeChart planMix = ChartBuilder.build(Charts.spec(ChartKind.STACKED_PERCENT, "country", List.of("share"), Optional.of("plan"), Unit.PERCENT), plans);
        JFreeChart deviceMix = ChartBuilder.build(Charts.spec(ChartKind.STACKED_PERCENT, "country", List.of("share"), Optional.of("device"), Unit.PERCENT), devices);

        assertEquals(Theme.OTHER, paintOf(planMix, Disclosure.OTHER));
        assertEquals(Theme.OTHER, paintOf(deviceMix, Disclosure.OTHER));
        assertEquals(paintOf(planMix, "Basic"), paintOf(deviceMix, "Laptop"), "the other series take the palette in turn");
        assertEquals(paintOf(planMix, "Standard"), paintOf(deviceMix, "TV"), "... skipping the grey of Other");
        assertEquals(List.of("Laptop", "Mobile", "TV", Disclosure.OTHER), keys(deviceMix), "alphabetical, Other last");
    }

    @Test
    void aSeries_hasTheSameColourInTwoCharts_whateverOrderTheirQueriesGiveIt() {
        Table byHours = Charts.table(List.of(column("country", ColumnType.TEXT), column("device", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                new Object[]{"Brazil", "TV", 0.5}, new Object[]{"Brazil", "Mobile", 0.3}, new Object[]{"Brazil", "Laptop", 0.2});
        Table byMembers = Charts.table(List.of(column("country", ColumnType.TEXT), column("device", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                new Object[]{"Brazil", "Mobile", 0.6}, new Object[]{"Brazil", "Laptop", 0.3}, new Object[]{"Brazil", "TV", 0.1});

        JFreeChart hours = ChartBuilder.build(Charts.spec(ChartKind.STACKED_PERCENT, "country", List.of("share"), Optional.of("device"), Unit.PERCENT), byHours);
        JFreeChart members = ChartBuilder.build(Charts.spec(ChartKind.STACKED_PERCENT, "country", List.of("share"), Optional.of("device"), Unit.PERCENT), byMembers);

        for (String device : List.of("Laptop", "Mobile", "TV")) {
            assertEquals(paintOf(hours, device), paintOf(members, device), device);
        }
        for (java.awt.Color colour : Theme.SERIES) {
            assertNotEquals(Theme.OTHER, colour, "no series is drawn in Other's grey");
        }
    }

    @Test
    void otherSmallGroups_asABarOfOneSeries_isGreyInTheSvg() {
        Table regions = Charts.table(List.of(column("region", ColumnType.TEXT), column("rate", ColumnType.DECIMAL)),
                new Object[]{"Europe", 0.05}, new Object[]{"North America", 0.03}, new Object[]{Disclosure.OTHER, 0.04});

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.HBAR, "region", List.of("rate"), Optional.empty(), Unit.PERCENT), regions);

        assertEquals(1, count(chart.svg(), GREY), "one grey bar");
        assertTrue(chart.svg().contains("fill:rgb(0,114,178)"), "the others in the first colour");
    }

    @Test
    void hiddenMonth_isAGapInTheLine_notZeroNorBridged() {
        Table churn = Charts.table(List.of(column("month", ColumnType.DATE), column("region", ColumnType.TEXT), column("rate", ColumnType.DECIMAL)),
                new Object[]{LocalDate.of(2024, 1, 1), "Middle East & Africa", 0.04},
                new Object[]{LocalDate.of(2024, 2, 1), "Middle East & Africa", null},
                new Object[]{LocalDate.of(2024, 3, 1), "Middle East & Africa", 0.05},
                new Object[]{LocalDate.of(2024, 4, 1), "Middle East & Africa", 0.06},
                new Object[]{LocalDate.of(2024, 1, 1), "Europe", 0.03},
                new Object[]{LocalDate.of(2024, 2, 1), "Europe", 0.03},
                new Object[]{LocalDate.of(2024, 4, 1), "Europe", 0.03});

        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.LINE, "month", List.of("rate"), Optional.of("region"), Unit.PERCENT), churn);

        XYPlot plot = (XYPlot) chart.getPlot();
        XYDataset data = plot.getDataset();
        assertEquals(4, data.getItemCount(0), "every month of the chart");
        assertTrue(Double.isNaN(data.getYValue(0, 1)), "the hidden February is no value, not 0");
        assertEquals(4, data.getItemCount(1), "Europe's missing March is a month of its line too");
        assertTrue(Double.isNaN(data.getYValue(1, 2)), "... without a value");
        // Without dots on every point (a long series), a point between gaps still shows.
        XYLineAndShapeRenderer withoutDots = new ChartBuilder.GapLineRenderer(false);
        plot.setRenderer(withoutDots);
        assertTrue(withoutDots.getItemShapeVisible(0, 0), "January, alone between the start and a gap, is drawn as a dot");
        assertFalse(withoutDots.getItemShapeVisible(0, 2), "March, joined to April by the line, is not");
    }

    /**
     * Given quarterly revenue, Jan 2018 to Jan 2020 (nine quarters), Region A missing Jul 2019: each series has one point
     * a quarter, not one a month with two empty months between (which drew dots and no line); the missing quarter is a gap.
     */
    @Test
    void quarterlyFigures_areJoinedQuarterToQuarter_aMissingQuarterIsAGap() {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (LocalDate quarter = LocalDate.of(2018, 1, 1); !quarter.isAfter(LocalDate.of(2020, 1, 1)); quarter = quarter.plusMonths(3)) {
            rows.add(new Object[]{quarter, "Region A", quarter.equals(LocalDate.of(2019, 7, 1)) ? null : 300.0});
            rows.add(new Object[]{quarter, "Region B", 700.0});
        }
        Table revenue = Charts.table(List.of(column("quarter", ColumnType.DATE), column("region", ColumnType.TEXT), column("revenue", ColumnType.DECIMAL)),
                rows.toArray(Object[][]::new));

        XYDataset data = ((XYPlot) ChartBuilder.build(Charts.spec(ChartKind.LINE, "quarter", List.of("revenue"), Optional.of("region"), Unit.USD),
                revenue).getPlot()).getDataset();

        assertEquals(9, data.getItemCount(0), "one point a quarter, Jan 2018 to Jan 2020");
        assertEquals(LocalDate.of(2018, 4, 1), LocalDate.ofEpochDay((long) (data.getXValue(0, 1) / 86_400_000L)), "the second is Apr 2018");
        assertTrue(Double.isNaN(data.getYValue(0, 6)), "Region A's Jul 2019 is a gap");
        assertEquals(300.0, data.getYValue(0, 5), "Apr 2019 joins Jan 2019 by the line");
        assertEquals(List.of(), java.util.stream.IntStream.range(0, 9).filter(i -> Double.isNaN(data.getYValue(1, i))).boxed().toList(),
                "Region B has every quarter: no gap");
    }

    /** Given the same nine quarters: the axis names the quarters as the table does (Jan, Apr, Jul, Oct), on the page and on a phone. */
    @Test
    void quarterlyFigures_axisTicksAreTheQuartersFirstMonths() {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (LocalDate quarter = LocalDate.of(2018, 1, 1); !quarter.isAfter(LocalDate.of(2020, 1, 1)); quarter = quarter.plusMonths(3)) {
            rows.add(new Object[]{quarter, 300.0});
        }
        Table revenue = Charts.table(List.of(column("quarter", ColumnType.DATE), column("revenue", ColumnType.DECIMAL)), rows.toArray(Object[][]::new));

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.LINE, "quarter", List.of("revenue"), Optional.empty(), Unit.USD), revenue);

        for (String svg : List.of(chart.svg(), chart.narrowSvg())) {
            List<String> ticks = Charts.texts(svg).stream().filter(t -> t.matches("[A-Z][a-z]{2} \\d{4}")).toList();
            assertTrue(ticks.size() >= 2, ticks.toString());
            assertTrue(ticks.stream().allMatch(t -> t.startsWith("Jan") || t.startsWith("Apr") || t.startsWith("Jul") || t.startsWith("Oct")),
                    ticks.toString());
        }
    }

    @Test
    void monthsMergedAsOtherSmallGroups_areNotPlacedOnTheTimeAxis() {
        // A country's months too small to publish one by one (members by month within a slice, at a k of 25) merge into
        // one row whose month is "Other (small groups)": the chart had thrown a ClassCastException; its table lists it.
        Table members = Charts.table(List.of(column("month", ColumnType.DATE), column("country", ColumnType.TEXT), column("members", ColumnType.INTEGER)),
                new Object[]{LocalDate.of(2024, 11, 1), "Nigeria", 28L}, new Object[]{LocalDate.of(2024, 12, 1), "Nigeria", 31L},
                new Object[]{Disclosure.OTHER, "Nigeria", 201L});

        XYDataset data = ((XYPlot) ChartBuilder.build(Charts.spec(ChartKind.LINE, "month", List.of("members"), Optional.of("country"), Unit.MEMBERS),
                members).getPlot()).getDataset();

        assertEquals(1, data.getSeriesCount());
        assertEquals(2, data.getItemCount(0), "November and December");
        assertEquals(31.0, data.getYValue(0, 1));
    }

    @Test
    void aBarOfSharesWithAHiddenPart_isNotDrawn_forItsShownPartsWouldFillIt() {
        // The Netherlands slice: Standard 21 of 44 members shown, Basic and Premium hidden. Drawn as shares, Standard
        // alone made the whole bar: 100% where the table says 47.7%. Brazil's bar is whole.
        Table plans = Charts.table(List.of(column("country", ColumnType.TEXT), column("plan", ColumnType.TEXT), column("members", ColumnType.INTEGER)),
                new Object[]{"Brazil", "Basic", 127L}, new Object[]{"Brazil", "Standard", 124L},
                new Object[]{"Netherlands", "Standard", 21L}, new Object[]{"Netherlands", Disclosure.OTHER, null});
        dev.marquee.catalog.ChartSpec spec = Charts.spec(ChartKind.STACKED_PERCENT, "country", List.of("members"), Optional.of("plan"), Unit.MEMBERS);

        RenderedChart chart = Charts.render(spec, plans);

        CategoryPlot plot = (CategoryPlot) chart.chart().orElseThrow().getPlot();
        assertEquals(List.of("Brazil"), plot.getDataset().getColumnKeys().stream().map(String::valueOf).toList());
        assertTrue(chart.altText().endsWith("Each bar adds up to 100%. One bar has a hidden part and is not drawn; the table lists it."), chart.altText());
        assertEquals(4, chart.data().rowCount(), "the table keeps every row");
        // Its only bar partly hidden, the chart is not drawn at all.
        assertTrue(Charts.render(spec, new Table(plans.columns(), plans.rows().subList(2, 4))).chart().isEmpty());
    }

    @Test
    void linesOfSeveralSeries_differInTheirDashes_notInColourAlone() {
        Table churn = Charts.table(List.of(column("month", ColumnType.DATE), column("region", ColumnType.TEXT), column("rate", ColumnType.DECIMAL)),
                new Object[]{LocalDate.of(2024, 1, 1), "Europe", 0.03}, new Object[]{LocalDate.of(2024, 2, 1), "Europe", 0.04},
                new Object[]{LocalDate.of(2024, 1, 1), "Latin America", 0.05}, new Object[]{LocalDate.of(2024, 2, 1), "Latin America", 0.06},
                new Object[]{LocalDate.of(2024, 1, 1), "North America", 0.02}, new Object[]{LocalDate.of(2024, 2, 1), "North America", 0.02});

        XYPlot plot = (XYPlot) ChartBuilder.build(Charts.spec(ChartKind.LINE, "month", List.of("rate"), Optional.of("region"), Unit.PERCENT), churn).getPlot();
        XYPlot single = (XYPlot) ChartBuilder.build(Charts.spec(ChartKind.LINE, "month", List.of("rate"), Optional.empty(), Unit.PERCENT),
                Charts.table(List.of(column("month", ColumnType.DATE), column("rate", ColumnType.DECIMAL)),
                        new Object[]{LocalDate.of(2024, 1, 1), 0.03}, new Object[]{LocalDate.of(2024, 2, 1), 0.04})).getPlot();

        List<Object> dashes = java.util.stream.IntStream.range(0, 3).mapToObj(i -> dashOf(plot, i)).toList();
        assertEquals(3, new java.util.HashSet<>(dashes).size(), "each line its own dash: " + dashes);
        assertEquals(null, dashOf(plot, 0), "the first line is solid");
        assertEquals(null, dashOf(single, 0), "a line alone stays solid");
    }

    private static Object dashOf(XYPlot plot, int series) {
        float[] dash = ((java.awt.BasicStroke) plot.getRenderer().getSeriesStroke(series) == null
                ? (java.awt.BasicStroke) plot.getRenderer().getDefaultStroke() : (java.awt.BasicStroke) plot.getRenderer().getSeriesStroke(series)).getDashArray();
        return dash == null ? null : List.of(java.util.Arrays.toString(dash));
    }

    @Test
    void theSiteDrawing_hasNoTitleOfItsOwn_thePdfsChartKeepsIt() {
        Table regions = Charts.table(List.of(column("region", ColumnType.TEXT), column("rate", ColumnType.DECIMAL)),
                new Object[]{"Europe", 0.05}, new Object[]{"North America", 0.03});

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.BAR, "region", List.of("rate"), Optional.empty(), Unit.PERCENT), regions);

        assertFalse(Charts.texts(chart.svg()).contains("The chart's title"), "the page's figure heading is the title");
        assertFalse(Charts.texts(chart.narrowSvg()).contains("The chart's title"));
        assertEquals("The chart's title", chart.chart().orElseThrow().getTitle().getText(), "the PDF draws it above the chart");
    }

    private static java.awt.Paint paintOf(JFreeChart chart, String series) {
        CategoryPlot plot = chart.getCategoryPlot();
        return plot.getRenderer().getSeriesPaint(keys(chart).indexOf(series));
    }

    private static List<String> keys(JFreeChart chart) {
        return chart.getCategoryPlot().getDataset().getRowKeys().stream().map(k -> ((ChartBuilder.Label) k).value()).toList();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** Given a 2 × 2 grid with one cell missing: the missing cell is left empty, not shaded like a low value. */
    @Test
    void heatmap_leavesAMissingCellEmpty_withNoGreyBandsBehindTheGrid() {
        Table cells = Charts.table(List.of(column("after", ColumnType.TEXT), column("cohort", ColumnType.DATE), column("share", ColumnType.DECIMAL)),
                new Object[]{"1 month", java.time.LocalDate.of(2024, 1, 1), 0.9}, new Object[]{"3 months", java.time.LocalDate.of(2024, 1, 1), 0.8},
                new Object[]{"1 month", java.time.LocalDate.of(2024, 2, 1), 0.95});

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.HEATMAP, "after", List.of("share"), Optional.of("cohort"), Unit.PERCENT), cells);

        assertEquals(0, count(chart.svg(), "fill:rgb(232,234,232)"), "no grid bands");
        assertTrue(Charts.texts(chart.svg()).containsAll(List.of("Jan 2024", "Feb 2024")), "cohorts read as months");
    }
}
