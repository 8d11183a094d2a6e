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

    /** Colour-blind-safe palette (Okabe–Ito, reordered for contrast on white). */
    static final Color[] SERIES = {
            new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
            new Color(0x999999), new Color(0x882255)};
    static final Color TEXT = new Color(0x1f2328);
    static final Color MUTED = new Color(0x59636e);
    static final Color GRID = new Color(0xd8dee4);

    /** The font family charts are drawn with; the PDF embeds the same font. */
    public static final String FONT_FAMILY = pickFamily();

    private Theme() {
    }

    static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("marquee", false);
        theme.setExtraLargeFont(new Font(FONT_FAMILY, Font.BOLD, 16));
        theme.setLargeFont(new Font(FONT_FAMILY, Font.BOLD, 13));
        theme.setRegularFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        theme.setSmallFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
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
