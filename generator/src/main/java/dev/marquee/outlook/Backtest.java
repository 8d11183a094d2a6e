package dev.marquee.outlook;

/**
 * How wrong a method has been on this very series: refitted at each of the last {@code origins} months and asked
 * for the following months (up to the horizon) that the data already knows.
 *
 * @param mae  mean absolute error, in the series' unit; NaN when nothing was scored
 * @param mape mean absolute percentage error, in percent (months whose actual value is 0 are skipped); 0 when every
 *             forecast was exact, NaN when it cannot be measured (every actual scored was 0)
 * @param mase mean absolute error scaled by the in-sample error of the naive forecast one season back
 *             (below 1: better than that naive forecast); 0 when every forecast was exact, NaN when it cannot be
 *             measured (the series did not change before the first origin, so the naive forecast made no error)
 * @param forecasts how many (origin, month) forecasts were scored
 */
public record Backtest(double mae, double mape, double mase, int origins, int forecasts) {

    static Backtest run(SeriesModel model, double[] series, int origins, int horizon, int scaleSeason, int minimumHistory) {
        double absoluteSum = 0;
        double percentSum = 0;
        int percentCount = 0;
        int count = 0;
        int used = 0;
        for (int origin = series.length - origins; origin < series.length; origin++) {
            if (origin < minimumHistory) {
                continue;
            }
            used++;
            double[] history = java.util.Arrays.copyOf(series, origin);
            int steps = Math.min(horizon, series.length - origin);
            double[] predicted = model.forecast(history, steps);
            for (int h = 0; h < steps; h++) {
                double actual = series[origin + h];
                double error = Math.abs(actual - predicted[h]);
                absoluteSum += error;
                count++;
                if (actual != 0) {
                    percentSum += error / Math.abs(actual);
                    percentCount++;
                }
            }
        }
        double scale = naiveScale(series, series.length - origins, scaleSeason);
        double mae = count == 0 ? Double.NaN : absoluteSum / count;
        boolean exact = mae == 0;
        return new Backtest(mae, exact ? 0 : percentCount == 0 ? Double.NaN : 100 * percentSum / percentCount,
                exact ? 0 : scale == 0 ? Double.NaN : mae / scale, used, count);
    }

    /** Mean absolute one-season-back difference over the data before the first origin. */
    static double naiveScale(double[] series, int end, int season) {
        double sum = 0;
        int count = 0;
        for (int t = season; t < end; t++) {
            sum += Math.abs(series[t] - series[t - season]);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }
}
