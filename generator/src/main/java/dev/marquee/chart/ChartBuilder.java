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
        ColumnType xType = data.column(spec.x()).type();
        JFreeChart chart = switch (spec.kind()) {
            case LINE -> xType.isTemporal() ? timeLine(spec, data)
                    // Decades are categories ("1990s", "2010s"), one step each, not years on a number line ticked 1955.
                    : xType == ColumnType.INTEGER && !dev.marquee.format.Unit.DECADE.equals(spec.units().get(spec.x()))
                    ? NumberXChart.line(spec, data) : categoryChart(spec, data, false);
            case BAR, STACKED_BAR -> NumberXChart.isYears(spec, data) ? NumberXChart.bars(spec, data) : categoryChart(spec, data, true);
            case HBAR, STACKED_PERCENT -> categoryChart(spec, data, true);
            case DOTS -> categoryChart(spec, data, false);
            case FORECAST -> ForecastChart.build(spec, data);
            case HEATMAP -> HeatmapChart.build(spec, data);
            case TABLE -> throw new IllegalArgumentException("a table has no chart");
        };
        StringBuilder text = new StringBuilder(spec.title());
        for (java.util.List<Object> row : data.rows()) {
            row.stream().filter(v -> v instanceof String).forEach(v -> text.append(' ').append(v));
        }
        String family = Theme.familyFor(text.toString());
        TwoTickAxis.install(chart.getPlot());
        Theme.apply(chart, family);
        chart.setAntiAlias(true);
        // Room on the right so the last date label is not clipped.
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 18));
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null && seriesCount(spec, data) < 2) {
            chart.removeLegend();
        }
        style(chart, spec);
        if (spec.kind() != ChartKind.FORECAST && spec.kind() != ChartKind.HEATMAP) {
            Theme.colourSeries(chart);
        }
        if (spec.kind() != ChartKind.HEATMAP) {
            titleAxesOutside(chart, family);
        }
        markNotShown(chart, family);
        return chart;
    }

    /**
     * A mark at the foot of a bar's place that is drawn only where it fits: on a phone, 36 months leave each a few
     * pixels, and the marks of neighbouring months would overlap (the chart's note still says which rows are hidden).
     */
    private static final class BarMark extends org.jfree.chart.annotations.CategoryTextAnnotation {
        private static final long serialVersionUID = 1L;

        BarMark(String text, Comparable<?> category) {
            super(text, category, 0.0);
        }

        @Override
        public void draw(java.awt.Graphics2D g2, CategoryPlot plot, java.awt.geom.Rectangle2D dataArea,
                         org.jfree.chart.axis.CategoryAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis) {
            if (plot.getDataset().getColumnIndex(getCategory()) < 0) {
                return; // its bar is one the drawing has no room for (the PDF shows the first bars that fit)
            }
            boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
            double room = (vertical ? dataArea.getWidth() : dataArea.getHeight()) / Math.max(1, plot.getDataset().getColumnCount());
            java.awt.FontMetrics metrics = g2.getFontMetrics(getFont());
            // Along the category axis the mark takes its line's height (turned up, or written across a horizontal
            // bar's row), or, written across a vertical bar, its width.
            double needs = vertical && getRotationAngle() == 0 ? metrics.stringWidth(getText()) : metrics.getHeight();
            if (needs <= room) {
                super.draw(g2, plot, dataArea, domainAxis, rangeAxis);
            }
        }
    }

    /** The words written at the foot of a bar that is not drawn. */
    static final String NOT_SHOWN = "not shown";

    /**
     * A category of a bar chart none of whose bars is drawn (hidden to protect a small group, or with no value) says
     * "not shown" at the foot of its place: left empty, it read as a bar of zero beside a real 0.0%. A category whose
     * every bar is zero says its value there.
     */
    private static void markNotShown(JFreeChart chart, String family) {
        if (!(chart.getPlot() instanceof CategoryPlot plot) || !(plot.getRenderer() instanceof BarRenderer) || plot.getDataset() == null) {
            return;
        }
        org.jfree.data.category.CategoryDataset dataset = plot.getDataset();
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        java.text.NumberFormat axisFormat = ((NumberAxis) plot.getRangeAxis()).getNumberFormatOverride();
        for (int column = 0; column < dataset.getColumnCount(); column++) {
            boolean drawn = false;
            boolean zero = true;
            for (int row = 0; row < dataset.getRowCount(); row++) {
                Number value = dataset.getValue(row, column);
                drawn |= value != null;
                zero &= value != null && value.doubleValue() == 0;
            }
            // A real zero has no bar either: its value is written where the bar would start, so it is not read as hidden.
            String text = !drawn ? NOT_SHOWN : zero && axisFormat != null ? axisFormat.format(0) : null;
            if (text != null) {
                BarMark note = new BarMark(text, dataset.getColumnKey(column));
                // Upright, not italic: the PDF draws a turned italic as a skew that loses the turn.
                note.setFont(new java.awt.Font(family, java.awt.Font.PLAIN, 10));
                note.setPaint(Theme.MUTED);
                note.setTextAnchor(vertical && !text.equals(NOT_SHOWN) ? org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER
                        : org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
                if (vertical && text.equals(NOT_SHOWN)) {
                    // Up from the foot of the bar, as a bar would be.
                    note.setRotationAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
                    note.setRotationAngle(-Math.PI / 2);
                }
                plot.addAnnotation(note);
            }
        }
    }

    /**
     * Axis titles as text above and below the plot, wrapped to the chart's width: drawn on an axis, a title is one
     * line, and one longer than a small chart's plot was cut ("rowth on the month before", "Days since the last
     * activity (see the table for which"). The title of the value axis up the left side is written above the plot,
     * left-aligned; the title of the axis along the bottom, under it.
     */
    private static void titleAxesOutside(JFreeChart chart, String family) {
        org.jfree.chart.axis.Axis side;
        org.jfree.chart.axis.Axis bottom;
        if (chart.getPlot() instanceof CategoryPlot plot) {
            // A horizontal bar chart's categories keep their title up the side, where their axis leaves it out if it
            // does not fit: a line above the plot is dear in a small chart.
            boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
            side = horizontal ? null : plot.getRangeAxis();
            bottom = horizontal ? null : plot.getDomainAxis();
        } else if (chart.getPlot() instanceof XYPlot plot) {
            side = plot.getRangeAxis();
            bottom = plot.getDomainAxis();
        } else {
            return;
        }
        if (side != null && side.getLabel() != null && !side.getLabel().isBlank()) {
            org.jfree.chart.title.TextTitle title = axisTitle(side, family, org.jfree.chart.ui.HorizontalAlignment.LEFT);
            title.setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
            title.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 4, 2));
            chart.addSubtitle(0, title);
        }
        if (bottom != null && bottom.getLabel() != null && !bottom.getLabel().isBlank()) {
            org.jfree.chart.title.TextTitle title = axisTitle(bottom, family, org.jfree.chart.ui.HorizontalAlignment.CENTER);
            title.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            title.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 2));
            // Subtitles are laid out in turn from the chart's edges: after the legend, so the title is next to its axis.
            chart.addSubtitle(title);
        }
    }

    private static org.jfree.chart.title.TextTitle axisTitle(org.jfree.chart.axis.Axis axis, String family,
                                                              org.jfree.chart.ui.HorizontalAlignment alignment) {
        org.jfree.chart.title.TextTitle title = new org.jfree.chart.title.TextTitle(axis.getLabel(),
                new java.awt.Font(family, java.awt.Font.BOLD, 12));
        title.setPaint(Theme.MUTED);
        title.setHorizontalAlignment(alignment);
        title.setTextAlignment(alignment);
        title.setMaximumLinesToDisplay(3);
        axis.setLabel(null);
        return title;
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
            // First among the subtitles, the legend is laid out at the chart's bottom edge, below the axis's title.
            chart.addSubtitle(0, legend);
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
        Map<String, List<double[]>> allSeries = series(spec, data);
        java.util.SortedSet<Long> days = new java.util.TreeSet<>();
        allSeries.values().forEach(points -> points.forEach(p -> days.add((long) p[0])));
        int step = monthStep(days);
        List<Long> grid = step > 0 ? months(days.first(), days.last(), step) : List.copyOf(days);
        for (Map.Entry<String, List<double[]>> series : allSeries.entrySet()) {
            TimeSeries timeSeries = new TimeSeries(Label.of(series.getKey()));
            // Every date of the chart is in every series, a hidden or missing value as null: the line stops there.
            for (long day : grid) {
                timeSeries.add(day(day), null);
            }
            for (double[] point : series.getValue()) {
                if (!Double.isNaN(point[1])) {
                    timeSeries.addOrUpdate(day((long) point[0]), point[1]);
                }
            }
            dataset.addSeries(timeSeries);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(spec.title(), spec.xLabel(), axisLabel(spec), dataset,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        if (step > 1) {
            plot.setDomainAxis(new MonthStepAxis(spec.xLabel(), LocalDate.ofEpochDay(days.first()), step));
        } else {
            monthTicks((DateAxis) plot.getDomainAxis());
        }
        plot.setRenderer(new GapLineRenderer(data.rowCount() <= 40));
        return chart;
    }

    private static Day day(long epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        return new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    /**
     * The data's spacing in months when every date is the first of a month (1 for monthly figures, 3 for quarterly, 12
     * for yearly), else 0. It is the greatest common divisor of the distances between neighbouring dates, so a missing
     * month or quarter is a gap on the grid while the spacing of the others is not.
     */
    static int monthStep(java.util.SortedSet<Long> days) {
        if (days.isEmpty() || !days.stream().allMatch(d -> LocalDate.ofEpochDay(d).getDayOfMonth() == 1)) {
            return 0;
        }
        int step = 0;
        Long previous = null;
        for (long day : days) {
            if (previous != null) {
                step = gcd(step, (int) monthIndex(LocalDate.ofEpochDay(day)) - (int) monthIndex(LocalDate.ofEpochDay(previous)));
            }
            previous = day;
        }
        return step == 0 ? 1 : step;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long monthIndex(LocalDate month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    /** The first day of every {@code step}-th month from {@code first} to {@code last}, as epoch days. */
    private static List<Long> months(long first, long last, int step) {
        List<Long> months = new java.util.ArrayList<>();
        for (LocalDate month = LocalDate.ofEpochDay(first); !month.isAfter(LocalDate.ofEpochDay(last)); month = month.plusMonths(step)) {
            months.add(month.toEpochDay());
        }
        return months;
    }

    /**
     * A date axis for figures every few months (quarters): ticks only on the months the data is on, every 1, 2, 4 ...
     * steps, so a quarterly chart reads "Jan 2020", "Apr 2020" as its table does, not a month in between nor the last
     * month of a quarter.
     */
    static final class MonthStepAxis extends DateAxis {
        private static final long serialVersionUID = 1L;
        private final int offset;

        MonthStepAxis(String label, LocalDate first, int step) {
            super(label);
            this.offset = (int) Math.floorMod(monthIndex(first), (long) step);
            monthTicks(this, java.util.stream.IntStream.of(1, 2, 4, 8, 20, 40).map(every -> step * every).toArray());
        }

        /** The latest month before {@code date} that is a whole number of tick units after the data's first month. */
        @Override
        protected java.util.Date previousStandardDate(java.util.Date date, DateTickUnit unit) {
            if (unit.getUnitType() != DateTickUnitType.MONTH) {
                return super.previousStandardDate(date, unit);
            }
            LocalDate day = date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            long index = monthIndex(day.withDayOfMonth(1));
            long aligned = index - Math.floorMod(index - offset, (long) unit.getMultiple());
            LocalDate month = LocalDate.of((int) Math.floorDiv(aligned, 12L), (int) Math.floorMod(aligned, 12L) + 1, 1);
            java.util.Date standard = java.util.Date.from(month.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            return standard.before(date) ? standard : java.util.Date.from(month.minusMonths(unit.getMultiple())
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
    }

    /** A date axis labelled by month as the report writes months everywhere: "Apr 2022", every 1, 2, 3, 6 ... months. */
    static void monthTicks(DateAxis axis) {
        monthTicks(axis, 1, 2, 3, 6, 12, 24, 60, 120);
    }

    /** Ticks every one of {@code steps} months (the axis picks the first whose labels fit), in UTC. */
    private static void monthTicks(DateAxis axis, int... steps) {
        SimpleDateFormat months = new SimpleDateFormat("MMM yyyy", Locale.US);
        months.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setLocale(Locale.US);
        TickUnits units = new TickUnits();
        for (int step : steps) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, step, months));
        }
        axis.setStandardTickUnits(units);
    }

    /**
     * Lines that stop where a value is missing (hidden to protect a small group, or not a number) rather than bridge
     * the gap; a value with no neighbour on either side is drawn as a dot, or it would not show at all.
     */
    static final class GapLineRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        GapLineRenderer(boolean shapes) {
            super(true, shapes);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            if (super.getItemShapeVisible(series, item)) {
                return true;
            }
            XYPlot plot = getPlot();
            org.jfree.data.xy.XYDataset dataset = plot.getDataset(plot.getIndexOf(this));
            return !Double.isNaN(dataset.getYValue(series, item)) && missing(dataset, series, item - 1)
                    && missing(dataset, series, item + 1);
        }

        private static boolean missing(org.jfree.data.xy.XYDataset dataset, int series, int item) {
            return item < 0 || item >= dataset.getItemCount(series) || Double.isNaN(dataset.getYValue(series, item));
        }
    }

    /** As {@link GapLineRenderer}, for lines across named categories. */
    static final class GapCategoryLineRenderer extends org.jfree.chart.renderer.category.LineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        GapCategoryLineRenderer() {
            super(true, false);
        }

        @Override
        public boolean getItemShapeVisible(int row, int column) {
            org.jfree.data.category.CategoryDataset dataset = getPlot().getDataset(getPlot().getIndexOf(this));
            return dataset.getValue(row, column) != null && missing(dataset, row, column - 1) && missing(dataset, row, column + 1);
        }

        private static boolean missing(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            return column < 0 || column >= dataset.getColumnCount() || dataset.getValue(row, column) == null;
        }
    }

    private static JFreeChart categoryChart(ChartSpec spec, Table data, boolean bars) {
        int xIndex = data.index(spec.x());
        ColumnType xType = data.columns().get(xIndex).type();
        // Categories in the order the query gives them.
        List<Label> categories = new java.util.ArrayList<>();
        Map<Comparable<?>, Long> places = new java.util.HashMap<>();
        List<Label> seriesKeys = new java.util.ArrayList<>();
        Map<List<Label>, Double> values = new java.util.HashMap<>();
        Map<List<Comparable<?>>, double[]> intervals = new java.util.HashMap<>();
        java.util.Optional<Integer> low = data.indexOf("low_95");
        java.util.Optional<Integer> high = data.indexOf("high_95");
        // Decades are placed by their number (194 for the 1940s), so that labels every few decades fall on every few.
        boolean decades = dev.marquee.format.Unit.DECADE.equals(spec.units().get(spec.x()));
        for (List<Object> row : data.rows()) {
            Label category = Label.of(xCategory(spec, row.get(xIndex), xType));
            if (!categories.contains(category)) {
                categories.add(category);
                place(row.get(xIndex)).ifPresent(place -> places.put(category, decades ? Math.floorDiv(place, 10) : place));
            }
            if (spec.series().isPresent()) {
                Label series = Label.of(String.valueOf(row.get(data.index(spec.series().get()))));
                values.put(List.of(series, category), plotted(row.get(data.index(spec.y().get(0)))));
                interval(row, low, high).ifPresent(interval -> intervals.put(List.of(series, category), interval));
                if (!seriesKeys.contains(series)) {
                    seriesKeys.add(series);
                }
            } else {
                for (String y : spec.y()) {
                    Label series = Label.of(seriesName(spec, y));
                    values.put(List.of(series, category), plotted(row.get(data.index(y))));
                    interval(row, low, high).ifPresent(interval -> intervals.put(List.of(series, category), interval));
                    if (!seriesKeys.contains(series)) {
                        seriesKeys.add(series);
                    }
                }
            }
        }
        // Series named by a column (devices, plans, regions) in alphabetical order, so a device has the same colour in
        // every chart of a page whatever order each query gives; "Other (small groups)" last, in its grey.
        java.util.Comparator<Label> order = java.util.Comparator.comparing(Theme::isOther);
        seriesKeys.sort(spec.series().isPresent() ? order.thenComparing(Label::value) : order);
        if (decades && spec.unit().countsWholeThings()) {
            // A decade without a row has none of what the chart counts: 0, not a figure hidden.
            for (Label added : withDecadesBetween(categories, places)) {
                for (Label series : seriesKeys) {
                    values.put(List.of(series, added), 0.0);
                }
            }
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Label series : seriesKeys) {
            for (Label category : categories) {
                dataset.addValue(values.get(List.of(series, category)), series, category);
            }
        }
        // Stacks per named category (shares of a whole, members per plan of each country) read best as one bar per
        // row: a row of countries along the bottom turned their names up and left a quarter page's plot a centimetre
        // tall. Stacks per month or year stand up, time running left to right.
        boolean stacks = spec.kind() == ChartKind.STACKED_PERCENT || spec.kind() == ChartKind.STACKED_BAR;
        PlotOrientation orientation = spec.kind() == ChartKind.HBAR || spec.kind() == ChartKind.DOTS || (stacks && xType == ColumnType.TEXT)
                ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = switch (spec.kind()) {
            case STACKED_BAR, STACKED_PERCENT -> ChartFactory.createStackedBarChart(spec.title(), spec.xLabel(), axisLabel(spec),
                    dataset, orientation, true, false, false);
            default -> bars
                    ? ChartFactory.createBarChart(spec.title(), spec.xLabel(), axisLabel(spec), dataset, orientation, true, false, false)
                    : ChartFactory.createLineChart(spec.title(), spec.xLabel(), axisLabel(spec), dataset, orientation, true, false, false);
        };
        CategoryPlot plot = chart.getCategoryPlot();
        boolean ordered = places.size() == categories.size();
        plot.setDomainAxis(!ordered ? CategoryLabelAxis.names(spec.xLabel())
                : xType.isTemporal() ? CategoryLabelAxis.months(spec.xLabel(), places)
                : CategoryLabelAxis.numbers(spec.xLabel(), places));
        if (spec.kind() == ChartKind.STACKED_PERCENT && plot.getRenderer() instanceof org.jfree.chart.renderer.category.StackedBarRenderer stacked) {
            stacked.setRenderAsPercentages(true);
        }
        if (spec.kind() == ChartKind.BAR || spec.kind() == ChartKind.HBAR) {
            plot.setRenderer(new OtherGreyBarRenderer());
        }
        if (spec.kind() == ChartKind.DOTS) {
            plot.setRenderer(new IntervalDotRenderer(intervals));
            if (seriesKeys.size() > 1) {
                // Two sources' dots of one genre were as far apart as the second from the next genre's first.
                plot.getDomainAxis().setCategoryMargin(0.5);
            }
        } else if (!bars) {
            plot.setRenderer(new GapCategoryLineRenderer());
        }
        if (plot.getRenderer() instanceof BarRenderer bar) {
            bar.setItemMargin(0.05);
            bar.setDrawBarOutline(false);
        }
        return chart;
    }

    /** A row's 95% interval (in the result's columns low_95 and high_95, where it has them), where it has both ends. */
    private static java.util.Optional<double[]> interval(List<Object> row, java.util.Optional<Integer> low, java.util.Optional<Integer> high) {
        if (low.isEmpty() || high.isEmpty() || plotted(row.get(low.get())) == null || plotted(row.get(high.get())) == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new double[]{plotted(row.get(low.get())), plotted(row.get(high.get()))});
    }

    /** A category's place on its scale, when categories have an order: a month's number, a whole number. */
    /**
     * Every decade from the first to the last, in order: a catalogue without titles of the 1930s shows an empty place
     * between the 1920s and the 1940s, not the two side by side. Returns the decades added.
     */
    private static List<Label> withDecadesBetween(List<Label> categories, Map<Comparable<?>, Long> places) {
        if (places.size() != categories.size() || categories.isEmpty()) {
            return List.of();
        }
        long first = java.util.Collections.min(places.values());
        long last = java.util.Collections.max(places.values());
        if (last - first > 100) {
            return List.of();
        }
        List<Label> added = new java.util.ArrayList<>();
        List<Label> had = new java.util.ArrayList<>(categories);
        categories.clear();
        for (long decade = first; decade <= last; decade++) {
            Label category = Label.of(Formats.full(decade * 10.0, dev.marquee.format.Unit.DECADE));
            categories.add(category);
            places.put(category, decade);
            if (!had.contains(category)) {
                added.add(category);
            }
        }
        return added;
    }

    private static java.util.Optional<Long> place(Object value) {
        if (value instanceof LocalDate date) {
            return java.util.Optional.of(date.getYear() * 12L + date.getMonthValue() - 1);
        }
        if (value instanceof LocalDateTime time) {
            return place(time.toLocalDate());
        }
        if (value instanceof Long whole) {
            return java.util.Optional.of(whole);
        }
        if (value instanceof Integer whole) {
            return java.util.Optional.of(whole.longValue());
        }
        return java.util.Optional.empty();
    }

    /** Bars of one series; the bar of "Other (small groups)" in the grey that stands for it in every chart. */
    static final class OtherGreyBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public java.awt.Paint getItemPaint(int row, int column) {
            org.jfree.data.category.CategoryDataset dataset = getPlot().getDataset(getPlot().getIndexOf(this));
            return dataset.getRowCount() == 1 && Theme.isOther(dataset.getColumnKey(column)) ? Theme.OTHER : super.getItemPaint(row, column);
        }
    }

    private static void style(JFreeChart chart, ChartSpec spec) {
        if (spec.kind() == ChartKind.HEATMAP) {
            return;
        }
        dev.marquee.format.Unit unit = spec.kind() == ChartKind.STACKED_PERCENT ? dev.marquee.format.Unit.PERCENT : spec.unit();
        if (chart.getPlot() instanceof XYPlot plot) {
            AxisFormat.apply((NumberAxis) plot.getRangeAxis(), unit);
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
            plot.setDomainGridlinesVisible(false);
            zeroOnly(plot, plot.getRangeAxis(), unit);
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            AxisFormat.apply((NumberAxis) plot.getRangeAxis(), unit);
            // Dots mark values on a scale; only bars and lines measure from zero.
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(spec.kind() != ChartKind.DOTS);
            plot.setDomainGridlinesVisible(false);
            zeroOnly(plot, plot.getRangeAxis(), unit);
        }
    }

    /**
     * A value axis whose every value is 0 runs from 0 up (to 10%, or 10 of the unit): left to itself, it spanned a
     * hundred-millionth around 0 and labelled each of its ticks "0%" (a slice whose every shown month had no churner).
     */
    private static void zeroOnly(org.jfree.chart.plot.ValueAxisPlot plot, org.jfree.chart.axis.ValueAxis axis,
                                 dev.marquee.format.Unit unit) {
        org.jfree.data.Range data = plot.getDataRange(axis);
        if (data != null && data.getLowerBound() == 0 && data.getUpperBound() == 0) {
            axis.setRange(0, unit.style() == dev.marquee.format.NumberStyle.PERCENT ? 0.1 : 10);
        }
    }

    /** Points of each series: epoch day and value (NaN where it has none), in row order. */
    private static Map<String, List<double[]>> series(ChartSpec spec, Table data) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        int xIndex = data.index(spec.x());
        for (List<Object> row : data.rows()) {
            Object x = row.get(xIndex);
            if (!(x instanceof LocalDate || x instanceof LocalDateTime)) {
                // No date: a row of months too small to publish one by one, merged as "Other (small groups)", has no
                // place on a time axis; the table beside the chart lists it.
                continue;
            }
            double day = x instanceof LocalDateTime time ? time.toLocalDate().toEpochDay() : ((LocalDate) x).toEpochDay();
            if (spec.series().isPresent()) {
                Double value = plotted(row.get(data.index(spec.y().get(0))));
                String name = String.valueOf(row.get(data.index(spec.series().get())));
                series.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(new double[]{day, value == null ? Double.NaN : value});
            } else {
                for (String y : spec.y()) {
                    Double value = plotted(row.get(data.index(y)));
                    series.computeIfAbsent(seriesName(spec, y), k -> new java.util.ArrayList<>()).add(new double[]{day, value == null ? Double.NaN : value});
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

    /**
     * A category's full text (the table and the CSV show it whole; a chart draws it as a {@link Label}): a date by its
     * column's declared grain.
     */
    static String category(Object value, ColumnType type, java.util.Optional<dev.marquee.format.Grain> grain) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof LocalDate date) {
            return Formats.date(date, grain);
        }
        if (value instanceof Long whole) {
            // Category labels such as years and decades read without thousands separators.
            return Long.toString(whole);
        }
        return Formats.cell(value, dev.marquee.format.Unit.COUNT);
    }

    /** A value of the chart's x column as its category reads: {@link #category}, a decade by its first year and "s" (2010s). */
    static String xCategory(ChartSpec spec, Object value, ColumnType type) {
        return value instanceof Number number && dev.marquee.format.Unit.DECADE.equals(spec.units().get(spec.x()))
                ? Formats.full(number.doubleValue(), dev.marquee.format.Unit.DECADE) : category(value, type, spec.grainOf(spec.x()));
    }

    static String axisLabel(ChartSpec spec) {
        String suffix = spec.unit().suffix();
        return suffix.isEmpty() || spec.yLabel().toLowerCase(Locale.ROOT).contains(suffix.toLowerCase(Locale.ROOT))
                ? spec.yLabel() : spec.yLabel() + " (" + suffix + ")";
    }
}
