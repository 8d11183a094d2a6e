package dev.marquee.chart;

import dev.marquee.format.Formats;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;

import org.jfree.chart.axis.NumberAxis;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * A value axis's tick labels in one style: the scale (K, M, B) is chosen by the largest value the axis shows and the
 * decimals by its step, so an axis reads "$0, $10K, $20K" or "9K, 10K, 11K", never "$5,000, $10K" nor "$0.00, $5K".
 * The unit's name is in the axis title, not on each tick; percentages are ratios (0.05 is 5%).
 */
final class AxisFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final transient NumberAxis axis;
    private final Unit unit;

    private AxisFormat(NumberAxis axis, Unit unit) {
        this.axis = axis;
        this.unit = unit;
    }

    /** Gives the axis its ticks in the unit's style. */
    static void apply(NumberAxis axis, Unit unit) {
        axis.setNumberFormatOverride(new AxisFormat(axis, unit));
    }

    /**
     * Binds a cloned chart's axis to a format of its own. JFreeChart clones an axis's format with it, and the clone still
     * read the original axis's step: a PDF's copy of a long bar chart, its ticks half a unit apart, labelled them by the
     * site's step of 1 ("0, 0, 1, 2, 2, 2, 3, 4, 4").
     */
    static void rebind(NumberAxis axis) {
        if (axis.getNumberFormatOverride() instanceof AxisFormat format) {
            apply(axis, format.unit);
        }
    }

    /**
     * The label of a tick at {@code value} on an axis reaching {@code largest} (the bound farthest from zero) in steps of
     * {@code step}: the largest tick shown decides the scale.
     */
    static String tick(double value, double largest, double step, Unit unit) {
        if (unit.style() == NumberStyle.PERCENT || unit.style() == NumberStyle.CHANGE) {
            return Formats.grouped(value * 100, decimals(step * 100)) + "%";
        }
        if (unit.style() == NumberStyle.YEAR || unit.style() == NumberStyle.DECADE) {
            return Formats.full(value, unit);
        }
        if (Math.abs(value) < step * 1e-6) {
            // Zero in the style of its neighbours but without a scale: "0", "$0" (not "0K", "$0.00").
            return unit.style().money() ? "$0" : "0";
        }
        double top = step > 0 ? Math.floor(largest / step + 1e-9) * step : largest;
        double scale = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e4 ? 1e3 : 1;
        String suffix = scale == 1e9 ? "B" : scale == 1e6 ? "M" : scale == 1e3 ? "K" : "";
        int decimals = decimals(step / scale);
        if (unit.style() == NumberStyle.USD && scale == 1 && decimals > 0) {
            decimals = 2;
        }
        String text = Formats.grouped(Math.abs(value) / scale, decimals) + suffix;
        String sign = value < 0 ? "-" : "";
        return unit.style().money() ? sign + "$" + text : sign + text;
    }

    /** The fewest decimals that tell ticks {@code step} apart (a step of 0.25 needs two, 5 none). */
    private static int decimals(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            return 0;
        }
        for (int decimals = 0; decimals < 6; decimals++) {
            double scaled = step * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return decimals;
            }
        }
        return 6;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        double largest = Math.max(Math.abs(axis.getLowerBound()), Math.abs(axis.getUpperBound()));
        return toAppendTo.append(tick(number, largest, axis.getTickUnit().getSize(), unit));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
