package dev.marquee.chart;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Table;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;

/** The history line, the forecast line and its shaded 80% and 95% bands, with the forecast period labelled. */
final class ForecastChart {

    private ForecastChart() {
    }

    static JFreeChart build(ChartSpec spec, Table data) {
        TimeSeries actual = new TimeSeries("Actual");
        YIntervalSeries band95 = new YIntervalSeries("95% interval");
        YIntervalSeries band80 = new YIntervalSeries("80% interval");
        TimeSeries forecast = new TimeSeries("Forecast");
        LocalDate firstForecast = null;
        LocalDate lastForecast = null;
        for (int r = 0; r < data.rowCount(); r++) {
            LocalDate month = (LocalDate) data.value(r, spec.x());
            Day day = new Day(month.getDayOfMonth(), month.getMonthValue(), month.getYear());
            double x = millis(month);
            if (ChartBuilder.plotted(data.value(r, "actual")) != null) {
                actual.add(day, data.number(r, "actual"));
            } else if (!finite(data, r, "forecast")) {
                // A month of history whose figure is hidden is a gap in the line, not a straight line across it.
                actual.add(day, (Number) null);
            }
            if (finite(data, r, "forecast", "low95", "high95", "low80", "high80")) {
                forecast.add(day, data.number(r, "forecast"));
                band95.add(x, data.number(r, "forecast"), data.number(r, "low95"), data.number(r, "high95"));
                band80.add(x, data.number(r, "forecast"), data.number(r, "low80"), data.number(r, "high80"));
                if (data.value(r, "actual") == null) {
                    firstForecast = firstForecast == null ? month : firstForecast;
                    lastForecast = month;
                }
            }
        }
        TimeSeriesCollection lines = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        lines.addSeries(actual);
        lines.addSeries(forecast);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(spec.title(), spec.xLabel(), spec.yLabel(), lines, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ChartBuilder.monthTicks((org.jfree.chart.axis.DateAxis) plot.getDomainAxis());
        XYLineAndShapeRenderer lineRenderer = new ChartBuilder.GapLineRenderer(false);
        // The chart theme clears auto-populated paints and hands out its own in the order they are first asked for:
        // these are fixed, so the legend (drawn from fixed items) and the lines agree.
        lineRenderer.setAutoPopulateSeriesPaint(false);
        lineRenderer.setAutoPopulateSeriesStroke(false);
        lineRenderer.setSeriesPaint(0, Theme.SERIES[0]);
        lineRenderer.setSeriesPaint(1, Theme.SERIES[1]);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.2f));
        lineRenderer.setSeriesStroke(1, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
        plot.setRenderer(0, lineRenderer);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAutoPopulateSeriesFillPaint(false);
        bandRenderer.setAutoPopulateSeriesPaint(false);
        bandRenderer.setSeriesFillPaint(0, Theme.INTERVAL_95);
        bandRenderer.setSeriesFillPaint(1, Theme.INTERVAL_80);
        bandRenderer.setSeriesPaint(0, new Color(0, 0, 0, 0));
        bandRenderer.setSeriesPaint(1, new Color(0, 0, 0, 0));
        bandRenderer.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        if (firstForecast != null) {
            // The forecast months are shaded; the legend names the shade, as a label on the plot sat under the lines.
            IntervalMarker marker = new IntervalMarker(millis(firstForecast.minusDays(15)), millis(lastForecast.plusDays(15)));
            marker.setPaint(Theme.SHADE);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
        // The legend draws each band as its swatch: the bands' renderer has no line of its own to show there.
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        java.awt.geom.Line2D line = new java.awt.geom.Line2D.Double(-9, 0, 9, 0);
        java.awt.geom.Rectangle2D swatch = new java.awt.geom.Rectangle2D.Double(-7, -5, 14, 10);
        legend.add(new org.jfree.chart.LegendItem(String.valueOf(lines.getSeriesKey(0)), null, null, null, line,
                lineRenderer.getSeriesStroke(0), Theme.SERIES[0]));
        legend.add(new org.jfree.chart.LegendItem(String.valueOf(lines.getSeriesKey(1)), null, null, null, line,
                lineRenderer.getSeriesStroke(1), Theme.SERIES[1]));
        legend.add(new org.jfree.chart.LegendItem(String.valueOf(bands.getSeriesKey(1)), bandRenderer.getSeriesFillPaint(1)));
        legend.add(new org.jfree.chart.LegendItem(String.valueOf(bands.getSeriesKey(0)), bandRenderer.getSeriesFillPaint(0)));
        if (firstForecast != null) {
            org.jfree.chart.LegendItem period = new org.jfree.chart.LegendItem("Forecast period", null, null, null, swatch, Theme.SHADE,
                    new BasicStroke(1f), Theme.GRID);
            legend.add(period);
        }
        for (int i = 0; i < legend.getItemCount(); i++) {
            legend.get(i).setLabelPaint(Theme.TEXT);
            if (legend.get(i).getShape() == null || legend.get(i).isShapeVisible()) {
                legend.get(i).setShape(swatch);
            }
        }
        plot.setFixedLegendItems(legend);
        return chart;
    }

    private static boolean finite(Table data, int row, String... columns) {
        for (String column : columns) {
            if (ChartBuilder.plotted(data.value(row, column)) == null) {
                return false;
            }
        }
        return true;
    }

    private static double millis(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
