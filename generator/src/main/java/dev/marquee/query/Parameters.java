package dev.marquee.query;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values a question's SQL may use as {@code {{name}}}: the as-of date and the report's thresholds.
 * They are written into the SQL as literals, so the same text runs on any engine.
 *
 * @param prices the step each population's sums of prices are rounded to once the statements have run (see PriceSteps);
 *               {@code {{ price_step(source) }}} to the SQL (a cent where nothing is rounded), so that it can order rows
 *               by the sums as published
 */
public record Parameters(LocalDate asOf, int minGroupSize, int atRiskDays, String platform, String eventSource, boolean dated,
                         PriceSteps prices) {

    public static final int DEFAULT_AT_RISK_DAYS = 15;
    /** The report's own service: titles without a platform belong to it. Set MARQUEE_PLATFORM to change it. */
    public static final String DEFAULT_PLATFORM = System.getenv().getOrDefault("MARQUEE_PLATFORM", "Netflix");

    /**
     * The as-of date of data that carries no date at all (a churn table, a catalogue of release years): later than any
     * date, so no rule sets anything aside and no statement finds a month to chart. The report says it is undated.
     */
    public static final LocalDate UNDATED = LocalDate.of(2999, 12, 31);

    /**
     * The name of the event files' population (users with their subscriptions, viewing sessions and payments) in the
     * member layer's source column: the same on every engine, where a file name would not be.
     */
    public static final String DEFAULT_EVENT_SOURCE = "event files";

    public Parameters {
        Objects.requireNonNull(asOf);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(eventSource);
        Objects.requireNonNull(prices);
    }

    public Parameters(LocalDate asOf, int minGroupSize, int atRiskDays, String platform, String eventSource, boolean dated) {
        this(asOf, minGroupSize, atRiskDays, platform, eventSource, dated, PriceSteps.NONE);
    }

    public Parameters(LocalDate asOf, int minGroupSize, int atRiskDays) {
        this(asOf, minGroupSize, atRiskDays, DEFAULT_PLATFORM, DEFAULT_EVENT_SOURCE, true);
    }

    /** These parameters with the data's price steps. */
    public Parameters withPrices(PriceSteps steps) {
        return new Parameters(asOf, minGroupSize, atRiskDays, platform, eventSource, dated, steps);
    }

    /** The parameters of data without any date: figures are a snapshot, with no period and no comparison. */
    public static Parameters undated(int minGroupSize, int atRiskDays) {
        return new Parameters(UNDATED, minGroupSize, atRiskDays, DEFAULT_PLATFORM, DEFAULT_EVENT_SOURCE, false);
    }

    /** The names a statement may use as {@code {{name}}}: those {@link #literals()} gives, in its order. */
    static final java.util.List<String> NAMES = java.util.List.of("as_of", "k", "at_risk_days", "platform", "event_source");

    /**
     * The names a statement may use as {@code {{ name(expression) }}}: a value that depends on a row, written out for it.
     * {@code price_step(source)} is the step of the population the expression names.
     */
    static final java.util.List<String> FUNCTIONS = java.util.List.of("price_step");

    /** {@code {{ name(argument) }}} written out, for a name of {@link #FUNCTIONS}. */
    String literal(String name, String argument) {
        if (!name.equals("price_step")) {
            throw new IllegalArgumentException("not a parameter function: " + name);
        }
        return prices.sql(argument);
    }

    public Map<String, String> literals() {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put("as_of", "DATE '" + asOf + "'");
        literals.put("k", Integer.toString(minGroupSize));
        literals.put("at_risk_days", Integer.toString(atRiskDays));
        literals.put("platform", "'" + platform.replace("'", "''") + "'");
        literals.put("event_source", "'" + eventSource.replace("'", "''") + "'");
        return literals;
    }
}
