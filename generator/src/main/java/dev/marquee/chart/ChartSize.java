package dev.marquee.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.SlidingCategoryDataset;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The height a chart needs at a width. A horizontal bar chart gets a slot per category tall enough for its label,
 * wrapped as {@link CategoryLabelAxis} wraps it, and at least {@link #BAR} high: on the site a chart of 39 genres grows
 * taller rather than squeezing its bars and labels into each other. Where the height is fixed (a PDF page), it shows
 * the bars that fit and says so. A vertical bar chart grows where its labels, turned up, would leave its bars less
 * than {@link #PLOT} high. Other charts keep the usual height.
 */
final class ChartSize {

    /** The least height of a category's slot, in the units the chart is drawn in (pixels on the site). */
    static final double BAR = 20;
    /** The least height of a vertical bar chart's plot, below which it grows. */
    static final double PLOT = 110;
    /** The line under a shortened chart. */
    private static final double LINE = 22;

    private ChartSize() {
    }

    /** The height the chart needs when drawn {@code width} wide, and at least {@code usual}. */
    static double height(JFreeChart chart, double width, double usual) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getOrientation() == PlotOrientation.VERTICAL) {
            return grown(chart, width, usual, PLOT);
        }
        return bars(chart, width, usual, CategoryLabelAxis.LEFT_SHARE)
                .map(b -> Math.max(usual, Math.ceil(usual - b.room() + b.count() * Math.max(BAR, b.slot())))).orElse(usual);
    }

    /**
     * The height a chart needs on paper, where it cannot grow past its cell: a horizontal bar chart every bar at its
     * label's height, any other chart a plot at least {@code leastPlot} high under its titles, legend and labels.
     */
    static double paperHeight(JFreeChart chart, double width, double usual, double leastPlot) {
        if (!horizontalBars(chart)) {
            return grown(chart, width, usual, leastPlot);
        }
        // The titles, legend and value axis take what they need first (all of a short chart's height): a few rounds.
        double height = usual;
        for (int round = 0; round < 4; round++) {
            Bars bars = bars(chart, width, height, CategoryLabelAxis.LEFT_SHARE).orElseThrow();
            if (bars.fit()) {
                break;
            }
            height = Math.ceil(height + bars.count() * bars.slot() - Math.max(0, bars.room()));
        }
        return height;
    }

    /** Labels turned up, and a legend that wraps, take their room as the chart grows: a few rounds find a height that leaves the plot {@code leastPlot}. */
    private static double grown(JFreeChart chart, double width, double usual, double leastPlot) {
        double height = usual;
        for (int round = 0; round < 4; round++) {
            double plotHeight = dataArea(chart, width, height).getHeight();
            if (plotHeight >= leastPlot) {
                break;
            }
            height = Math.ceil(height + leastPlot - plotHeight);
        }
        return height;
    }

    /** Where the plot draws its data when the chart is drawn {@code width} by {@code height}. */
    static Rectangle2D dataArea(JFreeChart chart, double width, double height) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo(null);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            return info.getPlotInfo().getDataArea();
        } finally {
            g2.dispose();
        }
    }

    /**
     * The chart to draw into {@code area}: itself, or, when the bars of a horizontal bar chart would not fit, a copy
     * whose labels take more of the width (so fewer wrap), showing the first bars that fit, with a line under it
     * saying how many of how many (the table has them all).
     */
    static Fit fitted(JFreeChart chart, Rectangle2D area) {
        Optional<Bars> atOwnShare = bars(chart, area.getWidth(), area.getHeight(), CategoryLabelAxis.LEFT_SHARE);
        if (atOwnShare.filter(b -> !b.fit()).isEmpty()) {
            return new Fit(chart, Optional.empty(), Fit.ALL);
        }
        // Here the bars may be as thin as their labels: the area is what the page has. The labels' share of the width
        // changes where they wrap, not the room the titles, legend and value axis leave the bars.
        double room = atOwnShare.get().room();
        Bars bars = null;
        float share = 0;
        for (float wider : new float[]{0.5f, 0.6f}) {
            share = wider;
            bars = barsIn(chart, area.getWidth(), room, share, CategoryLabelAxis.LINES);
            if (bars.fit()) {
                break;
            }
        }
        // Still short of room, labels cut to one line ("When Life Gives You Tangerines: Limited Series // ...") may
        // leave room for more bars than wrapped ones: where 15 titles each wrapped onto two lines left room for 3, one line each shows 7.
        int lines = CategoryLabelAxis.LINES;
        if (!bars.fit()) {
            Bars oneLine = barsIn(chart, area.getWidth(), room, share, 1);
            if (oneLine.fitting() > bars.fitting()) {
                bars = oneLine;
                lines = 1;
            }
        }
        try {
            JFreeChart copy = (JFreeChart) chart.clone();
            CategoryPlot plot = copy.getCategoryPlot();
            if (plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis range) {
                AxisFormat.rebind(range);
            }
            if (plot.getDomainAxis() instanceof CategoryLabelAxis axis) {
                axis.setLeftShare(share);
                axis.setSideLines(lines);
            }
            if (bars.fit()) {
                return new Fit(copy, Optional.empty(), Fit.ALL);
            }
            CategoryDataset all = plot.getDataset();
            // A cut through a tie moves before it, unless that gives up more than half the bars that fit: then the
            // note says how many left out tie with the last one shown.
            int beforeTie = beforeATie(all, bars.fitting());
            int fits = beforeTie * 2 >= bars.fitting() ? beforeTie : bars.fitting();
            int tiedLeftOut = fits == beforeTie ? 0 : tiedAfter(all, fits);
            plot.setDataset(new SlidingCategoryDataset(all, 0, fits));
            String leftOut = (descending(all) ? "The " + fits + " highest" : "The first " + fits) + " of " + bars.count()
                    + " shown" + (tiedLeftOut == 0 ? "" : ", " + tiedLeftOut + " more tied with the last") + "; the table on the site lists all.";
            TextTitle note = new TextTitle(leftOut, new Font(plot.getDomainAxis().getTickLabelFont().getFamily(), Font.PLAIN, 11));
            note.setPaint(Theme.MUTED);
            note.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            copy.addSubtitle(note);
            return new Fit(copy, Optional.of(leftOut), fits);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The chart to draw, the line under it that says which bars it leaves out, when it leaves some out, and how many
     * bars it shows ({@link #ALL} when none is left out).
     */
    record Fit(JFreeChart chart, Optional<String> leftOut, int bars) {
        static final int ALL = Integer.MAX_VALUE;
    }

    /**
     * A ranking cut after {@code fits} bars, moved back before a tie it would split: "the 7 highest" must not show one of
     * two countries of 183 members and leave the other out. Left as it is when every bar shown ties with the next.
     */
    static int beforeATie(CategoryDataset data, int fits) {
        if (!descending(data) || fits <= 0 || fits >= data.getColumnCount() || Theme.isOther(data.getColumnKey(fits))) {
            return fits;
        }
        Number next = data.getValue(0, fits);
        int cut = fits;
        while (cut > 0 && next != null && data.getValue(0, cut - 1) != null
                && data.getValue(0, cut - 1).doubleValue() == next.doubleValue()) {
            cut--;
        }
        return cut == 0 ? fits : cut;
    }

    /** How many bars after the first {@code shown} have the value of the last one shown. */
    private static int tiedAfter(CategoryDataset data, int shown) {
        Number last = data.getValue(0, shown - 1);
        int tied = 0;
        for (int column = shown; column < data.getColumnCount(); column++) {
            Number value = data.getValue(0, column);
            if (last != null && value != null && value.doubleValue() == last.doubleValue()) {
                tied++;
            }
        }
        return tied;
    }

    /**
     * True when the chart has one series and its values fall from the first category to the last ("Other (small
     * groups)" aside). Stacks are in their query's order (countries by size): a first part that happened to fall read
     * as "the 4 highest".
     */
    private static boolean descending(CategoryDataset data) {
        if (data.getRowCount() != 1) {
            return false;
        }
        Double previous = null;
        for (int column = 0; column < data.getColumnCount(); column++) {
            Number value = data.getValue(0, column);
            if (value == null || Theme.isOther(data.getColumnKey(column))) {
                continue;
            }
            if (previous != null && value.doubleValue() > previous) {
                return false;
            }
            previous = value.doubleValue();
        }
        return true;
    }

    /**
     * A horizontal bar chart's bars: how many, the height each one's label needs, and the room they have when the
     * chart is drawn in the given size.
     */
    private record Bars(int count, double slot, double room) {
        boolean fit() {
            return count * slot <= room;
        }

        /** How many bars fit above the line that says the others are left out. */
        int fitting() {
            return fit() ? count : (int) Math.max(1, Math.floor((room - LINE) / slot));
        }
    }

    /** A horizontal bar chart's bars drawn {@code width} by {@code height}, their labels as the chart draws them; empty for any other chart. */
    private static Optional<Bars> bars(JFreeChart chart, double width, double height, float share) {
        if (!horizontalBars(chart)) {
            return Optional.empty();
        }
        // The room the titles, the legend and the value axis leave, as laid out when the chart is drawn.
        double room = dataArea(chart, width, height).getHeight() - 2 * CategoryLabelAxis.MARGIN;
        return Optional.of(barsIn(chart, width, room, share, CategoryLabelAxis.LINES));
    }

    private static boolean horizontalBars(JFreeChart chart) {
        return chart.getPlot() instanceof CategoryPlot plot && plot.getOrientation() == PlotOrientation.HORIZONTAL
                && plot.getDataset() != null && plot.getDataset().getColumnCount() > 0;
    }

    /**
     * A horizontal bar chart's bars in {@code room}: how many, and the height each one's label needs, wrapped onto
     * {@code maxLines} at most in {@code share} of the width.
     */
    private static Bars barsIn(JFreeChart chart, double width, double room, float share, int maxLines) {
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        @SuppressWarnings("unchecked")
        List<Comparable<?>> categories = plot.getDataset().getColumnKeys();
        CategoryAxis axis = plot.getDomainAxis();
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setFont(axis.getTickLabelFont());
            // A label's line as TextBlock lays it out: the font's height, without the leading between lines of a paragraph.
            double lineHeight = axis.getTickLabelFont().getLineMetrics("Xg", g2.getFontRenderContext()).getHeight();
            // The labels' share of the plot's width: the chart's less its padding and the plot's insets.
            float labelWidth = (float) ((width - 40) * share);
            int lines = 1;
            for (Comparable<?> category : categories) {
                lines = Math.max(lines, TextUtils.createTextBlock(category.toString(), axis.getTickLabelFont(), axis.getTickLabelPaint(),
                        labelWidth, maxLines, new G2TextMeasurer(g2)).getLines().size());
            }
            return new Bars(categories.size(), lines * lineHeight + 1, room);
        } finally {
            g2.dispose();
        }
    }
}
