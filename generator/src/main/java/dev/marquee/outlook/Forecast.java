package dev.marquee.outlook;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A forecast of a monthly series with its prediction intervals and the record of both candidate methods.
 *
 * @param method    the method used for the forecast: the candidate, or the baseline when it did better
 * @param points    one per month ahead; empty when the history is too short
 * @param candidate the backtest of Holt-Winters (or Holt with less than two years of history)
 * @param baseline  the backtest of the (seasonal) naive forecast
 * @param note      why this method, or why no forecast
 */
public record Forecast(String series, String method, List<Point> points, Optional<Backtest> candidate,
                       Optional<Backtest> baseline, String candidateName, String baselineName, String note) {

    public Forecast {
        points = List.copyOf(points);
    }

    public boolean available() {
        return !points.isEmpty();
    }

    /** One month ahead: the point forecast and its 80% and 95% prediction intervals. */
    public record Point(LocalDate month, double mean, double low80, double high80, double low95, double high95) {
    }
}
