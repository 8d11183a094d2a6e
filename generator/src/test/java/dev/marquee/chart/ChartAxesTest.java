package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.marquee.chart.Charts.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Value axes in one style each, years on a number line, months as the report writes them, axis titles whole. */
class ChartAxesTest {

    @Test
    void revenueTicks_areAllInThousands_withoutCents() {
        List<String> ticks = new ArrayList<>();
        for (double v = 0; v <= 55_000; v += 5_000) {
            ticks.add(AxisFormat.tick(v, 57_000, 5_000, Unit.USD));
        }

        assertEquals(List.of("$0", "$5K", "$10K", "$15K", "$20K", "$25K", "$30K", "$35K", "$40K", "$45K", "$50K", "$55K"), ticks);
    }

    @Test
    void hourTicks_fromNineThousand_areInThousandsAlready() {
        assertEquals(List.of("9K", "10K", "11K", "12K"), List.of(9_000d, 10_000d, 11_000d, 12_000d).stream()
                .map(v -> AxisFormat.tick(v, 12_400, 1_000, Unit.HOURS)).toList());
        assertEquals(List.of("0", "2.5K", "5.0K", "7.5K", "10.0K"), List.of(0d, 2_500d, 5_000d, 7_500d, 10_000d).stream()
                .map(v -> AxisFormat.tick(v, 10_400, 2_500, Unit.HOURS)).toList(), "one number of decimals on the axis");
    }

    /**
     * A slice whose every shown month had no churner: its axis spanned a hundred-millionth around 0 and read "0%" at
     * every tick. It runs from 0 to 10%.
     */
    @Test
    void aLineOfZerosOnly_hasAnAxisFromZeroUp_notTicksAllReadingZero() {
        Table months = Charts.table(List.of(column("month", ColumnType.DATE), column("churn_rate", ColumnType.DECIMAL)),
                new Object[]{LocalDate.of(2024, 1, 1), 0.0}, new Object[]{LocalDate.of(2024, 2, 1), 0.0}, new Object[]{LocalDate.of(2024, 3, 1), 0.0});
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.LINE, "month", List.of("churn_rate"), Optional.empty(), Unit.PERCENT), months);
        chart.draw(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 760, 380));
        org.jfree.chart.axis.ValueAxis axis = chart.getPlot() instanceof XYPlot xy ? xy.getRangeAxis() : chart.getCategoryPlot().getRangeAxis();

        assertEquals(0, axis.getLowerBound());
        assertEquals(0.1, axis.getUpperBound(), 1e-12);
    }

    @Test
    void aShortPlot_stillHasATickBesidesZero_reachingTheNextStep() {
        Table plans = Charts.table(List.of(column("country", ColumnType.TEXT), column("members", ColumnType.INTEGER)),
                new Object[]{"Spain", 451L}, new Object[]{"France", 183L}, new Object[]{"Brazil", 199L});
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.BAR, "country", List.of("members"), Optional.empty(), Unit.MEMBERS), plans);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();

        // A PDF's quarter-page chart: the plot is a few label heights tall.
        chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 300, 140));
        assertEquals(500, axis.getTickUnit().getSize(), "a step wider than the data's 451 (and its margin): only 0 was shown");
        assertEquals(500, axis.getUpperBound(), "the axis reaches the next step, where it ended at 474");

        // Drawn large again, the axis is the data's own reach, not the small drawing's.
        chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 760, 380));
        assertTrue(axis.getUpperBound() < 500, "the axis reaches just past 451, as before: " + axis.getUpperBound());
        g2.dispose();
    }

    @Test
    void aShortAxis_ofTwoOrThreeTicks_reachesAnotherWhereTheBarsRunFarPastTheLast() {
        // What We Watched's hours by title: the longest bar 840M; a PDF's narrow plot ticked 0 and 500M only.
        Table hours = Charts.table(List.of(column("title", ColumnType.TEXT), column("hours", ColumnType.DECIMAL)),
                new Object[]{"Squid Game: Season 2", 840_000_000.0}, new Object[]{"Adolescence", 555_000_000.0},
                new Object[]{"Zero Day", 315_000_000.0});
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "title", List.of("hours"), Optional.empty(), Unit.HOURS), hours);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();

        boolean reached = false;
        for (int width = 160; width <= 420; width += 20) {
            chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, 200));
            double step = axis.getTickUnit().getSize();
            long ticks = (long) Math.floor(axis.getUpperBound() / step + 1e-9) + 1;
            assertTrue(ticks >= 2, width + " wide: a tick besides 0");
            assertTrue(ticks > 2 || 840_000_000.0 <= 1.3 * step, width + " wide: two ticks, 0 and " + step
                    + ", and the longest bar far past the second");
            reached |= ticks > 2 && step == 500_000_000.0;
        }
        assertTrue(reached, "some width ticks 0, 500M and 1B");

        // What We Watched's shares of hours by availability, 53.6% and 46.4%: a PDF's short plot ticked 0, 20% and 40%.
        Table shares = Charts.table(List.of(column("availability", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                new Object[]{"Available in every country", 0.536}, new Object[]{"Not in every country", 0.464});
        JFreeChart bars = ChartBuilder.build(Charts.spec(ChartKind.BAR, "availability", List.of("share"), Optional.empty(), Unit.PERCENT), shares);
        NumberAxis shareAxis = (NumberAxis) bars.getCategoryPlot().getRangeAxis();
        for (int height = 90; height <= 200; height += 10) {
            bars.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 330, height));
            double step = shareAxis.getTickUnit().getSize();
            long ticks = (long) Math.floor(shareAxis.getUpperBound() / step + 1e-9) + 1;
            double last = (ticks - 1) * step;
            assertTrue(ticks > 3 || 0.536 <= last + 0.3 * step + 1e-9, height + " high: ticks to " + last + " under bars to 53.6%");
        }

        // A bar just past the second tick keeps its axis: 0 and 500 under 520.
        Table near = Charts.table(List.of(column("title", ColumnType.TEXT), column("hours", ColumnType.DECIMAL)),
                new Object[]{"A", 520.0}, new Object[]{"B", 300.0});
        JFreeChart short_ = ChartBuilder.build(Charts.spec(ChartKind.BAR, "title", List.of("hours"), Optional.empty(), Unit.HOURS), near);
        NumberAxis nearAxis = (NumberAxis) short_.getCategoryPlot().getRangeAxis();
        short_.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 300, 140));
        assertTrue(nearAxis.getUpperBound() < 1000 && nearAxis.getUpperBound() > 520, "the data's own reach: " + nearAxis.getUpperBound());
        g2.dispose();
    }

    @Test
    void smallTicks_keepTheirUnitsStyle() {
        assertEquals("350", AxisFormat.tick(350, 370, 50, Unit.MEMBERS));
        assertEquals("9,000", AxisFormat.tick(9_000, 9_800, 1_000, Unit.RATINGS), "below ten thousand, the full number");
        assertEquals("$14", AxisFormat.tick(14, 17, 2, Unit.USD));
        assertEquals("$14.50", AxisFormat.tick(14.5, 17, 0.5, Unit.USD), "cents when the step needs them, two of them");
        assertEquals("2.5%", AxisFormat.tick(0.025, 0.065, 0.005, Unit.PERCENT));
        assertEquals("20%", AxisFormat.tick(0.2, 1, 0.2, Unit.PERCENT));
        assertEquals("3.5", AxisFormat.tick(3.5, 4.1, 0.5, Unit.SCORE));
    }

    @Test
    void yearsTickedInSteps_countBackFromTheLastYear_soItHasItsLabel() {
        List<Object[]> rows = new ArrayList<>();
        // 2023 is a multiple of no step but 1: ticked from a multiple of the step, it has no label.
        for (long year = 2000; year <= 2023; year++) {
            rows.add(new Object[]{year, (year - 1999) * 1_000_000L});
        }
        Table years = Charts.table(List.of(column("release_year", ColumnType.INTEGER), column("hours_viewed", ColumnType.INTEGER)),
                rows.toArray(Object[][]::new));
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.BAR, "release_year", List.of("hours_viewed"), Optional.empty(), Unit.HOURS), years);
        NumberAxis axis = (NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        // Half a PDF page wide: too narrow for a label a year.
        List<String> ticks = yearTicks(chart, 330, 160);

        assertTrue(axis.getTickUnit().getSize() > 1, "a step of more than a year at this width: " + ticks);
        assertEquals("2023", ticks.get(ticks.size() - 1), "the newest year has its label: " + ticks);
    }

    /**
     * The labelled ticks of a chart's year axis drawn {@code width} by {@code height}, along a plot of its width less 50
     * and its height less 60 (about the room its axes leave).
     */
    private static List<String> yearTicks(JFreeChart chart, int width, int height) {
        NumberAxis axis = (NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(40, 10, width - 50, height - 60);
        List<String> ticks = new ArrayList<>();
        for (Object tick : axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), area, org.jfree.chart.ui.RectangleEdge.BOTTOM)) {
            String text = ((org.jfree.chart.axis.ValueTick) tick).getText();
            if (!text.isEmpty()) {
                ticks.add(text);
            }
        }
        g2.dispose();
        return ticks;
    }

    /** A century of release years on a phone: ticked every ten or twenty years, on round years (1940, not 1941). */
    @Test
    void yearsTickedInDecades_fallOnRoundYears() {
        List<Object[]> rows = new ArrayList<>();
        for (long year = 1925; year <= 2021; year++) {
            rows.add(new Object[]{year, year - 1900});
        }
        Table years = Charts.table(List.of(column("release_year", ColumnType.INTEGER), column("titles", ColumnType.INTEGER)),
                rows.toArray(Object[][]::new));
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.BAR, "release_year", List.of("titles"), Optional.empty(), Unit.COUNT), years);
        NumberAxis axis = (NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        List<String> ticks = yearTicks(chart, 400, 300);

        assertTrue(axis.getTickUnit().getSize() >= 10, "a step of ten years or more at this width: " + ticks);
        assertFalse(ticks.isEmpty());
        ticks.forEach(tick -> assertEquals(0, Integer.parseInt(tick) % 10, "a round year: " + ticks));
    }

    /**
     * Decades are bars with a place each: a missing one (no title of the 1930s) is an empty place of 0, not a bar marked
     * "not shown", and on a phone the
     * labels fall every other decade instead of running into one another ("1940s1950s1960s").
     */
    @Test
    void decades_keepTheirPlace_andTheirLabelsApartOnAPhone() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{1920L, 1L});
        for (long decade = 1940; decade <= 2020; decade += 10) {
            rows.add(new Object[]{decade, decade - 1900});
        }
        Table decades = Charts.table(List.of(column("decade", ColumnType.INTEGER), column("titles", ColumnType.INTEGER)),
                rows.toArray(Object[][]::new));
        ChartSpec spec = new ChartSpec("c", "q", ChartKind.BAR, "Titles by decade", "decade", List.of("titles"), Optional.empty(),
                "Decade", "Titles", Unit.parse("count titles").orElseThrow(), false, "", Optional.empty(), 1, List.of(), "", Optional.empty(),
                java.util.Map.of("decade", Unit.DECADE), java.util.Map.of());
        JFreeChart chart = ChartBuilder.build(spec, decades);
        org.jfree.data.category.CategoryDataset dataset = chart.getCategoryPlot().getDataset();
        assertEquals(List.of("1920s", "1930s", "1940s", "1950s", "1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s"),
                dataset.getColumnKeys().stream().map(String::valueOf).toList());
        assertEquals(0.0, dataset.getValue(0, 1).doubleValue(), "no title of the 1930s: none, not a figure hidden");

        String narrow = SvgWriter.narrowSvg(chart, "decades", spec);
        List<String> labels = new ArrayList<>();
        java.util.regex.Matcher label = java.util.regex.Pattern.compile(">(\\d{4}s)</text>").matcher(narrow);
        while (label.find()) {
            labels.add(label.group(1));
        }
        assertEquals(List.of("1920s", "1940s", "1960s", "1980s", "2000s", "2020s"), labels, "every other decade on a phone");
        assertFalse(narrow.contains("not shown"), "an empty decade is no hidden figure");
    }

    @Test
    void yearsWithAGap_areANumberLine_onWhichTheMissingYearsKeepTheirPlace() {
        Table years = Charts.table(List.of(column("year_added", ColumnType.INTEGER), column("titles", ColumnType.INTEGER)),
                new Object[]{2010L, 1L}, new Object[]{2013L, 1L}, new Object[]{2014L, 4L}, new Object[]{2015L, 23L});

        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.BAR, "year_added", List.of("titles"), Optional.empty(), Unit.TITLES), years);

        XYPlot plot = (XYPlot) chart.getPlot();
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        assertTrue(axis.getRange().contains(2011) && axis.getRange().contains(2012), "2011 and 2012 are on the axis: " + axis.getRange());
        XYDataset data = plot.getDataset();
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(0); i++) {
            xs.add(data.getXValue(0, i));
        }
        assertEquals(List.of(2010.0, 2013.0, 2014.0, 2015.0), xs, "a bar for each year of the data, none for the others");
        assertEquals("2012", axis.getNumberFormatOverride().format(2012), "years read without a thousands separator");
    }

    @Test
    void decadesOnALine_fillTheMissingDecadeWithAGap() {
        Table decades = Charts.table(List.of(column("decade", ColumnType.INTEGER), column("titles", ColumnType.INTEGER)),
                new Object[]{1980L, 4L}, new Object[]{1990L, 6L}, new Object[]{2010L, 9L});

        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.LINE, "decade", List.of("titles"), Optional.empty(), Unit.TITLES), decades);

        XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
        assertEquals(4, data.getItemCount(0), "1980, 1990, 2000, 2010");
        assertEquals(2000.0, data.getXValue(0, 2));
        assertTrue(Double.isNaN(data.getYValue(0, 2)), "2000 has no value: the line stops there");
    }

    @Test
    void forecastMonths_readAsTheReportWritesMonths() {
        Table forecast = Charts.forecast(LocalDate.of(2022, 4, 1));

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.FORECAST, "month", List.of("actual"), Optional.empty(), Unit.MEMBERS), forecast);

        List<String> texts = Charts.texts(chart.svg());
        assertTrue(texts.stream().anyMatch(t -> t.matches("[A-Z][a-z]{2} \\d{4}")), "months as 'Apr 2022': " + texts);
        assertFalse(texts.stream().anyMatch(t -> t.matches("[A-Z][a-z]{2}-\\d{4}")), "no 'Apr-2022': " + texts);
    }

    @Test
    void aForecastsHiddenMonthsOfHistory_areAGapInTheActualLine_notAStraightLineAcross() {
        // A slice hides its active members in months where they would give a small group away: the line had joined the
        // last shown month to the next one across them, drawing figures that are not published.
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            boolean hidden = m == 5 || m == 6;
            double value = 100 + m;
            rows.add(new Object[]{LocalDate.of(2024, 1, 1).plusMonths(m), hidden || m >= 10 ? null : value, m >= 9 ? value : null,
                    m >= 9 ? value - 10 : null, m >= 9 ? value + 10 : null, m >= 9 ? value - 5 : null, m >= 9 ? value + 5 : null});
        }
        Table forecast = Charts.table(List.of(column("month", ColumnType.DATE), column("actual", ColumnType.DECIMAL),
                column("forecast", ColumnType.DECIMAL), column("low95", ColumnType.DECIMAL), column("high95", ColumnType.DECIMAL),
                column("low80", ColumnType.DECIMAL), column("high80", ColumnType.DECIMAL)), rows.toArray(Object[][]::new));

        XYDataset lines = ((XYPlot) Charts.render(Charts.spec(ChartKind.FORECAST, "month", List.of("actual"), Optional.empty(), Unit.MEMBERS),
                forecast).chart().orElseThrow().getPlot()).getDataset(0);

        assertEquals(10, lines.getItemCount(0), "January to October: the history, two months of it hidden");
        assertTrue(Double.isNaN(lines.getYValue(0, 5)) && Double.isNaN(lines.getYValue(0, 6)), "June and July are gaps");
        assertEquals(109.0, lines.getYValue(0, 9), "the last actual month, where the forecast starts");
    }

    @Test
    void valueAxisTitle_isWrittenAboveThePlot_notTurnedUpTheSide() {
        Table months = Charts.table(List.of(column("month", ColumnType.DATE), column("growth", ColumnType.DECIMAL)),
                new Object[]{LocalDate.of(2024, 1, 1), 0.1}, new Object[]{LocalDate.of(2024, 2, 1), 0.2});
        dev.marquee.catalog.ChartSpec spec = new dev.marquee.catalog.ChartSpec("c", "q", ChartKind.LINE, "Growth", "month",
                List.of("growth"), Optional.empty(), "Month", "Growth on the month before, as a share of the members at its start",
                Unit.PERCENT, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), java.util.Map.of(), java.util.Map.of());

        RenderedChart chart = Charts.render(spec, months);

        String narrow = chart.narrowSvg();
        assertFalse(narrow.contains("matrix(0,-1,1,0"), "no text turned up the side");
        // A wrapped title's lines are text elements in turn, broken at spaces.
        String all = String.join(" ", Charts.texts(narrow)).replaceAll("\\s+", " ");
        assertTrue(all.contains("Growth on the month before, as a share of the members at its start (%)"),
                "the whole title, wrapped over the phone drawing's width: " + all);
    }

    @Test
    void decadesAsBars_areANumberLine_onWhichAMissingDecadeKeepsItsPlace() {
        Table decades = Charts.table(List.of(column("decade", ColumnType.INTEGER), column("movies", ColumnType.INTEGER), column("shows", ColumnType.INTEGER)),
                new Object[]{1920L, 1L, 0L}, new Object[]{1940L, 2L, 1L}, new Object[]{1950L, 3L, 1L});

        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.STACKED_BAR, "decade", List.of("movies", "shows"), Optional.empty(), Unit.TITLES), decades);

        XYPlot plot = (XYPlot) chart.getPlot();
        assertTrue(plot.getDomainAxis().getRange().contains(1930), "1930 is on the axis");
        org.jfree.data.xy.IntervalXYDataset bars = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset();
        assertEquals(8.0, bars.getEndXValue(0, 0) - bars.getStartXValue(0, 0), 1e-9, "a bar is most of its decade wide");
    }
}
