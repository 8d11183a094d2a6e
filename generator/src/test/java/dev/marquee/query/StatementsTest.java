package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.engine.Dialect;
import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each statement expanded once for the dialect, then bound to a set of parameters by filling its located slots. */
class StatementsTest {

    /** Starts on line 3 of churn.sql: its second line holds the function and both placeholders. */
    private static final QuerySource MEDIAN_AGE = new QuerySource("median_age",
            "SELECT {{ median(age) }} AS median_age\nFROM member WHERE joined <= {{as_of}} AND members >= {{ k }}",
            Path.of("questions/churn.sql"), 3);
    private static final QuerySource UNKNOWN = new QuerySource("unknown", "SELECT 1\nWHERE x = {{ region }}",
            Path.of("questions/churn.sql"), 10);
    private static final Parameters AS_OF_2024 = new Parameters(LocalDate.of(2024, 12, 31), 10, 15);

    private final Statements statements = Statements.expand(Dialect.DUCKDB, List.of(), List.of(MEDIAN_AGE, UNKNOWN));

    @Test
    void sql_functionAndPlaceholders_writtenForTheDialectAndFilledWithTheParameters() {
        assertEquals("SELECT quantile_cont(age, 0.5) AS median_age\nFROM member WHERE joined <= DATE '2024-12-31' AND members >= 10",
                statements.bind(AS_OF_2024).sql(MEDIAN_AGE));
    }

    @Test
    void bind_theSameParametersTwice_givesTheOneBinding() {
        assertSame(statements.bind(AS_OF_2024), statements.bind(new Parameters(LocalDate.of(2024, 12, 31), 10, 15)));
    }

    @Test
    void bind_otherParameters_fillsTheSameSlotsWithTheirValues() {
        assertEquals("SELECT quantile_cont(age, 0.5) AS median_age\nFROM member WHERE joined <= DATE '1970-01-01' AND members >= 2",
                statements.bind(new Parameters(LocalDate.EPOCH, 2, 15)).sql(MEDIAN_AGE));
    }

    @Test
    void sql_anUnknownParameter_failsNamingItsLineAndTheParameters() {
        ReportException thrown = assertThrows(ReportException.class, () -> statements.bind(AS_OF_2024).sql(UNKNOWN));

        assertEquals("A question failed (1 problem):" + System.lineSeparator() + "  1. questions/churn.sql:11: {{region}} is not a "
                + "parameter; the parameters are [as_of, k, at_risk_days, platform, event_source] and [price_step(source)] "
                + "[unknown-parameter]", thrown.getMessage());
    }

    private static final QuerySource BY_PLAN = new QuerySource("by_plan",
            "SELECT source, plan FROM member GROUP BY source, plan\nORDER BY round(sum(monthly_fee) / {{ price_step(m.source) }})",
            Path.of("questions/revenue.sql"), 1);

    private static PriceStep step(String lowest, String highest) {
        return PriceStep.of(new java.math.BigDecimal(lowest), new java.math.BigDecimal(highest), 10);
    }

    @Test
    void priceStep_ofEachPopulation_isWrittenOutForTheRow() {
        Statements statements = Statements.expand(Dialect.DUCKDB, List.of(), List.of(BY_PLAN));
        // The userbase's fees spread over $5 and the churn table's over $9: steps of $50 and $100; a file of one price, none.
        PriceSteps steps = new PriceSteps(new java.util.TreeMap<>(java.util.Map.of("userbase.csv", step("10", "15"),
                "churn.csv", step("8.99", "17.99"), "it's one.csv", step("9.99", "9.99"))), Parameters.DEFAULT_EVENT_SOURCE);

        assertEquals("SELECT source, plan FROM member GROUP BY source, plan\nORDER BY round(sum(monthly_fee) / (CASE m.source "
                        + "WHEN 'churn.csv' THEN 100.00 WHEN 'userbase.csv' THEN 50.00 ELSE 0.01 END))",
                statements.bind(AS_OF_2024.withPrices(steps)).sql(BY_PLAN));
    }

    @Test
    void priceStep_oneStepForEveryPopulation_isThatStep_andNoneACent() {
        Statements statements = Statements.expand(Dialect.TRINO, List.of(), List.of(BY_PLAN));

        assertEquals("SELECT source, plan FROM member GROUP BY source, plan\nORDER BY round(sum(monthly_fee) / 200.00)",
                statements.bind(AS_OF_2024.withPrices(PriceSteps.ofEvents(step("8.99", "24.99")))).sql(BY_PLAN));
        assertEquals("SELECT source, plan FROM member GROUP BY source, plan\nORDER BY round(sum(monthly_fee) / 0.01)",
                statements.bind(AS_OF_2024).sql(BY_PLAN));
    }

    @Test
    void priceStep_withoutAnExpression_isAnUnknownParameter() {
        QuerySource bare = new QuerySource("bare", "SELECT 1 / {{price_step}}", Path.of("questions/revenue.sql"), 1);
        ReportException thrown = assertThrows(ReportException.class,
                () -> Statements.expand(Dialect.DUCKDB, List.of(), List.of(bare)).bind(AS_OF_2024).sql(bare));

        assertTrue(thrown.getMessage().contains("questions/revenue.sql:1: {{price_step}} is not a parameter; the parameters are "
                + "[as_of, k, at_risk_days, platform, event_source] and [price_step(source)]"), thrown.getMessage());
    }

    @Test
    void asExpanded_anUnknownParameter_isNull() {
        assertEquals("SELECT 1\nWHERE x = NULL", statements.bind(AS_OF_2024).asExpanded(UNKNOWN));
    }
}
