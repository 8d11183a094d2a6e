package dev.marquee.history;

/** A 95% confidence interval for a proportion. */
public record Interval(double low, double high) {

    private static final double Z = 1.959963984540054;

    /**
     * The Wilson score interval of {@code rate} among {@code n} members: unlike the normal approximation it stays
     * within 0 and 1 and is honest for small groups and rates near 0, which churn rates are.
     */
    public static Interval wilson(double rate, long n) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        double z2 = Z * Z;
        double centre = (rate + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(rate * (1 - rate) / n + z2 / (4.0 * n * n));
        // At a rate of 0 (or 1) the bound is 0 (or 1) exactly; the arithmetic leaves a rounding error of 1e-17.
        return new Interval(rate <= 0 ? 0 : Math.max(0, centre - half), rate >= 1 ? 1 : Math.min(1, centre + half));
    }

    /** 1.96 standard errors of the difference of two independent proportions. */
    public static double differenceMargin(double before, long beforeN, double now, long nowN) {
        if (beforeN <= 0 || nowN <= 0) {
            return Double.NaN;
        }
        return Z * Math.sqrt(before * (1 - before) / beforeN + now * (1 - now) / nowN);
    }
}
