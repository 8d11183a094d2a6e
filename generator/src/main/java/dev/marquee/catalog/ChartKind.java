package dev.marquee.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The chart kinds a question may declare. */
public enum ChartKind {
    /** One line per y column (or per series value) over an ordered x. */
    LINE,
    /** Vertical bars, one group per x value. */
    BAR,
    /** Horizontal bars, for long category names such as titles. */
    HBAR,
    /**
     * A dot per x value (one per series, side by side) with a line across its 95% interval, the columns low_95 and
     * high_95 of the same result, laid on its side as {@link #HBAR}; the value axis spans the intervals rather than
     * starting at zero. For averages on a scale (ratings, scores), where the question is which differ.
     */
    DOTS,
    /** Bars stacked by series, one bar per x value. */
    STACKED_BAR,
    /** Bars stacked to 100% by series, one bar per x value. */
    STACKED_PERCENT,
    /**
     * History and forecast over time: y names the actual and forecast columns; the columns low80/high80 and
     * low95/high95 of the same result draw the 80% and 95% prediction bands.
     */
    FORECAST,
    /** A grid of x by series, each cell coloured by the y value (e.g. genre-pair affinity). */
    HEATMAP,
    /** A table only, no chart. */
    TABLE;

    public static Optional<ChartKind> parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
