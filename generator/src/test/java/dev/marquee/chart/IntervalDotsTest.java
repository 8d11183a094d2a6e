package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dot chart (kind {@code dots}) as the chart stage draws it: each value a dot with a line across its 95% interval (the
 * result's low_95 and high_95), the value axis spanning the intervals rather than zero, so averages of 3 to 4 on a
 * 1–5 scale do not all look alike.
 */
class IntervalDotsTest {

    private static final Pattern LINE = Pattern.compile("<line x1='([-0-9.]+)' y1='([-0-9.]+)' x2='([-0-9.]+)' y2='([-0-9.]+)'");
    private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"");

    /**
     * Given three genres' average ratings with their intervals (Horror's lopsided, as a Wilson interval is), and a
     * fourth whose average is hidden: Drama 4.00 from 3.90 to 4.10, Comedy 3.50 from 3.20 to 3.80, Horror 3.10 from
     * 2.60 to 3.30, Westerns hidden with an interval of 1.00 to 1.50.
     */
    private static final Table RATINGS = Charts.table(List.of(Charts.column("genre", ColumnType.TEXT),
                    Charts.column("average_score", ColumnType.DECIMAL), Charts.column("low_95", ColumnType.DECIMAL),
                    Charts.column("high_95", ColumnType.DECIMAL)),
            new Object[]{"Drama", 4.0, 3.9, 4.1},
            new Object[]{"Comedy", 3.5, 3.2, 3.8},
            new Object[]{"Horror", 3.1, 2.6, 3.3},
            new Object[]{"Westerns", null, 1.0, 1.5});

    private static final ChartSpec SPEC = Charts.spec(ChartKind.DOTS, "genre", List.of("average_score"), Optional.empty(), Unit.DECIMAL);

    @Test
    void eachIntervalIsALineFromItsLowToItsHigh_besideItsDot() {
        String svg = SvgWriter.svg(ChartBuilder.build(SPEC, RATINGS), "dots", SPEC);

        // The interval lines run across the plot, below the value axis along its top; one per shown average, top down.
        List<double[]> axis = lines(svg).stream().filter(l -> l[1] == l[3] && l[2] - l[0] > 500).toList();
        assertEquals(1, axis.size(), "the value axis");
        List<double[]> intervals = lines(svg).stream()
                .filter(l -> l[1] == l[3] && l[1] > axis.get(0)[1] && l[2] - l[0] > 10 && l[2] - l[0] < 500)
                .sorted(java.util.Comparator.comparingDouble(l -> l[1])).toList();
        assertEquals(3, intervals.size(), "no interval for the hidden average");
        // The value axis's scale, from Drama's interval (3.90 to 4.10): every other end and every dot must sit on it.
        double perUnit = (intervals.get(0)[2] - intervals.get(0)[0]) / 0.2;
        java.util.function.DoubleUnaryOperator value = x -> 3.9 + (x - intervals.get(0)[0]) / perUnit;
        double[][] expected = {{3.9, 4.1}, {3.2, 3.8}, {2.6, 3.3}};
        for (int row = 0; row < 3; row++) {
            assertEquals(expected[row][0], value.applyAsDouble(intervals.get(row)[0]), 0.005, "low of row " + row);
            assertEquals(expected[row][1], value.applyAsDouble(intervals.get(row)[2]), 0.005, "high of row " + row);
        }
        List<double[]> dots = circles(svg);
        assertEquals(3, dots.size());
        double[] averages = {4.0, 3.5, 3.1};
        for (int row = 0; row < 3; row++) {
            assertEquals(averages[row], value.applyAsDouble(dots.get(row)[0]), 0.005, "dot of row " + row);
            assertEquals(intervals.get(row)[1], dots.get(row)[1], 0.01, "the dot on its interval's line, row " + row);
        }
        // Rows evenly spaced: the hidden average keeps its place below.
        assertEquals(intervals.get(1)[1] - intervals.get(0)[1], intervals.get(2)[1] - intervals.get(1)[1], 0.02);
    }

    @Test
    void valueAxis_spansTheShownIntervals_notZero() {
        JFreeChart chart = ChartBuilder.build(SPEC, RATINGS);
        SvgWriter.svg(chart, "dots", SPEC);

        ValueAxis values = chart.getCategoryPlot().getRangeAxis();
        assertTrue(values.getLowerBound() <= 2.6 && values.getLowerBound() > 2.0, "lower bound " + values.getLowerBound());
        assertTrue(values.getUpperBound() >= 4.1 && values.getUpperBound() < 4.6, "upper bound " + values.getUpperBound());
    }

    @Test
    void hotspots_sayTheValueAndItsInterval() {
        String svg = SvgWriter.svg(ChartBuilder.build(SPEC, RATINGS), "dots", SPEC);

        assertEquals(List.of("Drama: 4.00 (95% interval 3.90 to 4.10)", "Comedy: 3.50 (95% interval 3.20 to 3.80)",
                "Horror: 3.10 (95% interval 2.60 to 3.30)"), Charts.titles(svg));
    }

    /** A unit is written once, after the value: "4.00 / 5 (95% interval 3.90 to 4.10)", not after each end too. */
    @Test
    void hotspots_writeTheUnitOnce() {
        ChartSpec spec = Charts.spec(ChartKind.DOTS, "genre", List.of("average_score"), Optional.empty(), Unit.SCORE);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, RATINGS), "dots", spec);

        assertEquals("Drama: 4.00 / 5 (95% interval 3.90 to 4.10)", Charts.titles(svg).get(0));
    }

    /** Given two sources' scores of one genre: IMDb 6.5 (6.4 to 6.6), TMDB 7.0 (6.8 to 7.2). */
    @Test
    void twoSeries_sitSideBySide_eachWithItsOwnInterval() {
        Table scores = Charts.table(List.of(Charts.column("genre", ColumnType.TEXT), Charts.column("source", ColumnType.TEXT),
                        Charts.column("average_score", ColumnType.DECIMAL), Charts.column("low_95", ColumnType.DECIMAL),
                        Charts.column("high_95", ColumnType.DECIMAL)),
                new Object[]{"Drama", "IMDb", 6.5, 6.4, 6.6},
                new Object[]{"Drama", "TMDB", 7.0, 6.8, 7.2});
        ChartSpec spec = Charts.spec(ChartKind.DOTS, "genre", List.of("average_score"), Optional.of("source"), Unit.DECIMAL);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, scores), "dots", spec);

        assertEquals(List.of("Drama · IMDb: 6.50 (95% interval 6.40 to 6.60)", "Drama · TMDB: 7.00 (95% interval 6.80 to 7.20)"),
                Charts.titles(svg));
        // Two interval lines, at two heights: the series do not cover each other.
        List<double[]> intervals = lines(svg).stream().filter(l -> l[1] == l[3] && l[2] - l[0] > 20 && l[2] - l[0] < 400).toList();
        assertEquals(2, intervals.size());
        assertTrue(intervals.get(0)[1] != intervals.get(1)[1], "two rows of intervals");
        // Each legend entry draws its series' line as well as its mark: TMDB's dashes tell it apart without colour.
        org.jfree.chart.LegendItemCollection legend = ChartBuilder.build(spec, scores).getCategoryPlot().getLegendItems();
        assertEquals(2, legend.getItemCount());
        for (int i = 0; i < 2; i++) {
            assertTrue(legend.get(i).isLineVisible() && legend.get(i).isShapeVisible(), legend.get(i).getLabel());
        }
        assertTrue(legend.get(0).getLineStroke() != legend.get(1).getLineStroke(), "two strokes");
    }

    @Test
    void altText_namesTheKind() {
        RenderedChart chart = Charts.render(SPEC, RATINGS);

        assertTrue(chart.altText().startsWith("Dot chart with 95% intervals: "), chart.altText());
    }

    /** Every hotspot's circle, in reading order: its centre. */
    private static List<double[]> circles(String svg) {
        List<double[]> circles = new ArrayList<>();
        Matcher matcher = CIRCLE.matcher(svg);
        while (matcher.find()) {
            circles.add(new double[]{Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))});
        }
        return circles;
    }

    /** Every {@code <line>}: x1, y1, x2, y2. */
    private static List<double[]> lines(String svg) {
        List<double[]> lines = new ArrayList<>();
        Matcher matcher = LINE.matcher(svg);
        while (matcher.find()) {
            lines.add(new double[]{Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4))});
        }
        return lines;
    }

}
