package dev.marquee.outlook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts a monthly series honestly: yearly seasonality only with {@value #SEASONAL_MINIMUM}+ months of history,
 * a trend-only method with {@value #TREND_MINIMUM}–{@value #SEASONAL_MINIMUM_LESS_ONE}, and no forecast below that.
 * The candidate method is backtested against the (seasonal) naive baseline on the last months of the series, and the
 * forecast uses whichever was less wrong (lower MASE).
 */
public final class Forecaster {

    public static final int TREND_MINIMUM = 12;
    public static final int SEASONAL_MINIMUM = 24;
    static final int SEASONAL_MINIMUM_LESS_ONE = SEASONAL_MINIMUM - 1;
    public static final int BACKTEST_ORIGINS = 12;
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;

    private Forecaster() {
    }

    /**
     * @param months the first day of each month of history, consecutive and complete (no partial month)
     * @param values the series value of each month
     * @param clampAtZero counts and money cannot go below zero, so neither can their forecasts and intervals
     */
    public static Forecast forecast(String series, List<LocalDate> months, double[] values, int horizon, boolean clampAtZero) {
        int n = values.length;
        if (n < TREND_MINIMUM) {
            return new Forecast(series, "none", List.of(), Optional.empty(), Optional.empty(), "", "",
                    "Not enough history to forecast: " + n + " complete month" + (n == 1 ? "" : "s") + ", at least "
                            + TREND_MINIMUM + " are needed.");
        }
        long missing = java.util.Arrays.stream(values).filter(v -> !Double.isFinite(v)).count();
        if (missing > 0) {
            return new Forecast(series, "none", List.of(), Optional.empty(), Optional.empty(), "", "",
                    "No forecast: " + missing + " of the " + n + " months " + (missing == 1 ? "has" : "have") + " no value.");
        }
        int season = n >= SEASONAL_MINIMUM ? 12 : 1;
        SeriesModel candidate = new HoltWinters(season);
        SeriesModel baseline = new NaiveModel(season);
        HoltWinters fitted = (HoltWinters) candidate;
        int origins = Math.min(BACKTEST_ORIGINS, n - fitted.minimumLength());
        Backtest candidateScore = Backtest.run(candidate, values, origins, horizon, season, fitted.minimumLength());
        Backtest baselineScore = Backtest.run(baseline, values, origins, horizon, season, fitted.minimumLength());
        // MASE puts both methods on the naive forecast's scale; when that scale is zero (a history that did not change
        // before the backtest) it cannot be measured, and the plain mean absolute error decides.
        boolean byMase = Double.isFinite(candidateScore.mase()) && Double.isFinite(baselineScore.mase());
        boolean useCandidate = byMase ? !(baselineScore.mase() < candidateScore.mase()) : !(baselineScore.mae() < candidateScore.mae());
        SeriesModel chosen = useCandidate ? candidate : baseline;
        double[] mean = chosen.forecast(values, horizon);
        double[] sd = chosen.errorSd(values, horizon);
        List<Forecast.Point> points = new ArrayList<>();
        LocalDate last = months.get(n - 1);
        for (int h = 0; h < horizon; h++) {
            double m = mean[h];
            points.add(new Forecast.Point(last.plusMonths(h + 1), clamp(m, clampAtZero),
                    clamp(m - Z80 * sd[h], clampAtZero), clamp(m + Z80 * sd[h], clampAtZero),
                    clamp(m - Z95 * sd[h], clampAtZero), clamp(m + Z95 * sd[h], clampAtZero)));
        }
        String note = (useCandidate ? candidate.name() + " was less wrong than the " + baseline.name()
                : "The " + baseline.name() + " was less wrong than " + candidate.name() + ", so it is used")
                + " when refitted on each of the last " + candidateScore.origins() + " months"
                + (byMase ? "" : ", by the mean absolute error (the series did not change before those months, so the error "
                        + "scaled by the naive forecast's cannot be measured)")
                + (season == 1 ? "; yearly seasonality needs " + SEASONAL_MINIMUM + " months of history." : ".");
        return new Forecast(series, chosen.name(), points, Optional.of(candidateScore), Optional.of(baselineScore),
                candidate.name(), baseline.name(), note);
    }

    private static double clamp(double value, boolean atZero) {
        return atZero ? Math.max(0, value) : value;
    }
}
