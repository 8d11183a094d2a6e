package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.run.ReportException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engine problems a user can meet without a server: clear messages, no stack traces. */
class EngineErrorsTest {

    @TempDir
    Path temp;

    @Test
    void unreachableServer_saysSoAndNamesTheUrl() {
        Fixtures.Run run = Fixtures.marquee("build", "--engine", "jdbc:trino://127.0.0.1:9/hive/marquee", "--out", temp.resolve("site").toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertTrue(run.err().startsWith("marquee: cannot reach the Trino server at jdbc:trino://127.0.0.1:9/hive/marquee"), run.err());
        assertFalse(run.err().contains("\tat "));
    }

    @Test
    void credentialsInTheUrl_areRejectedInFavourOfTheEnvironment() {
        // They would be echoed in messages and logs; TrinoCredentialsTest covers wrong ones on a real server.
        Fixtures.Run run = Fixtures.marquee("build", "--engine", "jdbc:trino://127.0.0.1:9/hive/marquee?SSL=true&user=me&password=secret",
                "--out", temp.resolve("site").toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertEquals("marquee: the --engine URL must not hold the user: put the user name and password in "
                + "MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD instead (the URL was "
                + "jdbc:trino://127.0.0.1:9/hive/marquee?SSL=true&user=***&password=***)" + System.lineSeparator(), run.err());
    }

    @Test
    void notATrinoUrl_isRejectedUpFront() {
        Fixtures.Run run = Fixtures.marquee("build", "--engine", "jdbc:postgresql://localhost/db");

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("--engine must be a Trino JDBC URL"), run.err());
    }

    @Test
    void scratchSchema_needsAnEngine_andACatalogAndSchemaOfPlainNames() {
        Fixtures.Run alone = Fixtures.marquee("build", "--scratch-schema", "hive.scratch", "--out", temp.resolve("site").toString());
        Fixtures.Run quoted = Fixtures.marquee("build", "--engine", "jdbc:trino://127.0.0.1:9/hive/marquee",
                "--scratch-schema", "hive.x; DROP TABLE users", "--out", temp.resolve("site").toString());

        assertEquals(ReportException.CONFIG_PROBLEM, alone.exitCode());
        assertEquals("marquee: --scratch-schema needs --engine: embedded DuckDB builds the member and title layer in its own "
                + "memory" + System.lineSeparator(), alone.err());
        assertEquals(ReportException.CONFIG_PROBLEM, quoted.exitCode());
        assertEquals("marquee: --scratch-schema must name a catalog and a schema of the engine, such as hive.marquee_scratch "
                + "(letters, digits and _), got hive.x; DROP TABLE users" + System.lineSeparator(), quoted.err());
        assertFalse(Files.exists(temp.resolve("site")));
    }

    @Test
    void engineSpecificFunction_isRejectedWithFileLineAndTheCrossEngineFunctionToUse() throws Exception {
        Path questions = temp.resolve("questions");
        Files.createDirectories(questions);
        Files.writeString(questions.resolve("median.sql"), "-- name: typical\nSELECT\n    quantile_cont(minutes_watched, 0.5) AS minutes, count(DISTINCT user_id) AS viewers\nFROM viewing_sessions\n");
        Files.writeString(questions.resolve("median.md"), "---\ntitle: Median\nquestion: What is typical?\n"
                + "privacy:\n  - result: typical\n    members: viewers\n    small: hide\n"
                + "charts:\n  - id: m\n    kind: table\n    title: Median\n---\n");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--questions", questions.toString(),
                "--out", temp.resolve("site").toString());

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("median.sql:3: statement 'typical' calls quantile_cont(), which not every engine has: "
                + "use {{ median(x) }} or {{ percentile(x, fraction) }} [engine-specific]"), run.err());
    }
}
