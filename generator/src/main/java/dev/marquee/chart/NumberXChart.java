package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Charts along a number line: years (release year, year added) as bars, and lines over whole numbers (months after
 * signup, decades). A year or step the data lacks keeps its place, empty, rather than vanishing between its neighbours.
 */
final class NumberXChart {

    private static final Pattern YEAR_COLUMN = Pattern.compile("(^|_)(year|decade)(_|$)");
    /** Beyond this many steps between the first and the last value, missing steps are not filled in. */
    private static final int MOST_STEPS = 1_000;

    private NumberXChart() {
    }

    /**
     * True when the x column holds years: whole numbers in a column named for years or decades (release_year,
     * year_added, decade), or declared {@code year}; not one declared {@code decade}, whose categories read "2010s".
     */
    static boolean isYears(ChartSpec spec, Table data) {
        return data.column(spec.x()).type() == ColumnType.INTEGER && !Unit.DECADE.equals(spec.units().get(spec.x()))
                && (YEAR_COLUMN.matcher(spec.x()).find() || Unit.YEAR.equals(spec.units().get(spec.x())));
    }

    static JFreeChart bars(ChartSpec spec, Table data) {
        Map<String, Map<Long, Double>> series = series(spec, data);
        DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        for (Map.Entry<String, Map<Long, Double>> entry : series.entrySet()) {
            XYSeries xy = new XYSeries(ChartBuilder.Label.of(entry.getKey()), true, false);
            entry.getValue().forEach(xy::add);
            dataset.addSeries(xy);
        }
        TreeSet<Long> xs = xs(series);
        // A bar is most of its step wide: a year's, or a decade's.
        dataset.setIntervalWidth(0.8 * step(xs));
        XYBarRenderer renderer = spec.kind() == ChartKind.STACKED_BAR ? new StackedXYBarRenderer()
                : series.size() > 1 ? new ClusteredXYBarRenderer() : new XYBarRenderer();
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        return chart(spec, dataset, renderer, isYears(spec, data) && !xs.isEmpty() ? xs.last() : null);
    }

    static JFreeChart line(ChartSpec spec, Table data) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        Map<String, Map<Long, Double>> series = series(spec, data);
        List<Long> grid = grid(series);
        for (Map.Entry<String, Map<Long, Double>> entry : series.entrySet()) {
            XYSeries xy = new XYSeries(ChartBuilder.Label.of(entry.getKey()), true, false);
            // Every step of the chart is in every series, a missing value as null: the line stops there.
            for (long x : grid) {
                xy.add(x, entry.getValue().get(x));
            }
            dataset.addSeries(xy);
        }
        return chart(spec, dataset, new ChartBuilder.GapLineRenderer(data.rowCount() <= 40), isYears(spec, data) && !grid.isEmpty() ? grid.get(grid.size() - 1) : null);
    }

    /** {@code lastYear}: where the data's years end, for the ticks to count back from; null for other numbers. */
    private static JFreeChart chart(ChartSpec spec, org.jfree.data.xy.XYDataset dataset, org.jfree.chart.renderer.xy.XYItemRenderer renderer,
                                    Long lastYear) {
        NumberAxis xAxis = lastYear == null ? new NumberAxis(spec.xLabel()) : new YearAxis(spec.xLabel(), lastYear);
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        AxisFormat.apply(xAxis, Unit.YEAR);
        NumberAxis yAxis = new NumberAxis(ChartBuilder.axisLabel(spec));
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** Each series' values by x, in the order the query gives the series; a value that is not a number is null. */
    private static Map<String, Map<Long, Double>> series(ChartSpec spec, Table data) {
        Map<String, Map<Long, Double>> series = new LinkedHashMap<>();
        int xIndex = data.index(spec.x());
        for (List<Object> row : data.rows()) {
            if (!(row.get(xIndex) instanceof Number x)) {
                continue;
            }
            if (spec.series().isPresent()) {
                String name = String.valueOf(row.get(data.index(spec.series().get())));
                series.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(x.longValue(), ChartBuilder.plotted(row.get(data.index(spec.y().get(0)))));
            } else {
                for (String y : spec.y()) {
                    series.computeIfAbsent(ChartBuilder.seriesName(spec, y), k -> new LinkedHashMap<>())
                            .put(x.longValue(), ChartBuilder.plotted(row.get(data.index(y))));
                }
            }
        }
        return series;
    }

    /**
     * Every x from the first to the last in the data's own step (1 for years, 10 for decades: the greatest common
     * divisor of the gaps), so a missing one is a gap; only the data's x when that would be too many.
     */
    private static List<Long> grid(Map<String, Map<Long, Double>> series) {
        TreeSet<Long> xs = xs(series);
        if (xs.size() < 2) {
            return new ArrayList<>(xs);
        }
        long step = step(xs);
        if ((xs.last() - xs.first()) / step > MOST_STEPS) {
            return new ArrayList<>(xs);
        }
        List<Long> grid = new ArrayList<>();
        for (long x = xs.first(); x <= xs.last(); x += step) {
            grid.add(x);
        }
        return grid;
    }

    private static TreeSet<Long> xs(Map<String, Map<Long, Double>> series) {
        TreeSet<Long> xs = new TreeSet<>();
        series.values().forEach(values -> xs.addAll(values.keySet()));
        return xs;
    }

    /** The greatest common divisor of the gaps between the values; 1 for fewer than two. */
    private static long step(TreeSet<Long> xs) {
        long step = 0;
        Long previous = null;
        for (long x : xs) {
            if (previous != null) {
                step = gcd(step, x - previous);
            }
            previous = x;
        }
        return Math.max(1, step);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * Years ticked back from the last one where the step is a year or two: a step of two years from an even year left
     * the newest year, often the tallest bar (What We Watched's 2025), without a label ("2010, 2012, ... 2024"). Steps
     * of ten years or more fall on round years (1940, 1950, not 1941, 1951 back from 2021), which a reader counts by.
     */
    static final class YearAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        /** The step from which ticks fall on multiples of it. */
        private static final double ROUND_FROM = 10;
        private final long last;

        YearAxis(String label, long last) {
            super(label);
            this.last = last;
        }

        @Override
        protected double calculateLowestVisibleTickValue() {
            double step = getTickUnit().getSize();
            if (step >= ROUND_FROM) {
                return super.calculateLowestVisibleTickValue();
            }
            return last - Math.floor((last - getLowerBound()) / step + 1e-9) * step;
        }

        @Override
        protected int calculateVisibleTickCount() {
            double step = getTickUnit().getSize();
            if (step >= ROUND_FROM) {
                return super.calculateVisibleTickCount();
            }
            return (int) Math.floor((getUpperBound() - calculateLowestVisibleTickValue()) / step + 1e-9) + 1;
        }
    }
}
