package dev.marquee.chart;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.format.Formats;
import dev.marquee.format.Palette;
import dev.marquee.format.SafeText;
import dev.marquee.format.Unit;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * A chart as an inline SVG element that scales to its container. Deterministic: ids come from the chart's name.
 *
 * <p>The report's own colours are written as the style sheet's variables ({@code var(--fg)}), so a chart follows the
 * reader's light or dark scheme; series colours stay as drawn. After the drawing comes one transparent hotspot per bar,
 * point or cell, in the order a reader scans them (category, then series), each with a {@code <title>} that says its
 * value: a mouse shows it natively, and {@code charts.js} shows it to the keyboard.
 */
final class SvgWriter {

    static final int WIDTH = 760;
    static final int HEIGHT = 380;
    /** The phone drawing: a narrower canvas, so its text is not shrunk to a few pixels on a 390-pixel screen. */
    static final int NARROW_WIDTH = 400;
    static final int NARROW_HEIGHT = 420;
    private static final String HINTS_NAMESPACE = " xmlns:jfreesvg='";
    /** A point's hotspot: a circle this wide around it, easier to hit than the 5-pixel dot. */
    private static final double POINT_RADIUS = 7;
    /** A bar thinner than this (a value near zero) gets a hotspot this thick, centred on it. */
    private static final double MIN_BAR = 6;

    private SvgWriter() {
    }

    /**
     * The wide drawing, its hotspots writing values in full in the chart's unit ("Mar 2024: 1,234 hours"), and an x
     * along a number line in the x column's unit ("1960: 12 titles", a year; "3: 84.0%", a count).
     */
    static String svg(JFreeChart chart, String id, ChartSpec spec) {
        return svg(chart, id, WIDTH, (int) ChartSize.height(chart, WIDTH, HEIGHT), spec.unit(), spec.unitOf(spec.x()));
    }

    static String narrowSvg(JFreeChart chart, String id, ChartSpec spec) {
        return svg(chart, id + "-narrow", NARROW_WIDTH, (int) ChartSize.height(chart, NARROW_WIDTH, NARROW_HEIGHT), spec.unit(),
                spec.unitOf(spec.x()));
    }

    private static String svg(JFreeChart chart, String id, int width, int height, Unit unit, Unit xUnit) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        graphics.setDefsKeyPrefix(id + "-");
        graphics.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        graphics.setGeomDoubleConverter(SvgWriter::hundredths);
        graphics.setTransformDoubleConverter(SvgWriter::hundredths);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(graphics, new Rectangle(0, 0, width, height), info);
        String element = graphics.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
        // The wrapping element carries role="img" and the alt text; the drawing itself is hidden from screen readers,
        // which read the data table instead of each point (charts.js makes the wrapper one keyboard stop).
        // JFreeSVG declares its own namespace for hints; inline SVG in HTML may not carry foreign namespaces.
        StringBuilder inline = new StringBuilder(element.length() + 4096);
        appendThemed(element, inline);
        int namespace = inline.indexOf(HINTS_NAMESPACE);
        if (namespace >= 0) {
            inline.delete(namespace, inline.indexOf("'", namespace + HINTS_NAMESPACE.length()) + 1);
        }
        int open = inline.indexOf("<svg ");
        inline.insert(open + "<svg ".length(), "aria-hidden=\"true\" focusable=\"false\" class=\"chart-svg\" ");
        inline.insert(inline.lastIndexOf("</svg>"), hotspots(chart, info, unit, xUnit));
        return inline.toString();
    }

    /**
     * The report's colours as the style sheet's variables, inside style attributes only: text from the data is
     * escaped by JFreeSVG (an apostrophe is {@code &apos;}), so it never holds {@code style='}.
     */
    private static void appendThemed(String element, StringBuilder out) {
        int from = 0;
        while (true) {
            int start = element.indexOf("style='", from);
            if (start < 0) {
                out.append(element, from, element.length());
                return;
            }
            int end = element.indexOf('\'', start + "style='".length());
            out.append(element, from, start);
            // Each colour the style names, as JFreeSVG writes it, looked up once: a chart's SVG has many styles.
            int at = start;
            for (int rgb = element.indexOf("rgb(", at); rgb >= 0 && rgb < end; rgb = element.indexOf("rgb(", at)) {
                int close = element.indexOf(')', rgb);
                String themed = close < 0 || close > end ? null : THEMED.get(element.substring(rgb, close + 1));
                Map.Entry<String, String> translucent = themed == null ? translucentAt(element, rgb) : null;
                if (translucent != null) {
                    out.append(element, at, rgb).append(translucent.getValue());
                    at = rgb + translucent.getKey().length();
                } else if (themed == null) {
                    out.append(element, at, rgb + "rgb(".length());
                    at = rgb + "rgb(".length();
                } else {
                    out.append(element, at, rgb).append(themed);
                    at = close + 1;
                }
            }
            out.append(element, at, end);
            from = end;
        }
    }

    /** The translucent fill JFreeSVG wrote at {@code at} and its themed form, if one starts there; else null. */
    private static Map.Entry<String, String> translucentAt(String element, int at) {
        for (Map.Entry<String, String> fill : TRANSLUCENT.entrySet()) {
            if (element.startsWith(fill.getKey(), at)) {
                return fill;
            }
        }
        return null;
    }

    /**
     * Each translucent fill (a forecast's intervals) as JFreeSVG writes it, and its themed form, the opacity the style
     * sheet's variable: {@code rgb(230,159,0);fill-opacity:0.19607843458652496} becomes
     * {@code rgb(230,159,0);fill-opacity:var(--interval-95)}.
     */
    private static final Map<String, String> TRANSLUCENT = Map.of(
            written(Theme.INTERVAL_95, Palette.Opacity.INTERVAL_95), themed(Theme.INTERVAL_95, Palette.Opacity.INTERVAL_95),
            written(Theme.INTERVAL_80, Palette.Opacity.INTERVAL_80), themed(Theme.INTERVAL_80, Palette.Opacity.INTERVAL_80));

    private static String written(Color colour, Palette.Opacity opacity) {
        return rgb(colour) + ";fill-opacity:" + opacity.light();
    }

    private static String themed(Color colour, Palette.Opacity opacity) {
        return rgb(colour) + ";fill-opacity:var(--" + opacity.variable() + ")";
    }

    /** Each palette colour as JFreeSVG writes it, and the variable the style sheet defines for light and dark. */
    private static final Map<String, String> THEMED = themed();

    private static Map<String, String> themed() {
        Map<String, String> themed = new HashMap<>();
        themed.put(rgb(Color.WHITE), "var(--bg)");
        // The palette's last series colour is black: on a dark page it is the page's ink.
        themed.put(rgb(Color.BLACK), "var(--fg)");
        // On white the shade is the card's colour; charts draw that colour only to shade a stretch of the plot.
        themed.put(rgb(Palette.SHADE.colour()), "var(--shade)");
        for (Palette colour : Palette.values()) {
            String variable = switch (colour) {
                case BACKGROUND -> "bg";
                case INK -> "fg";
                case MUTED -> "muted";
                case RULE -> "line";
                case CARD -> "card";
                case ACCENT -> "accent";
                case GOOD -> "up";
                case BAD -> "down";
                case SHADE -> "shade";
            };
            // A palette colour that is white or black keeps the variable given first.
            themed.putIfAbsent(rgb(colour.colour()), "var(--" + variable + ")");
        }
        return Map.copyOf(themed);
    }

    private static String rgb(Color colour) {
        return "rgb(" + colour.getRed() + "," + colour.getGreen() + "," + colour.getBlue() + ")";
    }

    /** One hotspot of the drawing: where it is, its place in reading order, and what it says. */
    private record Hotspot(String shape, int category, int series, String text) {
    }

    private static String hotspots(JFreeChart chart, ChartRenderingInfo info, Unit unit, Unit xUnit) {
        List<Hotspot> spots = new ArrayList<>();
        DoubleFunction<String> value = v -> Formats.withUnit(v, unit);
        for (Object object : info.getEntityCollection().getEntities()) {
            ChartEntity entity = (ChartEntity) object;
            if (entity instanceof CategoryItemEntity item) {
                category(chart, item, value, unit).ifPresent(spots::add);
            } else if (entity instanceof XYItemEntity item) {
                xy(chart, item, value, xUnit).ifPresent(spots::add);
            }
        }
        if (spots.isEmpty()) {
            return "";
        }
        spots.sort(Comparator.comparingInt(Hotspot::category).thenComparingInt(Hotspot::series));
        StringBuilder group = new StringBuilder(spots.size() * 96).append("<g class=\"hotspots\" fill-opacity=\"0\">");
        for (Hotspot spot : spots) {
            group.append(spot.shape()).append("<title>").append(escape(spot.text())).append("</title>")
                    .append(spot.shape().startsWith("<rect") ? "</rect>" : "</circle>");
        }
        return group.append("</g>").toString();
    }

    private static Optional<Hotspot> category(JFreeChart chart, CategoryItemEntity item, DoubleFunction<String> value, Unit unit) {
        CategoryDataset dataset = item.getDataset();
        int row = dataset.getRowIndex(item.getRowKey());
        int column = dataset.getColumnIndex(item.getColumnKey());
        Number number = dataset.getValue(row, column);
        if (number == null) {
            return Optional.empty();
        }
        String shown;
        CategoryPlot plot = chart.getCategoryPlot();
        if (plot.getRenderer() instanceof StackedBarRenderer stacked && stacked.getRenderAsPercentages()) {
            double total = 0;
            for (int r = 0; r < dataset.getRowCount(); r++) {
                Number part = dataset.getValue(r, column);
                total += part == null ? 0 : part.doubleValue();
            }
            shown = Formats.percent(number.doubleValue() / total);
        } else {
            shown = value.apply(number.doubleValue());
        }
        if (plot.getRenderer() instanceof IntervalDotRenderer dots) {
            // The unit once, after the value: "4.06 / 5 (95% interval 4.02 to 4.11)".
            shown += dots.interval(item.getRowKey(), item.getColumnKey())
                    .map(ends -> " (95% interval " + Formats.full(ends[0], unit) + " to " + Formats.full(ends[1], unit) + ")").orElse("");
        }
        String name = dataset.getRowCount() > 1 ? item.getColumnKey() + " · " + item.getRowKey() : String.valueOf(item.getColumnKey());
        Rectangle2D area = item.getArea().getBounds2D();
        String shape = plot.getRenderer() instanceof BarRenderer ? rect(area) : circle(area);
        return Optional.of(new Hotspot(shape, column, row, name + ": " + shown));
    }

    private static Optional<Hotspot> xy(JFreeChart chart, XYItemEntity item, DoubleFunction<String> value, Unit xUnit) {
        XYDataset dataset = item.getDataset();
        if (dataset instanceof YIntervalSeriesCollection) {
            // A forecast's bands: its line's points say the forecast value.
            return Optional.empty();
        }
        int series = item.getSeriesIndex();
        int index = item.getItem();
        double y = dataset.getYValue(series, index);
        if (!Double.isFinite(y)) {
            return Optional.empty();
        }
        Rectangle2D area = item.getArea().getBounds2D();
        XYPlot plot = chart.getXYPlot();
        if (dataset instanceof XYZDataset cells && plot.getDomainAxis() instanceof SymbolAxis across
                && plot.getRangeAxis() instanceof SymbolAxis down) {
            String text = across.valueToString(dataset.getXValue(series, index)) + " · " + down.valueToString(y) + ": "
                    + value.apply(cells.getZValue(series, index));
            return Optional.of(new Hotspot(rect(area), index, series, text));
        }
        String x = dataset instanceof TimeSeriesCollection
                ? Formats.period(LocalDate.ofInstant(Instant.ofEpochMilli((long) dataset.getXValue(series, index)), ZoneOffset.UTC))
                : Formats.full(dataset.getXValue(series, index), xUnit);
        String name = dataset.getSeriesCount() > 1 ? x + " · " + dataset.getSeriesKey(series) : x;
        // Points of several series share an x: order them by x first. The item index is per series, the x is not.
        int order = (int) Math.round(area.getCenterX() * 100);
        return Optional.of(new Hotspot(circle(area), order, series, name + ": " + value.apply(y)));
    }

    private static String rect(Rectangle2D area) {
        double x = area.getX();
        double y = area.getY();
        double w = area.getWidth();
        double h = area.getHeight();
        if (w < MIN_BAR) {
            x -= (MIN_BAR - w) / 2;
            w = MIN_BAR;
        }
        if (h < MIN_BAR) {
            y -= (MIN_BAR - h) / 2;
            h = MIN_BAR;
        }
        return "<rect x=\"" + hundredths(x) + "\" y=\"" + hundredths(y) + "\" width=\"" + hundredths(w) + "\" height=\""
                + hundredths(h) + "\">";
    }

    private static String circle(Rectangle2D area) {
        return "<circle cx=\"" + hundredths(area.getCenterX()) + "\" cy=\"" + hundredths(area.getCenterY()) + "\" r=\""
                + hundredths(POINT_RADIUS) + "\">";
    }

    /** Labels come from the data: one line, capped, with markup characters escaped. */
    private static String escape(String text) {
        return org.jfree.svg.SVGUtils.escapeForXML(SafeText.line(text));
    }

    /**
     * A coordinate to a hundredth of a pixel, without trailing zeros: "12.5", "-3.07", "40". The default shortest
     * round-trip form ("12.499999999999998") is a third of the chart stage's time and of the SVG's size.
     */
    static String hundredths(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        long scaled = Math.round(value * 100);
        StringBuilder text = new StringBuilder(12);
        if (scaled < 0) {
            text.append('-');
            scaled = -scaled;
        }
        text.append(scaled / 100);
        long fraction = scaled % 100;
        if (fraction != 0) {
            text.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                text.append(fraction % 10);
            }
        }
        return text.toString();
    }
}
