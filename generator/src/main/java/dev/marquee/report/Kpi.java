package dev.marquee.report;

import dev.marquee.format.Tone;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import dev.marquee.catalog.Question;
import dev.marquee.format.Formats;

import java.util.Optional;

/**
 * An executive KPI with its comparisons. The numbers and the windows come from a question's KPI statement, which
 * returns one row per KPI with the columns in {@link Question#KPI_COLUMNS}; a comparison the data cannot support is NULL there
 * and "n/a" here, never 0%.
 *
 * @param partial     the current window is an incomplete month, compared with the same days of the earlier month
 * @param comparison  the windows compared, in words (e.g. "1–24 Nov 2024 vs 1–24 Oct 2024")
 * @param asOf        the figure's own date where it is not the report's (a member-level file's latest date, among several
 *                    files; its comparison starts with it), or Parameters.UNDATED for a file without dates among dated data
 */
public record Kpi(String id, String label, Unit unit, double value, Optional<Double> previousMonth, Optional<Double> yearAgo,
                  boolean partial, boolean higherIsBetter, String comparison, Optional<java.time.LocalDate> asOf) {

    public Kpi(String id, String label, Unit unit, double value, Optional<Double> previousMonth, Optional<Double> yearAgo,
               boolean partial, boolean higherIsBetter, String comparison) {
        this(id, label, unit, value, previousMonth, yearAgo, partial, higherIsBetter, comparison, Optional.empty());
    }

    /** Whether there is any earlier figure to compare with (a file of one moment has none: its tile shows no change). */
    public boolean compared() {
        return previousMonth.isPresent() || yearAgo.isPresent();
    }

    /**
     * The same KPI with some of its figures hidden ({@code value}, {@code previous_month}, {@code year_ago}), its
     * comparison saying why.
     */
    public Kpi hiding(java.util.Set<String> periods, String why) {
        if (periods.isEmpty()) {
            return this;
        }
        // A second reason to hide joins the first one's clause ("not shown where it would describe fewer than 10
        // members, or, with the slices...") rather than stacking a second "not shown where" on the tile.
        String notShown = "not shown where";
        String reasons = comparison.isEmpty() ? why
                : comparison.contains("; " + notShown) && why.startsWith(notShown)
                ? comparison + ", or" + (why.startsWith(notShown + ",") ? "" : " ") + why.substring(notShown.length()).stripLeading()
                : comparison + "; " + why;
        return new Kpi(id, label, unit, periods.contains("value") ? Double.NaN : value,
                periods.contains("previous_month") ? Optional.empty() : previousMonth,
                periods.contains("year_ago") ? Optional.empty() : yearAgo, partial, higherIsBetter, reasons, asOf);
    }

    public String valueText() {
        return Formats.keyFigure(value, unit);
    }

    public String changeVsPreviousMonth() {
        return change(previousMonth);
    }

    public String changeVsYearAgo() {
        return change(yearAgo);
    }

    public Tone trendVsPreviousMonth() {
        return trend(previousMonth);
    }

    public Tone trendVsYearAgo() {
        return trend(yearAgo);
    }

    private Tone trend(Optional<Double> before) {
        if (change(before).equals(Formats.NOT_A_NUMBER)) {
            return Tone.NOT_COMPARED;
        }
        int direction = direction(before);
        return direction > 0 ? Tone.GOOD : direction < 0 ? Tone.BAD : Tone.FLAT;
    }

    private String change(Optional<Double> before) {
        if (before.isEmpty() || !Double.isFinite(value) || !Double.isFinite(before.get())) {
            return Formats.NOT_A_NUMBER;
        }
        if (unit.style() == NumberStyle.PERCENT) {
            double points = (value - before.get()) * 100;
            return (points > 0 ? "+" : points < 0 ? "−" : "±") + Formats.full(Math.abs(points), Unit.SCORE) + " pts";
        }
        if (before.get() == 0) {
            return Formats.NOT_A_NUMBER;
        }
        return Formats.change(value / before.get() - 1);
    }

    private int direction(Optional<Double> before) {
        if (before.isEmpty() || !Double.isFinite(value) || !Double.isFinite(before.get()) || value == before.get()) {
            return 0;
        }
        boolean up = value > before.get();
        return up == higherIsBetter ? 1 : -1;
    }
}
