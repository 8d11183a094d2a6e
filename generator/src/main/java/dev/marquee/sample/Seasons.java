package dev.marquee.sample;

import java.time.LocalDate;

/** Yearly, weekly and daily rhythms of signups and viewing. Months are January to December. */
final class Seasons {

    /** New-year resolutions and the holiday season bring signups; summer is quiet. */
    private static final double[] SIGNUPS_BY_MONTH =
            {1.40, 1.00, 0.95, 0.90, 0.85, 0.78, 0.75, 0.80, 0.95, 1.10, 1.22, 1.35};
    /** Signups grow by this much per year (log scale): e^0.5 = 1.65 times more each year. */
    private static final double SIGNUP_GROWTH_PER_YEAR = 0.5;

    /** People watch more in winter; shifted by six months in the southern hemisphere. */
    private static final double[] VIEWING_BY_MONTH =
            {1.22, 1.15, 1.04, 0.97, 0.90, 0.84, 0.82, 0.86, 0.93, 1.02, 1.10, 1.20};
    /** Monday to Sunday. */
    private static final double[] VIEWING_BY_WEEKDAY = {0.92, 0.90, 0.92, 0.97, 1.12, 1.22, 1.15};
    /** Local hour 0 to 23: a small lunch bump and an evening peak. */
    private static final double[] VIEWING_BY_LOCAL_HOUR = {
        0.40, 0.22, 0.12, 0.07, 0.05, 0.06, 0.12, 0.25, 0.32, 0.34, 0.36, 0.42,
        0.55, 0.52, 0.46, 0.46, 0.52, 0.66, 0.88, 1.12, 1.36, 1.42, 1.12, 0.72};

    static final double MAX_VIEWING_WEIGHT = max(VIEWING_BY_MONTH) * max(VIEWING_BY_WEEKDAY);
    static final double[] LOCAL_HOUR_CUMULATIVE = Draw.cumulative(VIEWING_BY_LOCAL_HOUR);

    private Seasons() {
    }

    /** Relative chance of a signup on each day from start to end. */
    static double[] signupWeights(LocalDate start, LocalDate end) {
        int days = (int) (end.toEpochDay() - start.toEpochDay() + 1);
        double[] weights = new double[days];
        for (int i = 0; i < days; i++) {
            LocalDate day = start.plusDays(i);
            weights[i] = StrictMath.exp(SIGNUP_GROWTH_PER_YEAR * i / 365.25)
                    * SIGNUPS_BY_MONTH[day.getMonthValue() - 1];
        }
        return weights;
    }

    static double viewing(LocalDate day, boolean southern) {
        int month = day.getMonthValue() - 1;
        if (southern) {
            month = (month + 6) % 12;
        }
        return VIEWING_BY_MONTH[month] * VIEWING_BY_WEEKDAY[day.getDayOfWeek().getValue() - 1];
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
