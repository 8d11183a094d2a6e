package dev.marquee.query;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values a question's SQL may use as {@code {{name}}}: the as-of date and the report's thresholds.
 * They are written into the SQL as literals, so the same text runs on any engine.
 */
public record Parameters(LocalDate asOf, int minGroupSize, int atRiskDays, String platform) {

    public static final int DEFAULT_AT_RISK_DAYS = 15;
    /** The report's own service: titles without a platform belong to it. Set MARQUEE_PLATFORM to change it. */
    public static final String DEFAULT_PLATFORM = System.getenv().getOrDefault("MARQUEE_PLATFORM", "Netflix");

    public Parameters {
        Objects.requireNonNull(asOf);
        Objects.requireNonNull(platform);
    }

    public Parameters(LocalDate asOf, int minGroupSize, int atRiskDays) {
        this(asOf, minGroupSize, atRiskDays, DEFAULT_PLATFORM);
    }

    public Map<String, String> literals() {
        Map<String, String> literals = new LinkedHashMap<>();
        literals.put("as_of", "DATE '" + asOf + "'");
        literals.put("k", Integer.toString(minGroupSize));
        literals.put("at_risk_days", Integer.toString(atRiskDays));
        literals.put("platform", "'" + platform.replace("'", "''") + "'");
        return literals;
    }
}
