package dev.marquee.outlook;

import java.util.ArrayList;
import java.util.List;

/**
 * Additive Holt-Winters (ETS(A,A,A)), or Holt's linear trend when {@code season} is 1 (ETS(A,A,N)).
 * Smoothing weights are fitted by minimising the one-step squared error with the Nelder–Mead simplex method, started
 * from the best points of a coarse grid so the fit is deterministic and does not depend on a lucky start.
 * Prediction intervals use the ETS(A,A,A) variance formula (Hyndman et al., Forecasting with Exponential Smoothing,
 * 2008, table 6.1): var(h) = σ²·(1 + Σ_{j<h} c_j²), c_j = α(1 + jβ) + γ·[j mod m = 0].
 */
final class HoltWinters implements SeriesModel {

    /** Weights strictly inside (0, 1); the first simplex is about a grid step wide around the middle of the range. */
    private static final NelderMead SIMPLEX = new NelderMead(0.001, 0.999, 0.5, 2000);
    private static final int STARTS = 2;

    private final int season;

    HoltWinters(int season) {
        this.season = season;
    }

    /** The fitted state after the last observation, and the in-sample one-step errors. */
    record Fit(double alpha, double beta, double gamma, double level, double trend, double[] seasonals, double sse, int errors) {
    }

    @Override
    public String name() {
        return season > 1 ? "Holt-Winters (additive, yearly season)" : "Holt (linear trend)";
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        Fit fit = fit(history);
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            double seasonal = season > 1 ? fit.seasonals()[(h - 1) % season] : 0;
            out[h - 1] = fit.level() + h * fit.trend() + seasonal;
        }
        return out;
    }

    @Override
    public double[] errorSd(double[] history, int horizon) {
        Fit fit = fit(history);
        int parameters = season > 1 ? 3 : 2;
        double sigma2 = fit.sse() / Math.max(1, fit.errors() - parameters);
        double[] out = new double[horizon];
        double sum = 1;
        for (int h = 1; h <= horizon; h++) {
            if (h > 1) {
                int j = h - 1;
                double c = fit.alpha() * (1 + j * fit.beta()) + (season > 1 && j % season == 0 ? fit.gamma() : 0);
                sum += c * c;
            }
            out[h - 1] = Math.sqrt(sigma2 * sum);
        }
        return out;
    }

    /** One full season to start the seasonal terms, plus two values to fit on (three without a season). */
    int minimumLength() {
        return season > 1 ? season + 2 : 3;
    }

    Fit fit(double[] y) {
        int minimum = minimumLength();
        if (y.length < minimum) {
            throw new IllegalArgumentException("needs at least " + minimum + " values, got " + y.length);
        }
        int dimensions = season > 1 ? 3 : 2;
        java.util.function.ToDoubleFunction<double[]> sse = w -> run(y, w[0], w[1], season > 1 ? w[2] : 0).sse();
        List<NelderMead.Minimum> gridPoints = new ArrayList<>();
        double[] grid = {0.05, 0.2, 0.4, 0.6, 0.8, 0.95};
        for (double a : grid) {
            for (double b : grid) {
                for (double g : season > 1 ? grid : new double[]{0}) {
                    double[] point = java.util.Arrays.copyOf(new double[]{a, b, g}, dimensions);
                    gridPoints.add(new NelderMead.Minimum(point, sse.applyAsDouble(point)));
                }
            }
        }
        // The error surface can have several valleys: the simplex starts from each of the two best grid points.
        gridPoints.sort(java.util.Comparator.comparingDouble(NelderMead.Minimum::value));
        NelderMead.Minimum optimum = gridPoints.get(0);
        for (NelderMead.Minimum start : gridPoints.subList(0, Math.min(STARTS, gridPoints.size()))) {
            NelderMead.Minimum found = SIMPLEX.minimise(sse, start.point());
            if (found.value() < optimum.value()) {
                optimum = found;
            }
        }
        double[] weights = optimum.point();
        return run(y, weights[0], weights[1], season > 1 ? weights[2] : 0);
    }

    /** Runs the recursions with fixed weights. The first season (or first value) only initialises the state. */
    Fit run(double[] y, double alpha, double beta, double gamma) {
        int m = season;
        double level;
        double trend;
        double[] seasonals = new double[Math.max(m, 1)];
        int start;
        if (m > 1) {
            // Classical decomposition of the first one or two seasons: a straight line through the season means
            // gives the level and trend; what the line does not explain, averaged, is the season.
            boolean two = y.length >= 2 * m + 2;
            double first = mean(y, 0, m);
            trend = two ? (mean(y, m, 2 * m) - first) / m : (y[m - 1] - y[0]) / (m - 1);
            for (int i = 0; i < m; i++) {
                double deviation = y[i] - (first + trend * (i - (m - 1) / 2.0));
                if (two) {
                    deviation = (deviation + y[i + m] - (first + trend * (i + m - (m - 1) / 2.0))) / 2;
                }
                seasonals[i] = deviation;
            }
            level = first + trend * (m - 1) / 2.0;
            start = m;
        } else {
            level = y[0];
            trend = y[1] - y[0];
            start = 1;
        }
        double sse = 0;
        int errors = 0;
        for (int t = start; t < y.length; t++) {
            double seasonal = m > 1 ? seasonals[t % m] : 0;
            double predicted = level + trend + seasonal;
            double error = y[t] - predicted;
            sse += error * error;
            errors++;
            double previousLevel = level;
            level = alpha * (y[t] - seasonal) + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
            if (m > 1) {
                seasonals[t % m] = gamma * (y[t] - level) + (1 - gamma) * seasonal;
            }
        }
        // Re-index the seasonal terms so index 0 is the season of the step after the last observation.
        double[] ahead = new double[seasonals.length];
        for (int h = 0; h < seasonals.length && m > 1; h++) {
            ahead[h] = seasonals[(y.length + h) % m];
        }
        return new Fit(alpha, beta, gamma, level, trend, ahead, sse, errors);
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }
}
