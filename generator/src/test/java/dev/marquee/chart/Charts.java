package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charts declared and drawn as the chart stage draws them, from tables written in the test. */
final class Charts {

    private static final Pattern SVG_TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    private Charts() {
    }

    static ChartSpec spec(ChartKind kind, String x, List<String> y, Optional<String> series, Unit unit) {
        return new ChartSpec("c", "q", kind, "The chart's title", x, y, series, "The x axis", "The values", unit, false, "",
                Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), Map.of());
    }

    static Table table(List<Column> columns, Object[]... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (Object[] row : rows) {
            list.add(Arrays.asList(row));
        }
        return new Table(columns, list);
    }

    static Column column(String name, ColumnType type) {
        return new Column(name, type);
    }

    /**
     * A forecast's table as the outlook writes it: 24 months of history from {@code first}, then 6 forecast months with
     * their 95% and 80% intervals, the forecast starting on the last month of history.
     */
    static Table forecast(java.time.LocalDate first) {
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            boolean future = m >= 24;
            double value = 100 + m;
            rows.add(new Object[]{first.plusMonths(m), future ? null : value, future || m == 23 ? value : null,
                    value - 10, value + 10, value - 5, value + 5});
        }
        return table(List.of(column("month", ColumnType.DATE), column("actual", ColumnType.DECIMAL),
                column("forecast", ColumnType.DECIMAL), column("low95", ColumnType.DECIMAL), column("high95", ColumnType.DECIMAL),
                column("low80", ColumnType.DECIMAL), column("high80", ColumnType.DECIMAL)), rows.toArray(Object[][]::new));
    }

    static RenderedChart render(ChartSpec spec, Table data) {
        return ChartStage.render("test", spec, data, Optional.empty(), "");
    }

    /** The text of every {@code <title>} of an SVG: its hotspots' values, in reading order. */
    static List<String> titles(String svg) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = TITLE.matcher(svg);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }

    private static final Pattern SVG_TEXT_AT = Pattern.compile(
            "<text x='([-0-9.]+)' y='([-0-9.]+)' style='[^']*font-family: \"([^\"]+)\"; font-size: ([0-9.]+)px;[^']*'[^>]*>([^<]*)</text>");

    /**
     * The box of each {@code <text>} element of an SVG whose text matches {@code pattern}, left to right: from its x
     * (JFreeSVG writes text anchored at its start) as wide as its font measures it, its baseline at y.
     */
    static List<java.awt.geom.Rectangle2D> textBoxes(String svg, String pattern) {
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        List<java.awt.geom.Rectangle2D> boxes = new ArrayList<>();
        Matcher matcher = SVG_TEXT_AT.matcher(svg);
        while (matcher.find()) {
            if (!matcher.group(5).matches(pattern)) {
                continue;
            }
            java.awt.Font font = new java.awt.Font(matcher.group(3), java.awt.Font.PLAIN, 1).deriveFont(Float.parseFloat(matcher.group(4)));
            java.awt.FontMetrics metrics = g2.getFontMetrics(font);
            double x = Double.parseDouble(matcher.group(1));
            double y = Double.parseDouble(matcher.group(2));
            boxes.add(new java.awt.geom.Rectangle2D.Double(x, y - metrics.getAscent(), metrics.stringWidth(matcher.group(5)),
                    metrics.getHeight()));
        }
        g2.dispose();
        boxes.sort(java.util.Comparator.comparingDouble(java.awt.geom.Rectangle2D::getMinX));
        return boxes;
    }

    /** The text of every {@code <text>} element of an SVG, unescaped for '&'. */
    static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher matcher = SVG_TEXT.matcher(svg);
        while (matcher.find()) {
            texts.add(matcher.group(1).replace("&amp;", "&"));
        }
        return texts;
    }
}
