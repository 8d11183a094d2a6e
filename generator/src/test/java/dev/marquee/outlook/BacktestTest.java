package dev.marquee.outlook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How wrong a method was, on series where an error relative to something cannot always be measured. */
class BacktestTest {

    @Test
    void run_constantSeries_everyForecastExact_isZeroError() {
        double[] series = {7, 7, 7, 7, 7, 7};

        Backtest backtest = Backtest.run(new NaiveModel(1), series, 3, 2, 1, 3);

        assertEquals(0, backtest.mae());
        assertEquals(0, backtest.mape());
        assertEquals(0, backtest.mase());
    }

    @Test
    void run_zeroSeries_everyForecastExact_isZeroError() {
        Backtest backtest = Backtest.run(new NaiveModel(1), new double[6], 3, 1, 1, 3);

        assertEquals(0, backtest.mape());
        assertEquals(0, backtest.mase());
    }

    @Test
    void run_flatHistoryThenAChange_hasAnAbsoluteErrorButNoScaledOne() {
        // Naive error before the first origin (months 1-3): 0, so MASE is 4 / 0. Origin 3 forecasts 5 for 9 (error 4,
        // 44.4%); origin 4 forecasts 9 for 9 (error 0). MAE 2, MAPE 22.2%.
        Backtest backtest = Backtest.run(new NaiveModel(1), new double[]{5, 5, 5, 9, 9}, 2, 1, 1, 3);

        assertEquals(2, backtest.mae(), 1e-12);
        assertEquals(100 * (4.0 / 9) / 2, backtest.mape(), 1e-12);
        assertTrue(Double.isNaN(backtest.mase()), "cannot be measured");
    }

    @Test
    void run_zeroActualsWithErrors_hasNoPercentageError() {
        // Forecasts 3 then 0 for actuals 0 and 0: no actual to divide by.
        Backtest backtest = Backtest.run(new NaiveModel(1), new double[]{1, 3, 0, 0}, 2, 1, 1, 2);

        assertEquals(1.5, backtest.mae(), 1e-12);
        assertTrue(Double.isNaN(backtest.mape()));
        assertEquals(1.5 / 2, backtest.mase(), 1e-12);
    }

    @Test
    void run_onePoint_scoresNothing() {
        Backtest backtest = Backtest.run(new NaiveModel(1), new double[]{5}, 1, 1, 1, 2);

        assertEquals(0, backtest.forecasts());
        assertTrue(Double.isNaN(backtest.mae()) && Double.isNaN(backtest.mape()) && Double.isNaN(backtest.mase()));
    }
}
