package dev.marquee.chart;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Table;
import dev.marquee.format.SafeText;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** A grid of the x categories by the series categories, each cell shaded by its value (darker is higher). */
final class HeatmapChart {

    private HeatmapChart() {
    }

    static JFreeChart build(ChartSpec spec, Table data) {
        String seriesColumn = spec.series().orElseThrow(() -> new IllegalArgumentException("a heatmap needs 'series'"));
        List<Object> xs = distinct(data, spec.x());
        List<Object> ys = distinct(data, seriesColumn);
        // Cells without a finite value stay blank (the table beside the chart says "n/a").
        List<Integer> drawn = new ArrayList<>();
        for (int r = 0; r < data.rowCount(); r++) {
            if (ChartBuilder.plotted(data.value(r, spec.y().get(0))) != null) {
                drawn.add(r);
            }
        }
        double[][] cells = new double[3][drawn.size()];
        double low = drawn.isEmpty() ? 0 : Double.MAX_VALUE;
        double high = drawn.isEmpty() ? 0 : -Double.MAX_VALUE;
        for (int i = 0; i < drawn.size(); i++) {
            int r = drawn.get(i);
            double value = data.number(r, spec.y().get(0));
            cells[0][i] = xs.indexOf(data.value(r, spec.x()));
            cells[1][i] = ys.indexOf(data.value(r, seriesColumn));
            cells[2][i] = value;
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(spec.yLabel(), cells);
        SymbolAxis xAxis = new SymbolAxis(spec.xLabel(), labels(data, spec.x(), xs, spec.grainOf(spec.x())));
        xAxis.setVerticalTickLabels(true);
        SymbolAxis yAxis = new SymbolAxis(seriesLabel(spec, seriesColumn), labels(data, seriesColumn, ys, spec.grainOf(seriesColumn)));
        // A symbol axis shades every other row and column grey by default: an empty cell would read as a low value.
        xAxis.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        XYBlockRenderer renderer = new XYBlockRenderer();
        if (high <= low) {
            high = low + 1;
        }
        LookupPaintScale scale = new LookupPaintScale(low, high + 1e-9, new Color(0xf0f4f8));
        Color blue = Theme.SERIES[0];
        for (int step = 0; step < 10; step++) {
            float t = step / 9f;
            scale.add(low + (high - low) * step / 10.0, new Color(
                    Math.round(240 + (blue.getRed() - 240) * t), Math.round(244 + (blue.getGreen() - 244) * t),
                    Math.round(248 + (blue.getBlue() - 248) * t)));
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis(spec.yLabel());
        AxisFormat.apply(legendAxis, spec.unit());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setMargin(4, 4, 4, 4);
        JFreeChart chart = new LegendPlacedByWidth(spec.title(), plot);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The colour legend beside the plot where the drawing is wide, under it where it is narrow: on the right of a
     * phone's drawing it took a fifth of the width, and the columns' labels then skipped every other genre; under a
     * wide one it left the rows a few pixels tall.
     */
    static final class LegendPlacedByWidth extends JFreeChart {
        private static final long serialVersionUID = 1L;
        static final double NARROWER_THAN = 600;

        LegendPlacedByWidth(String title, XYPlot plot) {
            super(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        }

        @Override
        public void draw(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D area, java.awt.geom.Point2D anchor,
                         org.jfree.chart.ChartRenderingInfo info) {
            RectangleEdge side = area.getWidth() < NARROWER_THAN ? RectangleEdge.BOTTOM : RectangleEdge.RIGHT;
            // The legend among this chart's own subtitles: a copy (the PDF draws one) has its own.
            for (Object subtitle : getSubtitles()) {
                if (subtitle instanceof PaintScaleLegend legend && legend.getPosition() != side) {
                    legend.setPosition(side);
                }
            }
            super.draw(g2, area, anchor, info);
        }
    }

    /** A column's distinct values in their own order (months by date, not as text), nulls last. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> distinct(Table data, String column) {
        List<Object> values = new ArrayList<>();
        for (Object value : data.columnValues(column)) {
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        values.sort(java.util.Comparator.nullsLast((a, b) -> a instanceof Comparable ca && a.getClass() == b.getClass()
                ? ca.compareTo(b) : String.valueOf(a).compareTo(String.valueOf(b))));
        return values;
    }

    /** The values as a reader reads them: a date by its column's grain ("Jan 2024" for a month), as on every other chart. */
    private static String[] labels(Table data, String column, List<Object> values,
                                   java.util.Optional<dev.marquee.format.Grain> grain) {
        dev.marquee.engine.ColumnType type = data.columns().get(data.index(column)).type();
        return values.stream().map(v -> SafeText.label(ChartBuilder.category(v, type, grain))).toArray(String[]::new);
    }

    /**
     * The series axis's title: the x axis's own when the two columns are the two sides of a pair (genre_a and genre_b),
     * else the column's name as words ("Cohort").
     */
    static String seriesLabel(ChartSpec spec, String seriesColumn) {
        String pair = seriesColumn.replaceFirst("_[ab]$", "");
        if (!pair.equals(seriesColumn) && pair.equals(spec.x().replaceFirst("_[ab]$", ""))) {
            return spec.xLabel();
        }
        String words = seriesColumn.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
