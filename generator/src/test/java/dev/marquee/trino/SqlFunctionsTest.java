package dev.marquee.trino;

import dev.marquee.engine.Dialect;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.query.SqlFunctions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every cross-engine function has a form for every engine, and the DuckDB forms run in DuckDB. */
class SqlFunctionsTest {

    @TempDir
    Path temp;

    @Test
    void everyFunction_hasEveryDialect() {
        for (SqlFunctions.Function function : SqlFunctions.all().values()) {
            for (Dialect dialect : Dialect.values()) {
                String body = function.bodies().get(dialect);
                for (String arg : function.args()) {
                    assertTrue(body.contains("{" + arg + "}"), function.name() + " " + dialect + " uses {" + arg + "}");
                }
            }
        }
    }

    @Test
    void duckDbForms_runAndAgree() {
        try (DuckDbEngine duck = DuckDbEngine.inMemory(temp, "1GB")) {
            assertEquals(3L, duck.scalar("SELECT count(*) FROM (SELECT 1) AS t CROSS JOIN "
                    + SqlFunctions.all().get("month_series").bodies().get(Dialect.DUCKDB)
                    .replace("{first}", "DATE '2024-01-01'").replace("{last}", "DATE '2024-03-01'") + " AS g(m)"));
            assertEquals("2024-02", duck.scalar("SELECT " + SqlFunctions.all().get("format_month").bodies().get(Dialect.DUCKDB)
                    .replace("{date}", "DATE '2024-02-10'")));
            assertEquals(java.time.LocalDate.of(2024, 3, 1), duck.scalar("SELECT " + SqlFunctions.all().get("add_days").bodies()
                    .get(Dialect.DUCKDB).replace("{date}", "DATE '2024-02-29'").replace("{days}", "1")));
            assertEquals(java.time.LocalDate.of(2024, 2, 29), duck.scalar("SELECT " + SqlFunctions.all().get("month_last_day").bodies()
                    .get(Dialect.DUCKDB).replace("{date}", "DATE '2024-02-10'")));
            assertEquals(62L, duck.scalar("SELECT " + SqlFunctions.all().get("bit_run").bodies().get(Dialect.DUCKDB)
                    .replace("{position}", "60 + 3")));
            assertEquals(2L, duck.scalar("SELECT " + SqlFunctions.all().get("bit_in_run").bodies().get(Dialect.DUCKDB)
                    .replace("{position}", "60 + 3")));
        }
    }
}
