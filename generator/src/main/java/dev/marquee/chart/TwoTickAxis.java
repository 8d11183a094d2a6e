package dev.marquee.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A value axis that always shows a tick besides zero. In a short plot JFreeChart picks a step wide enough for the tick
 * labels' height, and a step larger than the data leaves only "0": a PDF's small chart of members per plan, its bars
 * reaching 450, had no scale at all. Where the step leaves one tick, the axis reaches to the next step instead; where it
 * leaves two or three and the data runs far past the last, to the step after it.
 */
final class TwoTickAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    TwoTickAxis(String label) {
        super(label);
    }

    /** Puts this axis in place of the plot's plain value axis, before the theme styles it. */
    static void install(Plot plot) {
        if (plot instanceof CategoryPlot category && category.getRangeAxis() != null
                && category.getRangeAxis().getClass() == NumberAxis.class) {
            category.setRangeAxis(new TwoTickAxis(category.getRangeAxis().getLabel()));
        } else if (plot instanceof XYPlot xy && xy.getRangeAxis() != null && xy.getRangeAxis().getClass() == NumberAxis.class) {
            xy.setRangeAxis(new TwoTickAxis(xy.getRangeAxis().getLabel()));
        }
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        if (!isAutoRange()) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            return;
        }
        // From the data's own range each time: a chart drawn small for the PDF and then large keeps no reach of the first.
        autoAdjustRange();
        super.selectAutoTickUnit(g2, dataArea, edge);
        double step = getTickUnit().getSize();
        double lower = getLowerBound();
        double upper = getUpperBound();
        if (!(step > 0) || ticks(lower, upper, step) > 3) {
            return;
        }
        if (ticks(lower, upper, step) >= 2) {
            // Two or three ticks, the longest bar far past the last: a PDF's hours by title read 0 and 500M under bars to
            // 840M, its shares 0, 20% and 40% under bars to 53%, lengths no tick measured. The axis reaches the next step.
            double last = Math.floor(upper / step + 1e-9) * step;
            if (upper > 0 && upper - last > REACH * step) {
                setRange(new Range(lower, last + step), false, false);
            }
            return;
        }
        while (ticks(lower, upper, step) < 2) {
            if (upper > 0) {
                upper = Math.floor(upper / step + 1e-9) * step + step;
            } else {
                lower = Math.ceil(lower / step - 1e-9) * step - step;
            }
        }
        setRange(new Range(lower, upper), false, false);
    }

    /** How far past a short axis's last tick (in steps) the data may reach before the axis takes another. */
    private static final double REACH = 0.3;

    /** How many multiples of {@code step} lie from {@code lower} to {@code upper}. */
    private static long ticks(double lower, double upper, double step) {
        return (long) Math.floor(upper / step + 1e-9) - (long) Math.ceil(lower / step - 1e-9) + 1;
    }
}
