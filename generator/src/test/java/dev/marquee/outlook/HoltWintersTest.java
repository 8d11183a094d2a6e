package dev.marquee.outlook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Holt and Holt-Winters on the series that used to give NaN: constant, zero, and too short. */
class HoltWintersTest {

    @Test
    void forecast_constantSeries_isThatConstantWithNoSpread() {
        double[] history = new double[15];
        java.util.Arrays.fill(history, 30);
        HoltWinters holt = new HoltWinters(1);

        assertArrayEquals(new double[]{30, 30, 30}, holt.forecast(history, 3), 1e-9);
        assertArrayEquals(new double[]{0, 0, 0}, holt.errorSd(history, 3), 1e-9);
    }

    @Test
    void forecast_constantSeriesWithASeason_isThatConstantWithNoSpread() {
        double[] history = new double[26];
        java.util.Arrays.fill(history, 8.99);
        HoltWinters winters = new HoltWinters(12);

        assertArrayEquals(new double[]{8.99, 8.99, 8.99}, winters.forecast(history, 3), 1e-9);
        assertArrayEquals(new double[]{0, 0, 0}, winters.errorSd(history, 3), 1e-9);
    }

    @Test
    void forecast_zeroSeries_isZero() {
        double[] history = new double[12];

        assertArrayEquals(new double[]{0, 0}, new HoltWinters(1).forecast(history, 2), 1e-12);
        assertArrayEquals(new double[]{0, 0}, new HoltWinters(1).errorSd(history, 2), 1e-12);
    }

    @Test
    void fit_onePoint_isRefusedWithTheLengthItNeeds() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new HoltWinters(1).fit(new double[]{5}));

        assertEquals("needs at least 3 values, got 1", refused.getMessage());
    }

    @Test
    void fit_shortestSeries_givesFiniteWeightsAndErrors() {
        HoltWinters.Fit fit = new HoltWinters(1).fit(new double[]{4, 4, 4});

        assertEquals(4, fit.level(), 1e-9);
        assertEquals(0, fit.trend(), 1e-9);
        assertEquals(0, fit.sse(), 1e-12);
    }
}
