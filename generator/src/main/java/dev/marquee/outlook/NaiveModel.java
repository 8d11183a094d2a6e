package dev.marquee.outlook;

/**
 * The baseline: each month repeats the same month one season earlier (seasonal naive), or the last value when the
 * season is 1 (naive). Its error spread grows with the square root of the number of seasons ahead.
 */
record NaiveModel(int season) implements SeriesModel {

    NaiveModel {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1");
        }
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double[] out = new double[horizon];
        int n = history.length;
        for (int h = 1; h <= horizon; h++) {
            int seasonsBack = (h - 1) / season + 1;
            out[h - 1] = history[n + h - 1 - seasonsBack * season];
        }
        return out;
    }

    @Override
    public double[] errorSd(double[] history, int horizon) {
        double sumSquares = 0;
        int count = 0;
        for (int t = season; t < history.length; t++) {
            double error = history[t] - history[t - season];
            sumSquares += error * error;
            count++;
        }
        double sigma = count == 0 ? 0 : Math.sqrt(sumSquares / count);
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = sigma * Math.sqrt((h - 1) / season + 1);
        }
        return out;
    }

    @Override
    public String name() {
        return season == 1 ? "naive (last value)" : "seasonal naive (same month last year)";
    }
}
