package dev.marquee.sample;

import java.time.LocalDate;

/** The three plans, with the monthly price before and after the one price rise (USD cents). */
enum Plan {
    BASIC("Basic", 899, 999, 1.25),
    STANDARD("Standard", 1549, 1749, 1.0),
    PREMIUM("Premium", 2299, 2499, 0.8);

    final String label;
    private final int centsBefore;
    private final int centsAfter;
    /** Cheaper plans churn more. */
    final double churnFactor;

    Plan(String label, int centsBefore, int centsAfter, double churnFactor) {
        this.label = label;
        this.centsBefore = centsBefore;
        this.centsAfter = centsAfter;
        this.churnFactor = churnFactor;
    }

    /** Existing subscriptions keep their price; the rise applies to subscriptions started on or after it. */
    int monthlyCents(LocalDate startedOn, LocalDate priceRise) {
        return startedOn.isBefore(priceRise) ? centsBefore : centsAfter;
    }

    /** The first of the month in the middle of the period. */
    static LocalDate priceRise(LocalDate start, LocalDate end) {
        return start.plusDays((end.toEpochDay() - start.toEpochDay()) / 2).withDayOfMonth(1);
    }
}
