package dev.marquee.engine;

import dev.marquee.run.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once the data is in, DuckDB is locked: no file, extension or setting; the tables, new sessions and spilling still
 * work. And its parser tells one query from anything else without running the text.
 */
class EngineLockTest {

    @TempDir
    Path temp;

    private DuckDbEngine lockedWithATable() {
        DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB");
        engine.execute("CREATE TABLE t AS SELECT 42 AS answer");
        engine.lock();
        return engine;
    }

    @Test
    void lock_copyToAFile_isRefusedAndWritesNothing() {
        Path file = temp.resolve("x.csv");
        try (DuckDbEngine engine = lockedWithATable()) {
            EngineException refused = assertThrows(EngineException.class,
                    () -> engine.execute("COPY (SELECT 1) TO '" + file + "'"));

            assertTrue(refused.getMessage().startsWith("Permission Error: Cannot access file"), refused.getMessage());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void lock_readingAFile_isRefused() {
        try (DuckDbEngine engine = lockedWithATable()) {
            EngineException refused = assertThrows(EngineException.class, () -> engine.query("SELECT * FROM read_text('/etc/passwd')"));

            assertTrue(refused.getMessage().startsWith("Permission Error: Cannot access file \"/etc/passwd\""), refused.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ATTACH 'TEMP/other.db' AS other", "INSTALL httpfs", "LOAD httpfs", "SET threads = 4",
            "SET enable_external_access = true", "SET lock_configuration = false", "PRAGMA enable_profiling = 'json'",
            "SELECT * FROM glob('/etc/*')", "EXPORT DATABASE 'TEMP/dump'"})
    void lock_statementsThatReachOutsideOrChangeSettings_areRefused(String statement) {
        try (DuckDbEngine engine = lockedWithATable()) {
            EngineException refused = assertThrows(EngineException.class, () -> engine.execute(statement.replace("TEMP", temp.toString())));

            String message = refused.getMessage();
            assertTrue(message.startsWith("Permission Error") || message.contains("the configuration has been locked"), message);
        }
        assertFalse(Files.exists(temp.resolve("other.db")));
        assertFalse(Files.exists(temp.resolve("dump")));
    }

    @Test
    void lock_tablesAndNewSessions_stillAnswerInUtc() {
        try (DuckDbEngine engine = lockedWithATable(); Engine session = engine.newSession().orElseThrow()) {
            assertEquals(42L, session.scalar("SELECT answer FROM t"));
            assertEquals("UTC", session.scalar("SELECT current_setting('TimeZone')"));
            assertEquals(1L, ((Number) session.scalar("SELECT current_setting('threads')")).longValue());
        }
    }

    /** The query stage orders its statements by the rows they read, asked of the locked engine. */
    @Test
    void lock_tableRows_stillEstimatedWithoutCounting() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            engine.execute("CREATE TABLE big AS SELECT * FROM range(250000)");
            engine.execute("CREATE TABLE t AS SELECT 42 AS answer");
            engine.execute("CREATE VIEW v AS SELECT * FROM big");
            engine.lock();

            assertEquals(java.util.Map.of("big", 250_000L, "t", 1L), engine.tableRows());
        }
    }

    @Test
    void lock_sessionsSharingWork_doNotTryToChangeThreads() {
        try (DuckDbEngine engine = lockedWithATable()) {
            long[] answers = new long[4];

            try (Background background = Background.open()) {
                Sessions.share(background, engine, 4, (session, i) -> answers[i] = (Long) session.scalar("SELECT answer + " + i + " FROM t"));
            }

            assertEquals(45L, answers[3]);
        }
    }

    @Test
    void notOneQuery_aSelectOrWithSelect_isOneQuery() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            assertEquals(Optional.empty(), engine.notOneQuery("SELECT 1 AS one"));
            assertEquals(Optional.empty(), engine.notOneQuery("WITH a AS (SELECT 1 AS x) SELECT x FROM a"));
        }
    }

    @Test
    void notOneQuery_otherStatements_sayWhatTheyAre() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            assertEquals(Optional.of("is not a query (DuckDB reads it as another kind of statement)"),
                    engine.notOneQuery("WITH a AS (SELECT 1 AS x) INSERT INTO t SELECT x FROM a"));
            assertEquals(Optional.of("is not a query (DuckDB reads it as another kind of statement)"), engine.notOneQuery("PRAGMA version"));
            assertEquals(Optional.of("holds 2 statements, not one query"), engine.notOneQuery("SELECT 1; SELECT 2"));
            assertEquals(Optional.empty(), engine.notOneQuery("SELEC 1"), "left to planning, which reports the line");
        }
    }

    @Test
    void notOneQuery_neverRunsTheText() {
        Path file = temp.resolve("x.csv");
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            engine.notOneQuery("CREATE TABLE made AS SELECT 1 AS x; COPY (SELECT 1) TO '" + file + "'; SELECT 1");

            assertEquals(0L, engine.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'made'"));
        }
        assertFalse(Files.exists(file));
    }
}
