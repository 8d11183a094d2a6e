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
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, Theme.SERIES[0]);
        lineRenderer.setSeriesPaint(1, Theme.SERIES[1]);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.2f));
        lineRenderer.setSeriesStroke(1, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
        plot.setRenderer(0, lineRenderer);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        Color orange = Theme.SERIES[1];
        bandRenderer.setSeriesFillPaint(0, new Color(orange.getRed(), orange.getGreen(), orange.getBlue(), 50));
        bandRenderer.setSeriesFillPaint(1, new Color(orange.getRed(), orange.getGreen(), orange.getBlue(), 90));
        bandRenderer.setSeriesPaint(0, new Color(0, 0, 0, 0));
        bandRenderer.setSeriesPaint(1, new Color(0, 0, 0, 0));
        bandRenderer.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        if (firstForecast != null) {
            IntervalMarker marker = new IntervalMarker(millis(firstForecast.minusDays(15)), millis(lastForecast.plusDays(15)));
            marker.setPaint(Theme.CARD);
            marker.setLabel("Forecast");
            marker.setLabelFont(new Font(Theme.FONT_FAMILY, Font.BOLD, 11));
            marker.setLabelPaint(Theme.MUTED);
            marker.setLabelAnchor(RectangleAnchor.TOP);
            marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
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
