package dev.marquee.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The step the report's sums of prices are rounded to. A sum of prices to the cent, beside the members it adds up, tells
 * how many of them pay each price: 267.73 from 27 members at 8.99 or 9.99 is 2 at 8.99 and 25 at 9.99, a group of 2
 * (those who joined before a price change). Rounded to a step of at least k times the spread of the prices (the highest
 * price less the lowest), the span of sums that round alike holds at least k members moved from one price to another,
 * at least k/2 of them one way or the other from the true sum, so no such count is pinned to fewer than k/2 + 1 values:
 * the step is the first of 1, 2 or 5 times a power of ten at or above k times the spread.
 *
 * @param step    the step, or zero where every price is the same (or there is none): a sum then tells only its members
 * @param lowest  the lowest price in the data, where there is one
 * @param highest the highest price in the data, where there is one
 */
public record PriceStep(BigDecimal step, Optional<BigDecimal> lowest, Optional<BigDecimal> highest) {

    /** Prices are in cents: a step is a whole number of them, and a rounded sum is written with two decimals. */
    private static final int CENTS = 2;

    /** No price in the data: nothing to round. */
    public static final PriceStep NONE = new PriceStep(BigDecimal.ZERO, Optional.empty(), Optional.empty());

    public PriceStep {
        Objects.requireNonNull(step);
        Objects.requireNonNull(lowest);
        Objects.requireNonNull(highest);
        if (step.signum() < 0) {
            throw new IllegalArgumentException("a price step is not negative: " + step);
        }
    }

    /** The step for prices from {@code lowest} to {@code highest} under k; none at k = 1, where no group is too small. */
    public static PriceStep of(BigDecimal lowest, BigDecimal highest, int k) {
        if (k < 2) {
            return new PriceStep(BigDecimal.ZERO, Optional.of(lowest), Optional.of(highest));
        }
        BigDecimal spread = highest.subtract(lowest);
        return new PriceStep(niceAtLeast(spread.multiply(BigDecimal.valueOf(k))), Optional.of(lowest), Optional.of(highest));
    }

    /** Whether sums of prices are rounded at all. */
    public boolean rounds() {
        return step.signum() > 0;
    }

    /**
     * {@code value} to the nearest multiple of the step (halves away from zero); a sum above zero is never shown as
     * zero, but as one step, so that members who pay something are not shown paying nothing.
     */
    public BigDecimal round(BigDecimal value) {
        if (!rounds()) {
            return value;
        }
        BigDecimal rounded = value.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return (value.signum() > 0 && rounded.signum() == 0 ? step : rounded).setScale(CENTS, RoundingMode.UNNECESSARY);
    }

    /**
     * The sums {@link #round} shows as {@code shown}, from the first to the last: half a step either side, and for one
     * step every sum above zero under one and a half.
     */
    public double[] roundedFrom(double shown) {
        double half = step.doubleValue() / 2;
        return new double[] {shown == step.doubleValue() ? 0 : shown - half, shown + half};
    }

    /** The first of 1, 2 and 5 times a power of ten at or above {@code value}, at least a cent; zero for zero. */
    static BigDecimal niceAtLeast(BigDecimal value) {
        if (value.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        // value = unscaled × 10^-scale: its power of ten is (digits of the unscaled value − 1 − scale).
        BigDecimal plain = value.stripTrailingZeros();
        int power = plain.precision() - plain.scale() - 1;
        for (int p = power; ; p++) {
            for (int leading : new int[] {1, 2, 5}) {
                BigDecimal candidate = BigDecimal.valueOf(leading).scaleByPowerOfTen(p);
                if (candidate.compareTo(value) >= 0) {
                    return candidate.max(BigDecimal.ONE.movePointLeft(CENTS)).setScale(CENTS, RoundingMode.UNNECESSARY);
                }
            }
        }
    }
}
