package dev.marquee.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

import java.awt.Rectangle;

/** A chart as an inline SVG element that scales to its container. Deterministic: ids come from the chart's name. */
final class SvgWriter {

    static final int WIDTH = 760;
    static final int HEIGHT = 380;
    /** The phone drawing: a narrower canvas, so its text is not shrunk to a few pixels on a 390-pixel screen. */
    static final int NARROW_WIDTH = 400;
    static final int NARROW_HEIGHT = 420;
    private static final String HINTS_NAMESPACE = " xmlns:jfreesvg='";

    private SvgWriter() {
    }

    static String svg(JFreeChart chart, String id, String title) {
        return svg(chart, id, WIDTH, HEIGHT);
    }

    /** The same chart drawn for a phone's width; its ids are its own, so both drawings may be on one page. */
    static String narrowSvg(JFreeChart chart, String id) {
        return svg(chart, id + "-narrow", NARROW_WIDTH, NARROW_HEIGHT);
    }

    private static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        graphics.setDefsKeyPrefix(id + "-");
        graphics.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        graphics.setGeomDoubleConverter(SvgWriter::hundredths);
        graphics.setTransformDoubleConverter(SvgWriter::hundredths);
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        String element = graphics.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
        // The wrapping element carries role="img" and the alt text; the drawing itself is hidden from screen readers.
        // JFreeSVG declares its own namespace for hints; inline SVG in HTML may not carry foreign namespaces.
        StringBuilder inline = new StringBuilder(element.length() + 64).append(element);
        int namespace = inline.indexOf(HINTS_NAMESPACE);
        if (namespace >= 0) {
            inline.delete(namespace, inline.indexOf("'", namespace + HINTS_NAMESPACE.length()) + 1);
        }
        int open = inline.indexOf("<svg ");
        inline.insert(open + "<svg ".length(), "aria-hidden=\"true\" focusable=\"false\" class=\"chart-svg\" ");
        return inline.toString();
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
