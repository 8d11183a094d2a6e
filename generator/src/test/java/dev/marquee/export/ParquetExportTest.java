package dev.marquee.export;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParquetExportTest {

    @TempDir
    Path temp;

    @Test
    void export_tinyFixture_writesEveryTableAndPartitionsSessionsByMonth() throws Exception {
        Path out = temp.resolve("lake");

        Fixtures.Run run = Fixtures.marquee("export", "--format", "parquet", "--data", Fixtures.TINY.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out.resolve("viewing_sessions/month=2024-01-01")));
        assertTrue(Files.isDirectory(out.resolve("viewing_sessions/month=2024-03-01")));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            assertEquals(7, count(duck, "read_parquet('" + out + "/viewing_sessions/*/*.parquet', hive_partitioning = true)"));
            assertEquals(3, count(duck, "read_parquet('" + out + "/users/*.parquet')"));
            assertEquals(2, count(duck, "read_parquet('" + out + "/titles/*.parquet')"));
            try (ResultSet rs = duck.createStatement().executeQuery("SELECT any_value(typeof(user_id)), string_agg(user_id, ',') FROM read_parquet('"
                    + out + "/users/*.parquet')")) {
                rs.next();
                assertEquals("VARCHAR", rs.getString(1), "member ids are text in the model, though loaded as numbers");
                assertEquals("1,2,3", rs.getString(2));
            }
            try (ResultSet rs = duck.createStatement().executeQuery("SELECT sum(minutes_watched) FROM read_parquet('"
                    + out + "/viewing_sessions/*/*.parquet')")) {
                rs.next();
                assertEquals("375.50", rs.getBigDecimal(1).toPlainString(), "exact minutes survive the round trip");
            }
        }
        String ddl = Files.readString(out.resolve("trino.sql"));
        assertTrue(ddl.contains("CREATE TABLE hive.marquee.viewing_sessions (\n    user_id varchar,"), ddl);
        assertTrue(ddl.contains("minutes_watched decimal(7,2)"), ddl);
        assertTrue(ddl.contains("partitioned_by = ARRAY['month']"), ddl);
        assertTrue(ddl.contains("\n-- CREATE SCHEMA IF NOT EXISTS hive.marquee_scratch;\n"), "the scratch schema, for --scratch-schema, "
                + "left to the user: " + ddl);
    }

    private static long count(Connection duck, String source) throws Exception {
        try (ResultSet rs = duck.createStatement().executeQuery("SELECT count(*) FROM " + source)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
