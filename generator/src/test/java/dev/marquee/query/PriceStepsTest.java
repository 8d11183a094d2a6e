package dev.marquee.query;

import dev.marquee.engine.DuckDbEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each population's prices set its own step, measured in DuckDB from the data's price columns. */
class PriceStepsTest {

    @TempDir
    Path temp;

    @Test
    void measure_eachFileAndTheEventFiles_getTheStepOfTheirOwnSpread() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            // The event files: subscriptions at 8.99 to 24.99 and payments within them (a spread of 16: 10 × 16 → 200).
            engine.execute("CREATE TABLE subscriptions AS SELECT * FROM (VALUES (8.99), (24.99), (15.49)) AS t(monthly_price)");
            engine.execute("CREATE TABLE payments AS SELECT * FROM (VALUES (8.99), (24.99)) AS t(amount)");
            // Two member files: fees of 10 to 15 (→ 50) and one fee only (nothing to round); a member without a fee.
            engine.execute("CREATE TABLE member_profiles AS SELECT * FROM (VALUES ('userbase.csv', 10.00), ('userbase.csv', 15.00), "
                    + "('userbase.csv', NULL), ('one price.csv', 9.99), ('one price.csv', 9.99)) AS t(source, monthly_fee)");

            PriceSteps steps = PriceSteps.measure(engine, List.of("subscriptions.monthly_price", "payments.amount",
                    "member_profiles.monthly_fee"), List.of("member_profiles"), "event files", 10);

            assertEquals(new BigDecimal("200.00"), steps.events().step());
            assertEquals(new BigDecimal("50.00"), steps.of("userbase.csv").step());
            assertEquals(new BigDecimal("10.00"), steps.of("userbase.csv").lowest().orElseThrow());
            assertFalse(steps.of("one price.csv").rounds(), "one fee: a sum is its members times it");
            assertFalse(steps.of("not a file").rounds());
            assertEquals(List.of("event files", "userbase.csv"), List.copyOf(steps.rounded().keySet()));
            assertTrue(steps.rounds());
        }
    }

    @Test
    void measure_noPriceColumn_roundsNothing() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            PriceSteps steps = PriceSteps.measure(engine, List.of(), List.of(), "event files", 10);

            assertFalse(steps.rounds());
            assertEquals("0.01", steps.sql("m.source"));
        }
    }

    @Test
    void sql_quotesAFileNameWithAnApostrophe() {
        PriceSteps steps = new PriceSteps(new java.util.TreeMap<>(java.util.Map.of(
                "Jo's list.csv", PriceStep.of(new BigDecimal("10"), new BigDecimal("15"), 10),
                "event files", PriceStep.of(new BigDecimal("8.99"), new BigDecimal("24.99"), 10))), "event files");

        assertEquals("(CASE m.source WHEN 'Jo''s list.csv' THEN 50.00 WHEN 'event files' THEN 200.00 ELSE 0.01 END)", steps.sql("m.source"));
    }
}
