package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** Builds a JFreeChart from a chart declaration and its result table. */
final class ChartBuilder {

    private ChartBuilder() {
    }

    static JFreeChart build(ChartSpec spec, Table data) {
        boolean timeAxis = data.column(spec.x()).type().isTemporal();
        JFreeChart chart = switch (spec.kind()) {
            case LINE -> timeAxis ? timeLine(spec, data) : categoryChart(spec, data, false);
            case BAR, HBAR, STACKED_BAR, STACKED_PERCENT -> categoryChart(spec, data, true);
            case FORECAST -> ForecastChart.build(spec, data);
            case HEATMAP -> HeatmapChart.build(spec, data);
            case TABLE -> throw new IllegalArgumentException("a table has no chart");
        };
        StringBuilder text = new StringBuilder(spec.title());
        for (java.util.List<Object> row : data.rows()) {
            row.stream().filter(v -> v instanceof String).forEach(v -> text.append(' ').append(v));
        }
        Theme.apply(chart, Theme.familyFor(text.toString()));
        chart.setAntiAlias(true);
        // Room on the right so the last date label is not clipped.
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 18));
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null && seriesCount(spec, data) < 2) {
            chart.removeLegend();
        }
        style(chart, spec);
        return chart;
    }

    /**
     * A line across the values at {@code line.value()}, named in the legend rather than labelled on the plot, where
     * two lines' labels would overlap on a phone; the value axis is widened to show it.
     */
    static void addReferenceLine(JFreeChart chart, ReferenceLine line) {
        java.awt.Color colour = line.target() ? Theme.BAD : Theme.TEXT;
        java.awt.BasicStroke stroke = new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                line.target() ? new float[] {7f, 4f} : new float[] {2f, 3f}, 0f);
        org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(line.value(), colour, stroke);
        org.jfree.chart.plot.Plot plot = chart.getPlot();
        if (!(plot instanceof CategoryPlot || plot instanceof XYPlot)) {
            return;
        }
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        if (chart.getLegend() != null) {
            items.addAll(plot.getLegendItems());
        }
        items.add(legendItem(line, colour, stroke));
        // The two kinds of plot share these methods without sharing a type that declares them.
        org.jfree.chart.axis.ValueAxis axis;
        if (plot instanceof CategoryPlot category) {
            category.addRangeMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
            category.setFixedLegendItems(items);
            axis = category.getRangeAxis();
        } else {
            XYPlot xy = (XYPlot) plot;
            xy.addRangeMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
            xy.setFixedLegendItems(items);
            axis = xy.getRangeAxis();
        }
        if (chart.getLegend() == null) {
            org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(chart.getPlot());
            legend.setItemFont(new java.awt.Font(Theme.FONT_FAMILY, java.awt.Font.PLAIN, 11));
            legend.setItemPaint(Theme.TEXT);
            legend.setBackgroundPaint(null);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            chart.addLegend(legend);
        }
        if (line.value() > axis.getUpperBound() * 0.95) {
            axis.setUpperBound(line.value() * 1.12);
        }
        if (line.value() < axis.getLowerBound()) {
            axis.setLowerBound(line.value());
        }
    }

    private static org.jfree.chart.LegendItem legendItem(ReferenceLine line, java.awt.Color colour, java.awt.Stroke stroke) {
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(line.label(), null, null, null,
                new java.awt.geom.Line2D.Double(-9, 0, 9, 0), stroke, colour);
        item.setLabelPaint(Theme.TEXT);
        return item;
    }

    private static JFreeChart timeLine(ChartSpec spec, Table data) {
        TimeSeriesCollection dataset = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        for (Map.Entry<String, List<double[]>> series : series(spec, data).entrySet()) {
            TimeSeries timeSeries = new TimeSeries(Label.of(series.getKey()));
            for (double[] point : series.getValue()) {
                LocalDate day = LocalDate.ofEpochDay((long) point[0]);
                timeSeries.addOrUpdate(new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), point[1]);
            }
            dataset.addSeries(timeSeries);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(spec.title(), spec.xLabel(), axisLabel(spec), dataset,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat months = new SimpleDateFormat("MMM yyyy", Locale.US);
        months.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setLocale(Locale.US);
        TickUnits units = new TickUnits();
        for (int step : new int[]{1, 2, 3, 6, 12, 24, 60}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, step, months));
        }
        axis.setStandardTickUnits(units);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, data.rowCount() <= 40);
        plot.setRenderer(renderer);
        return chart;
    }

    private static JFreeChart categoryChart(ChartSpec spec, Table data, boolean bars) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        int xIndex = data.index(spec.x());
        ColumnType xType = data.columns().get(xIndex).type();
        for (List<Object> row : data.rows()) {
            Label category = Label.of(category(row.get(xIndex), xType));
            if (spec.series().isPresent()) {
                Label series = Label.of(String.valueOf(row.get(data.index(spec.series().get()))));
                dataset.addValue(plotted(row.get(data.index(spec.y().get(0)))), series, category);
            } else {
                for (String y : spec.y()) {
                    dataset.addValue(plotted(row.get(data.index(y))), Label.of(seriesName(spec, y)), category);
                }
            }
        }
        PlotOrientation orientation = spec.kind() == ChartKind.HBAR ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = switch (spec.kind()) {
            case STACKED_BAR, STACKED_PERCENT -> ChartFactory.createStackedBarChart(spec.title(), spec.xLabel(), axisLabel(spec),
                    dataset, orientation, true, false, false);
            default -> bars
                    ? ChartFactory.createBarChart(spec.title(), spec.xLabel(), axisLabel(spec), dataset, orientation, true, false, false)
                    : ChartFactory.createLineChart(spec.title(), spec.xLabel(), axisLabel(spec), dataset, orientation, true, false, false);
        };
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryAxis axis = plot.getDomainAxis();
        if (orientation == PlotOrientation.VERTICAL && dataset.getColumnCount() > 8) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        axis.setMaximumCategoryLabelWidthRatio(orientation == PlotOrientation.HORIZONTAL ? 0.45f : 1.0f);
        if (spec.kind() == ChartKind.STACKED_PERCENT && plot.getRenderer() instanceof org.jfree.chart.renderer.category.StackedBarRenderer stacked) {
            stacked.setRenderAsPercentages(true);
        }
        if (plot.getRenderer() instanceof BarRenderer bar) {
            bar.setItemMargin(0.05);
            bar.setDrawBarOutline(false);
        }
        return chart;
    }

    private static void style(JFreeChart chart, ChartSpec spec) {
        if (spec.kind() == ChartKind.HEATMAP) {
            return;
        }
        NumberFormat format = spec.kind() == ChartKind.STACKED_PERCENT
                ? NumberFormat.getPercentInstance(Locale.US) : new UnitFormat(spec);
        if (chart.getPlot() instanceof XYPlot plot) {
            ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(format);
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
            plot.setDomainGridlinesVisible(false);
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(format);
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
            plot.setDomainGridlinesVisible(false);
        }
    }

    /** Points of each series: epoch day and value, in row order. */
    private static Map<String, List<double[]>> series(ChartSpec spec, Table data) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        int xIndex = data.index(spec.x());
        for (List<Object> row : data.rows()) {
            Object x = row.get(xIndex);
            if (x == null) {
                continue;
            }
            double day = x instanceof LocalDateTime time ? time.toLocalDate().toEpochDay() : ((LocalDate) x).toEpochDay();
            if (spec.series().isPresent()) {
                Double value = plotted(row.get(data.index(spec.y().get(0))));
                String name = String.valueOf(row.get(data.index(spec.series().get())));
                if (value != null) {
                    series.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(new double[]{day, value});
                }
            } else {
                for (String y : spec.y()) {
                    Double value = plotted(row.get(data.index(y)));
                    if (value != null) {
                        series.computeIfAbsent(seriesName(spec, y), k -> new java.util.ArrayList<>()).add(new double[]{day, value});
                    }
                }
            }
        }
        return series;
    }

    /**
     * A cell as a value to draw, or null (a gap) when it has none or it is not a finite number: NaN and infinity
     * would stretch an axis to nothing or to infinity. The table beside the chart shows them as "n/a".
     */
    static Double plotted(Object value) {
        return value instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : null;
    }

    static int seriesCount(ChartSpec spec, Table data) {
        if (spec.series().isEmpty()) {
            return spec.y().size();
        }
        return (int) data.columnValues(spec.series().get()).stream().distinct().count();
    }

    static String seriesName(ChartSpec spec, String column) {
        if (spec.y().size() == 1) {
            return spec.yLabel();
        }
        String words = column.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * A category or series as a chart draws it: told apart from the others by its full value, shown as a label of at
     * most {@link SafeText#LABEL_LENGTH} characters with no control characters (JFreeChart draws a key's toString()).
     */
    record Label(String value, String shown) implements Comparable<Label> {
        static Label of(String value) {
            return new Label(value, SafeText.label(value));
        }

        @Override
        public int compareTo(Label other) {
            return value.compareTo(other.value);
        }

        @Override
        public String toString() {
            return shown;
        }
    }

    /** A category's full text (the table and the CSV show it whole; a chart draws it as a {@link Label}). */
    static String category(Object value, ColumnType type) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof LocalDate date) {
            return Formats.period(date);
        }
        if (value instanceof Long whole) {
            // Category labels such as years and decades read without thousands separators.
            return Long.toString(whole);
        }
        return Formats.cell(value, dev.marquee.format.Unit.COUNT);
    }

    private static String axisLabel(ChartSpec spec) {
        String suffix = spec.unit().suffix();
        return suffix.isEmpty() || spec.yLabel().toLowerCase(Locale.ROOT).contains(suffix.toLowerCase(Locale.ROOT))
                ? spec.yLabel() : spec.yLabel() + " (" + suffix + ")";
    }

    /** Axis ticks in the report's own number style. */
    private static final class UnitFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final transient ChartSpec spec;

        UnitFormat(ChartSpec spec) {
            this.spec = spec;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            String text = Formats.compact(number, spec.unit());
            String suffix = " " + spec.unit().suffix();
            if (text.endsWith(suffix) && !suffix.isBlank()) {
                text = text.substring(0, text.length() - suffix.length());
            }
            return toAppendTo.append(text);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
