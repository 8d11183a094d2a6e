package dev.marquee.chart;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dot at each value and a line across its 95% interval, one series beside the next within a category: averages on a
 * scale (ratings of 1 to 5, scores of 0 to 10) drawn as bars from zero all looked the same length, and whether two
 * genres really differ is whether their intervals overlap. The value axis spans the intervals, not zero.
 */
final class IntervalDotRenderer extends LineAndShapeRenderer {

    private static final long serialVersionUID = 1L;
    /** The series' marks in turn, so two series are told apart without their colours (WCAG 1.4.1). */
    private static final Shape[] SHAPES = {
            new Ellipse2D.Double(-4.5, -4.5, 9, 9),
            new Rectangle2D.Double(-4, -4, 8, 8),
            new java.awt.Polygon(new int[]{0, 5, 0, -5}, new int[]{-5, 0, 5, 0}, 4),
    };

    /** Each value's interval, low and high, by its series and category keys. */
    private final Map<List<Comparable<?>>, double[]> intervals;

    IntervalDotRenderer(Map<List<Comparable<?>>, double[]> intervals) {
        super(false, true);
        this.intervals = Map.copyOf(intervals);
        setUseSeriesOffset(true);
        // A category's series close together, the categories apart (see ChartBuilder): each dot is read against its row.
        setItemMargin(0);
        setAutoPopulateSeriesShape(false);
        for (int series = 0; series < SHAPES.length; series++) {
            setSeriesShape(series, SHAPES[series], false);
        }
        setDefaultShape(SHAPES[0], false);
    }

    /** The 95% interval of a series' value in a category, where it has one. */
    Optional<double[]> interval(Comparable<?> series, Comparable<?> category) {
        return Optional.ofNullable(intervals.get(List.of(series, category)));
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        int visibleRow = state.getVisibleSeriesIndex(row);
        Optional<double[]> interval = interval(dataset.getRowKey(row), dataset.getColumnKey(column));
        if (pass == 0 && visibleRow >= 0 && dataset.getValue(row, column) != null && interval.isPresent()) {
            double across = domainAxis.getCategorySeriesMiddle(column, dataset.getColumnCount(), visibleRow,
                    state.getVisibleSeriesCount(), getItemMargin(), dataArea, plot.getDomainAxisEdge());
            double low = rangeAxis.valueToJava2D(interval.get()[0], dataArea, plot.getRangeAxisEdge());
            double high = rangeAxis.valueToJava2D(interval.get()[1], dataArea, plot.getRangeAxisEdge());
            boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
            g2.setPaint(getItemPaint(row, column));
            g2.setStroke(getItemStroke(row, column));
            g2.draw(horizontal ? new Line2D.Double(low, across, high, across) : new Line2D.Double(across, low, across, high));
            // Short ends, so a line that runs under its dot still reads as an interval.
            for (double end : new double[]{low, high}) {
                g2.draw(horizontal ? new Line2D.Double(end, across - 3, end, across + 3) : new Line2D.Double(across - 3, end, across + 3, end));
            }
        }
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    }

    /** A series' legend entry: its mark across a stretch of its interval's line, whose dash tells the series apart too. */
    @Override
    public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
        org.jfree.chart.LegendItem plain = super.getLegendItem(datasetIndex, series);
        if (plain == null) {
            return null;
        }
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(plain.getLabel(), plain.getDescription(), plain.getToolTipText(),
                plain.getURLText(), true, plain.getShape(), true, plain.getFillPaint(), false, plain.getFillPaint(),
                plain.getOutlineStroke(), true, new Line2D.Double(-9, 0, 9, 0), lookupSeriesStroke(series), lookupSeriesPaint(series));
        item.setLabelFont(plain.getLabelFont());
        item.setLabelPaint(plain.getLabelPaint());
        item.setDataset(plain.getDataset());
        item.setDatasetIndex(plain.getDatasetIndex());
        item.setSeriesKey(plain.getSeriesKey());
        item.setSeriesIndex(plain.getSeriesIndex());
        return item;
    }

    /** The values' range widened to their intervals, so no line runs off the plot. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        Range range = super.findRangeBounds(dataset);
        if (dataset == null) {
            return range;
        }
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                if (dataset.getValue(row, column) == null) {
                    continue;
                }
                for (double end : interval(dataset.getRowKey(row), dataset.getColumnKey(column)).orElse(new double[0])) {
                    range = Range.expandToInclude(range, end);
                }
            }
        }
        return range;
    }
}
