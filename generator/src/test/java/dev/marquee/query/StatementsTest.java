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
                + "parameter; the parameters are [as_of, k, at_risk_days, platform, event_source, price_step] [unknown-parameter]", thrown.getMessage());
    }

    @Test
    void asExpanded_anUnknownParameter_isNull() {
        assertEquals("SELECT 1\nWHERE x = NULL", statements.bind(AS_OF_2024).asExpanded(UNKNOWN));
    }
}
