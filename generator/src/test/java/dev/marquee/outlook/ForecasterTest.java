package dev.marquee.outlook;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecasterTest {

    private static List<LocalDate> months(int n) {
        List<LocalDate> months = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            months.add(LocalDate.of(2021, 1, 1).plusMonths(i));
        }
        return months;
    }

    private static double truth(int t) {
        return 1000 + 20 * t + 150 * Math.sin(2 * Math.PI * t / 12);
    }

    @Test
    void forecast_trendAndYearlySeason_isRecoveredWithinOnePercent() {
        int n = 48;
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = truth(t);
        }

        Forecast forecast = Forecaster.forecast("members", months(n), values, 6, true);

        assertEquals("Holt-Winters (additive, yearly season)", forecast.method());
        for (int h = 0; h < 6; h++) {
            double expected = truth(n + h);
            assertEquals(expected, forecast.points().get(h).mean(), 0.01 * expected, "month " + (h + 1));
        }
        assertEquals(LocalDate.of(2025, 1, 1), forecast.points().get(0).month());
        assertTrue(forecast.candidate().orElseThrow().mase() < forecast.baseline().orElseThrow().mase(),
                "a trend beats last year's value");
    }

    @Test
    void forecast_noisySeries_hasIntervalsThatWidenWithTheHorizonAnd95WiderThan80() {
        int n = 36;
        double[] values = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int t = 0; t < n; t++) {
            values[t] = truth(t) + random.nextGaussian() * 40;
        }

        Forecast forecast = Forecaster.forecast("members", months(n), values, 6, true);

        Forecast.Point first = forecast.points().get(0);
        Forecast.Point last = forecast.points().get(5);
        assertTrue(first.low95() < first.low80() && first.low80() < first.mean() && first.mean() < first.high80()
                && first.high80() < first.high95());
        assertTrue(last.high95() - last.low95() > first.high95() - first.low95());
    }

    @Test
    void forecast_withLessThanTwoYears_usesATrendOnlyMethodAndSaysWhy() {
        double[] values = new double[18];
        for (int t = 0; t < 18; t++) {
            values[t] = 100 + 5 * t;
        }

        Forecast forecast = Forecaster.forecast("signups", months(18), values, 6, true);

        assertEquals("Holt (linear trend)", forecast.method());
        assertEquals(190, forecast.points().get(0).mean(), 0.5);
        assertTrue(forecast.note().contains("yearly seasonality needs 24 months"), forecast.note());
    }

    @Test
    void forecast_withLessThanAYear_isNotMade() {
        Forecast forecast = Forecaster.forecast("mrr", months(11), new double[11], 6, true);

        assertFalse(forecast.available());
        assertEquals("Not enough history to forecast: 11 complete months, at least 12 are needed.", forecast.note());
    }

    @Test
    void forecast_constantSeries_isAFlatLineWithNoSpreadAndExactBacktests() {
        double[] values = new double[24];
        java.util.Arrays.fill(values, 30);

        Forecast forecast = Forecaster.forecast("members", months(24), values, 6, true);

        assertTrue(forecast.available());
        for (Forecast.Point point : forecast.points()) {
            assertEquals(30, point.mean(), 1e-9);
            assertEquals(30, point.low95(), 1e-9);
            assertEquals(30, point.high95(), 1e-9);
        }
        assertEquals(0, forecast.candidate().orElseThrow().mase());
        assertEquals(0, forecast.baseline().orElseThrow().mase());
    }

    @Test
    void forecast_zeroSeries_isZeroEverywhere() {
        Forecast forecast = Forecaster.forecast("signups", months(12), new double[12], 3, true);

        assertTrue(forecast.available());
        for (Forecast.Point point : forecast.points()) {
            assertEquals(0, point.mean());
            assertEquals(0, point.high95());
        }
    }

    @Test
    void forecast_onePoint_isNotMadeAndSaysOneMonth() {
        Forecast forecast = Forecaster.forecast("members", months(1), new double[]{30}, 6, true);

        assertFalse(forecast.available());
        assertEquals("Not enough history to forecast: 1 complete month, at least 12 are needed.", forecast.note());
    }

    @Test
    void forecast_flatThenGone_isFiniteAndChosenByAbsoluteError() {
        // 30 members for four months, none since: the naive error before the backtest (months 1-3) is 0, so MASE is n/a.
        double[] values = new double[14];
        java.util.Arrays.fill(values, 0, 4, 30);

        Forecast forecast = Forecaster.forecast("signups", months(14), values, 3, true);

        assertTrue(forecast.available());
        forecast.points().forEach(p -> assertTrue(Double.isFinite(p.mean()) && Double.isFinite(p.low95()) && Double.isFinite(p.high95())));
        assertTrue(forecast.note().contains("by the mean absolute error"), forecast.note());
    }

    @Test
    void forecast_monthWithoutAValue_isNotMadeAndSaysWhy() {
        double[] values = new double[12];
        java.util.Arrays.fill(values, 10);
        values[4] = Double.NaN;
        values[7] = Double.POSITIVE_INFINITY;

        Forecast forecast = Forecaster.forecast("mrr", months(12), values, 3, true);

        assertFalse(forecast.available());
        assertEquals("No forecast: 2 of the 12 months have no value.", forecast.note());
    }

    @Test
    void backtest_naiveOnATinySeries_equalsTheHandComputation() {
        // Series 10, 12, 11, 15; origins at months 3 and 4, one step ahead.
        // Origin 3 (history 10, 12): forecast 12, actual 11, error 1 (1/11). Origin 4: forecast 11, actual 15, error 4 (4/15).
        // MAE 2.5; MAPE = (1/11 + 4/15) / 2 = 17.8788%; scale = |12 - 10| = 2 (naive error before the first origin); MASE 1.25.
        Backtest backtest = Backtest.run(new NaiveModel(1), new double[]{10, 12, 11, 15}, 2, 1, 1, 2);

        assertEquals(100 * (1.0 / 11 + 4.0 / 15) / 2, backtest.mape(), 1e-12);
        assertEquals(1.25, backtest.mase(), 1e-12);
        assertEquals(2, backtest.origins());
        assertEquals(2, backtest.forecasts());
    }
}
