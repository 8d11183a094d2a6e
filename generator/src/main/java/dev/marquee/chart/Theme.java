package dev.marquee.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;

/** The one look every chart shares, on the site and in the PDF. */
public final class Theme {

    /** Colour-blind-safe palette (Okabe–Ito, reordered for contrast on white); no grey, which stands for {@link #OTHER}. */
    static final Color[] SERIES = {
            new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
            new Color(0x882255)};
    /** The one colour of "Other (small groups)", as a series or a bar, in every chart. */
    static final Color OTHER = new Color(0x9E9E9E);
    static final Color TEXT = dev.marquee.format.Palette.INK.colour();
    static final Color MUTED = dev.marquee.format.Palette.MUTED.colour();
    static final Color GRID = dev.marquee.format.Palette.RULE.colour();
    static final Color BAD = dev.marquee.format.Palette.BAD.colour();
    /** The forecast period's shade. */
    static final Color SHADE = dev.marquee.format.Palette.SHADE.colour();
    /** A forecast's intervals: its line's orange, laid thinly over the grid (thicker on a dark page: SvgWriter). */
    static final Color INTERVAL_95 = translucent(SERIES[1], dev.marquee.format.Palette.Opacity.INTERVAL_95);
    static final Color INTERVAL_80 = translucent(SERIES[1], dev.marquee.format.Palette.Opacity.INTERVAL_80);

    /** The font family charts are drawn with; the PDF embeds the same font. */
    public static final String FONT_FAMILY = pickFamily();

    static {
        // JFreeChart lays rotated text (the value axis's label) out as glyphs, a workaround for screen rendering bugs
        // of Java 1.4; SVG and PDF then receive each letter as a filled outline. Drawn as a string, the label is text
        // in both (selectable, read by screen readers, found by a PDF's search) and takes a tenth of the time.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Theme() {
    }

    private static Color translucent(Color colour, dev.marquee.format.Palette.Opacity opacity) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), opacity.alpha());
    }

    /**
     * The family for a chart: the CJK-capable one when its text needs it (it is slower to measure and embed, so only
     * then), else the report's usual family.
     */
    static String familyFor(String text) {
        return CJK_INSTALLED && needsCjk(text) ? CJK_FAMILY : FONT_FAMILY;
    }

    /** True when the text has Hangul, kana or CJK ideographs. */
    public static boolean needsCjk(String text) {
        return text.codePoints().anyMatch(c -> (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF));
    }

    static void apply(JFreeChart chart, String family) {
        StandardChartTheme theme = new StandardChartTheme("marquee", false);
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 16));
        theme.setLargeFont(new Font(family, Font.BOLD, 13));
        theme.setRegularFont(new Font(family, Font.PLAIN, 12));
        theme.setSmallFont(new Font(family, Font.PLAIN, 11));
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(MUTED);
        theme.setAxisLabelPaint(MUTED);
        theme.setTickLabelPaint(MUTED);
        theme.setLegendItemPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setShadowVisible(false);
        theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        Stroke[] strokes = {new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)};
        Shape[] shapes = {new Ellipse2D.Double(-2.5, -2.5, 5, 5)};
        theme.setDrawingSupplier(new DefaultDrawingSupplier(Arrays.copyOf(SERIES, SERIES.length, Paint[].class),
                DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                strokes, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, shapes));
        theme.apply(chart);
    }

    /** True for the group the disclosure stage merges small groups into, as a chart's key or as text. */
    static boolean isOther(Object key) {
        Object value = key instanceof ChartBuilder.Label label ? label.value() : key;
        return dev.marquee.privacy.Disclosure.OTHER.equals(value == null ? null : value.toString());
    }

    /**
     * Each series its colour, fixed after the theme (which hands colours out in the order they are asked for): the
     * palette in series order, skipping "Other (small groups)", which is {@link #OTHER} wherever it appears.
     */
    static void colourSeries(JFreeChart chart) {
        org.jfree.chart.renderer.AbstractRenderer renderer;
        java.util.List<?> keys;
        if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot plot && plot.getDataset() != null) {
            renderer = (org.jfree.chart.renderer.AbstractRenderer) plot.getRenderer();
            keys = plot.getDataset().getRowKeys();
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot plot && plot.getDataset() != null) {
            renderer = (org.jfree.chart.renderer.AbstractRenderer) plot.getRenderer();
            keys = java.util.stream.IntStream.range(0, plot.getDataset().getSeriesCount())
                    .mapToObj(i -> plot.getDataset().getSeriesKey(i)).toList();
        } else {
            return;
        }
        renderer.setAutoPopulateSeriesPaint(false);
        int next = 0;
        boolean lines = keys.size() > 1 && (renderer instanceof org.jfree.chart.renderer.category.LineAndShapeRenderer
                || renderer instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer);
        for (int i = 0; i < keys.size(); i++) {
            boolean other = isOther(keys.get(i));
            // Lines told apart by colour alone fail readers who do not see colour (WCAG 1.4.1): each line its own dash
            // as well, in the legend too, unless the chart set its strokes itself (a forecast's).
            if (lines && renderer.getSeriesStroke(i) == null) {
                renderer.setSeriesStroke(i, other ? DASHES[0] : DASHES[next % DASHES.length], false);
            }
            renderer.setSeriesPaint(i, other ? OTHER : SERIES[next++ % SERIES.length], false);
        }
    }

    /** The strokes of a chart's lines, one per series in turn: solid, dashed, dotted, dash-dot, long dashes. */
    private static final Stroke[] DASHES = {
            new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
            new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{7f, 4f}, 0f),
            new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{0.5f, 4f}, 0f),
            new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{8f, 3f, 2f, 3f}, 0f),
            new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{14f, 4f}, 0f)};

    /** A family with Latin and CJK glyphs (titles in Korean, Japanese and Chinese), when the machine has one. */
    public static final String CJK_FAMILY = "WenQuanYi Zen Hei";
    private static final boolean CJK_INSTALLED = java.util.Arrays.asList(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()).contains(CJK_FAMILY);

    private static String pickFamily() {
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String wanted : new String[]{"DejaVu Sans", "Liberation Sans", "Noto Sans"}) {
            if (Arrays.asList(installed).contains(wanted)) {
                return wanted;
            }
        }
        return Font.SANS_SERIF;
    }
}
