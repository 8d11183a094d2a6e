package dev.marquee.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data larger than DuckDB's memory limit goes to the temporary folder instead of failing the run. */
class SpillTest {

    @TempDir
    Path temp;

    @Test
    void inMemory_tableLargerThanTheLimit_spillsToTheTempDirAndAnswers() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "64MB")) {
            // 2 million rows of a 32-character hash and a number: about 100 MB, well over the 64 MB limit.
            engine.execute("CREATE TABLE big AS SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(2000000) AS r(i)");

            Object spilled = engine.scalar("SELECT count(*) FROM duckdb_temporary_files() WHERE path LIKE "
                    + "'" + temp.toString().replace("'", "''") + "%'");
            assertTrue(((Number) spilled).longValue() > 0, "part of the table lives in the temporary folder");
            assertEquals(2000000L, engine.scalar("SELECT count(DISTINCT h) FROM big"));
            assertEquals(1999999000000L, ((Number) engine.scalar("SELECT sum(i) FROM big")).longValue());
        }
    }

    @Test
    void lock_aQueryLargerThanTheLimit_stillSpillsToTheTempDirAndAnswers() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "64MB")) {
            engine.execute("CREATE TABLE big AS SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(2000000) AS r(i)");
            engine.lock();

            // Grouping 2 million distinct hashes needs more than 64 MB: the hash table goes to the temporary folder.
            assertEquals(2000000L, engine.scalar("SELECT count(*) FROM (SELECT h, count(*) FROM big GROUP BY h)"));
            Object spilled = engine.scalar("SELECT count(*) FROM duckdb_temporary_files() WHERE path LIKE "
                    + "'" + temp.toString().replace("'", "''") + "%'");
            assertTrue(((Number) spilled).longValue() > 0, "the locked engine still writes its own spill files");
        }
    }

    @Test
    void newSession_seesTheSameTablesAndRunsAlongside() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            engine.execute("CREATE TABLE t AS SELECT 42 AS answer");
            try (Engine session = engine.newSession().orElseThrow()) {
                assertEquals(42L, session.scalar("SELECT answer FROM t"));
                assertEquals("UTC", session.scalar("SELECT current_setting('TimeZone')"));
            }
            assertEquals(42L, engine.scalar("SELECT answer FROM t"), "closing the session leaves the database open");
        }
    }
}
