package dev.marquee.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;

/**
 * A category axis whose labels neither overlap nor are cut short where they would fit wrapped. Labels wrap onto up to
 * {@link #LINES} lines. Along the bottom, categories in an order (months, whole numbers) are labelled every few
 * (every 3rd, 6th, 12th month, aligned on the calendar) when all their labels would not fit side by side; named
 * categories that do not fit side by side, even wrapped, are turned up. The choice is made for each drawing, so the
 * wide, the phone and the PDF drawings each get theirs.
 */
final class CategoryLabelAxis extends CategoryAxis {

    private static final long serialVersionUID = 1L;
    /** The most lines a label wraps onto. */
    static final int LINES = 4;
    /** The part of the plot's width the labels of a horizontal bar chart take, unless told otherwise. */
    static final float LEFT_SHARE = 0.4f;
    private static final long[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120};
    private static final long[] NUMBER_STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    /** Space between two labels side by side. */
    private static final double GAP = 4;
    /** The part of the plot's height a horizontal bar chart's value axis (ticks and title) takes, about. */
    private static final double TITLE_ROOM = 50;
    /** Space before the first and after the last bar of a horizontal bar chart. */
    static final double MARGIN = 6;

    /** Each category's place on its scale (a month's number since year 0, a whole number); empty for names. */
    private final transient Map<Comparable<?>, Long> places;
    private final long[] steps;
    private long step = 1;
    /** Whether the axis's title, turned up the side, fits the plot's height in this drawing. */
    private boolean titleFits = true;
    private float leftShare = LEFT_SHARE;
    /** The most lines a label of a horizontal bar chart wraps onto: {@link #LINES}, or one where a page is short of room. */
    private int sideLines = LINES;
    private double pitch;
    /** The distance between two categories' bars. */
    private double barPitch;
    /** Where the bars stand, while the axis reserves its space (about) and while it draws (exactly); else null. */
    private transient Rectangle2D barArea;
    /** The width a label drawn every few categories may take: up to a few pixels from the next one drawn. */
    private double labelRoom;
    /** The labels' font as the theme set it; a drawing too short for its turned-up labels sets them smaller. */
    private Font usualFont;

    private CategoryLabelAxis(String label, Map<Comparable<?>, Long> places, long[] steps) {
        super(label);
        this.places = Map.copyOf(places);
        this.steps = steps;
        setMaximumCategoryLabelLines(LINES);
    }

    static CategoryLabelAxis names(String label) {
        return new CategoryLabelAxis(label, Map.of(), NUMBER_STEPS);
    }

    /** Categories that are months, by their month's number ({@code year * 12 + month - 1}). */
    static CategoryLabelAxis months(String label, Map<Comparable<?>, Long> months) {
        return new CategoryLabelAxis(label, months, MONTH_STEPS);
    }

    static CategoryLabelAxis numbers(String label, Map<Comparable<?>, Long> numbers) {
        return new CategoryLabelAxis(label, numbers, NUMBER_STEPS);
    }

    /**
     * Reserves room for the labels and, up the side, for the title only where it fits the plot's height: a title cut
     * at both ends ("ountry") says less than none, and the chart's title and labels name the categories anyway.
     */
    @Override
    public org.jfree.chart.axis.AxisSpace reserveSpace(Graphics2D g2, org.jfree.chart.plot.Plot plot, Rectangle2D plotArea,
                                                       RectangleEdge edge, org.jfree.chart.axis.AxisSpace space) {
        String title = getLabel();
        titleFits = title == null || RectangleEdge.isTopOrBottom(edge)
                || g2.getFontMetrics(getLabelFont()).stringWidth(title) + 2 * GAP <= plotArea.getHeight() - TITLE_ROOM;
        // The plot reserves the value axis's space first: what is left is where the bars will stand.
        barArea = space.shrink(plotArea, null);
        try {
            return titleFits ? super.reserveSpace(g2, plot, plotArea, edge, space) : withoutTitle(() -> super.reserveSpace(g2, plot, plotArea, edge, space));
        } finally {
            barArea = null;
        }
    }

    @Override
    public AxisState draw(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea, RectangleEdge edge,
                          org.jfree.chart.plot.PlotRenderingInfo info) {
        barArea = dataArea;
        try {
            return titleFits ? super.draw(g2, cursor, plotArea, dataArea, edge, info)
                    : withoutTitle(() -> super.draw(g2, cursor, plotArea, dataArea, edge, info));
        } finally {
            barArea = null;
        }
    }

    private <T> T withoutTitle(java.util.function.Supplier<T> work) {
        String title = getLabel();
        setLabel(null);
        try {
            return work.get();
        } finally {
            setLabel(title);
        }
    }

    /** Lets the labels of a horizontal bar chart take this part of the plot's width. */
    void setLeftShare(float share) {
        leftShare = share;
    }

    /** Lets the labels of a horizontal bar chart wrap onto at most this many lines, the last cut short with "...". */
    void setSideLines(int lines) {
        sideLines = lines;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D plotArea, RectangleEdge edge) {
        List<?> categories = ((org.jfree.chart.plot.CategoryPlot) getPlot()).getCategoriesForAxis(this);
        step = 1;
        if (RectangleEdge.isLeftOrRight(edge)) {
            setMaximumCategoryLabelWidthRatio(leftShare);
            setMaximumCategoryLabelLines(sideLines);
            // Margins of a few pixels, not of a twentieth of the axis: a tall chart of many bars would start far below its axis.
            double margin = Math.min(0.05, MARGIN / Math.max(1, plotArea.getHeight()));
            setLowerMargin(margin);
            setUpperMargin(margin);
        } else if (!categories.isEmpty()) {
            double size = calculateCategorySize(categories.size(), plotArea, edge);
            double margins = 1 - getLowerMargin() - getUpperMargin();
            pitch = plotArea.getWidth() * margins / categories.size();
            // JFreeChart hands the labels the whole plot's area, the value axis's included; the bars stand in an area
            // narrower by the value axis's labels (a sixth of a phone's drawing). Labels every few categories are
            // spaced by the bars' own pitch; named labels keep the plot's, which their wrapping was tuned to.
            barPitch = (barArea == null ? plotArea.getWidth() : barArea.getWidth()) * margins / categories.size();
            layOutAlong(g2, categories, size, plotArea.getHeight());
        }
        return super.refreshTicks(g2, state, plotArea, edge);
    }

    /** Chooses, for labels along the bottom, between all side by side, every few, and turned up. */
    private void layOutAlong(Graphics2D g2, List<?> categories, double size, double height) {
        if (usualFont == null) {
            usualFont = getTickLabelFont();
        } else if (!usualFont.equals(getTickLabelFont())) {
            setTickLabelFont(usualFont);
        }
        Font font = getTickLabelFont();
        java.awt.FontMetrics metrics = g2.getFontMetrics(font);
        setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        // A label may spread over the gap beside its bars, up to a few pixels from its neighbour's.
        double width = pitch - GAP;
        setMaximumCategoryLabelWidthRatio((float) (width / size));
        if (places.size() == categories.size()) {
            setMaximumCategoryLabelLines(1);
            for (long candidate : steps) {
                double widest = 0;
                // A step counts months (or numbers), not categories: quarters labelled every 6th month are every 2nd
                // category. The room a label has is the fewest categories between it and the next labelled one.
                int span = categories.size();
                int previous = -1;
                for (int i = 0; i < categories.size(); i++) {
                    Object category = categories.get(i);
                    if (Math.floorMod(places.get(category), candidate) == 0) {
                        widest = Math.max(widest, metrics.stringWidth(category.toString()));
                        span = previous < 0 ? span : Math.min(span, i - previous);
                        previous = i;
                    }
                }
                // A step that labels none of the categories (every 3rd month of quarters from February) is no choice.
                if (previous >= 0 && widest + GAP <= barPitch * span || candidate == steps[steps.length - 1]) {
                    step = candidate;
                    labelRoom = barPitch * span - GAP;
                    return;
                }
            }
        }
        setMaximumCategoryLabelLines(LINES);
        boolean fits = true;
        for (Object category : categories) {
            String text = category.toString();
            for (String word : text.split("\\s+")) {
                fits &= metrics.stringWidth(word) <= width;
            }
            fits &= TextUtils.createTextBlock(text, font, getTickLabelPaint(), (float) width, Integer.MAX_VALUE,
                    new G2TextMeasurer(g2)).getLines().size() <= LINES;
        }
        if (!fits) {
            double lineHeight = metrics.getHeight();
            setCategoryLabelPositions(pitch >= 2 * lineHeight ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.UP_90);
            // Turned up, a label may take as much of the plot's height as its longest needs, up to three fifths. Where
            // three fifths is too short for the longest (a small chart in the PDF), the labels are set smaller, down
            // to seven tenths of their size, rather than cut.
            double widest = categories.stream().mapToDouble(c -> metrics.stringWidth(c.toString())).max().orElse(0);
            double room = 0.6 * height - GAP;
            if (widest > room && widest > 0) {
                setTickLabelFont(font.deriveFont((float) Math.max(0.7 * font.getSize2D(), font.getSize2D() * room / widest)));
                java.awt.FontMetrics smaller = g2.getFontMetrics(getTickLabelFont());
                widest = categories.stream().mapToDouble(c -> smaller.stringWidth(c.toString())).max().orElse(0);
            }
            setMaximumCategoryLabelWidthRatio((float) Math.max(0.3, Math.min(0.6, (widest + GAP) / Math.max(1, height))));
            setMaximumCategoryLabelLines((int) Math.max(1, Math.min(LINES, Math.floor(pitch / lineHeight))));
        }
    }

    @Override
    protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
        if (step == 1) {
            return super.createLabel(category, width, edge, g2);
        }
        if (Math.floorMod(places.get(category), step) != 0) {
            return new TextBlock();
        }
        return super.createLabel(category, (float) labelRoom, edge, g2);
    }
}
