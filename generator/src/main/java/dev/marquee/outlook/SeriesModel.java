package dev.marquee.outlook;

/** A forecasting method: fitted on a history, it predicts the next values and their spread. */
interface SeriesModel {

    /** Point forecasts for steps 1..horizon after the last value of {@code history}. */
    double[] forecast(double[] history, int horizon);

    /** Standard deviation of the forecast error at each step 1..horizon, for the prediction intervals. */
    double[] errorSd(double[] history, int horizon);

    String name();
}
