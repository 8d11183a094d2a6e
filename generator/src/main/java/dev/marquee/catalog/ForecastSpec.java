package dev.marquee.catalog;

import dev.marquee.format.Unit;
import java.util.Objects;

/**
 * A monthly series to forecast. Its statement returns one row per complete month with the columns
 * {@code month} (DATE, first of the month) and {@code value}; the outlook stage adds the result
 * {@code forecast_<query>} (month, actual, forecast, low80, high80, low95, high95) for charts and narratives.
 */
public record ForecastSpec(String query, String title, Unit unit, int horizon, int line) {

    /** The result that says how wrong each forecast of a question has been (its backtest). */
    public static final String ACCURACY = "forecast_accuracy";

    public ForecastSpec {
        Objects.requireNonNull(query);
        Objects.requireNonNull(title);
        if (horizon < 1 || horizon > 24) {
            throw new IllegalArgumentException("horizon must be 1 to 24 months");
        }
    }

    public String resultName() {
        return "forecast_" + query;
    }
}
