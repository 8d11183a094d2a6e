package dev.marquee.query;

import dev.marquee.Fixtures;
import dev.marquee.run.ReportException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question file is code from the repository, but the report generator is not a shell: given a copy of questions/
 * with one hostile question added, the build runs no statement that is not a query, reaches no file, publishes no
 * member id, and writes nothing (exit 4, the file and line named).
 */
class HostileQuestionTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path temp;

    /** questions/ plus evil.sql holding {@code sql} as statement 'evil' (its SQL starts on line 2) and a table of it. */
    private Path questionsWith(String sql) throws IOException {
        Path questions = temp.resolve("questions");
        Fixtures.copyTree(Fixtures.QUESTIONS, questions);
        Files.writeString(questions.resolve("evil.sql"), "-- name: evil\n" + sql + "\n");
        Files.writeString(questions.resolve("evil.md"), "---\ntitle: Evil\nquestion: What can a question do?\norder: 99\n"
                + "charts:\n  - id: evil\n    query: evil\n    kind: table\n    title: Evil\n"
                + "privacy:\n  - result: evil\n    members: members\n    small: drop\n---\nNothing.\n");
        return questions;
    }

    private Fixtures.Run build(Path questions) {
        return Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("questions").toString(), "--questions",
                questions.toString(), "--out", temp.resolve("site").toString(), "--as-of", "2024-03-31", "--min-group-size", "2");
    }

    @Test
    void build_questionCopiesToAFile_isRefusedBeforeAnythingRunsAndNoFileIsMade() throws IOException {
        Path target = temp.resolve("x.csv");
        Path questions = questionsWith("COPY (SELECT 1) TO '" + target + "'");

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: The questions may only read the data; nothing was run (1 problem):" + NL
                + "  1. " + questions.resolve("evil.sql") + ":2: statement 'evil' starts with COPY, which is not a query: "
                + "a question may only read the data, with one SELECT (or WITH … AS (…) SELECT) per statement [not-a-query]" + NL,
                run.err());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(temp.resolve("site")));
    }

    @Test
    void build_questionReadsASystemFile_isRefusedByTheLockedEngineAndNothingIsPublished() throws IOException {
        Path questions = questionsWith("SELECT content\nFROM read_text('/etc/passwd')");

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("  1. " + questions.resolve("evil.sql") + ":3: statement 'evil': Permission Error: "
                + "Cannot access file \"/etc/passwd\" - file system operations are disabled by configuration [sql-error]"), run.err());
        assertFalse(run.err().contains("root:"), "no line of the file is shown");
        assertFalse(Files.exists(temp.resolve("site")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ATTACH 'TEMP/other.db' AS other                           | 2 | starts with ATTACH, which is not a query
            INSTALL httpfs                                            | 2 | starts with INSTALL, which is not a query
            LOAD httpfs                                               | 2 | starts with LOAD, which is not a query
            SET threads = 64                                          | 2 | starts with SET, which is not a query
            PRAGMA enable_profiling                                   | 2 | starts with PRAGMA, which is not a query
            CREATE TABLE stolen AS SELECT * FROM users                | 2 | starts with CREATE, which is not a query
            CALL pragma_version()                                     | 2 | starts with CALL, which is not a query
            EXPORT DATABASE 'TEMP/dump'                               | 2 | starts with EXPORT, which is not a query
            DESCRIBE users                                            | 2 | starts with DESCRIBE, which is not a query
            FROM users                                                | 2 | starts with FROM, which is not a query
            WITH a AS (SELECT 1 AS x)\\nINSERT INTO users SELECT * FROM a | 3 | uses its WITH clause for INSERT, which is not a query
            SELECT 1 AS one;\\nDELETE FROM users                       | 2 | holds more than one statement (a ';' on this line)
            """)
    void build_statementThatIsNotAQuery_isRefusedWithFileAndLine(String sql, int line, String why) throws IOException {
        Path questions = questionsWith(sql.replace("\\n", "\n").replace("TEMP", temp.toString()));

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("  1. " + questions.resolve("evil.sql") + ":" + line + ": statement 'evil' " + why
                + ": a question may only read the data"), run.err());
        assertFalse(Files.exists(temp.resolve("other.db")) || Files.exists(temp.resolve("dump")) || Files.exists(temp.resolve("site")));
    }

    @Test
    void build_secondStatementAfterACommentEndedByACarriageReturn_isRefused() throws IOException {
        // A lone carriage return ends a -- comment for DuckDB, so the COPY is a second statement. (Before the text
        // check knew it, DuckDB's own parser refused the statement: "is not a query".)
        Path target = temp.resolve("x.csv");
        Path questions = questionsWith("SELECT 1 AS one -- a comment\r; COPY (SELECT 1) TO '" + target + "'");

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains(questions.resolve("evil.sql") + ":2: statement 'evil' holds more than one statement"), run.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void build_resultColumnNamedAfterAMemberId_isRefusedWithTheLineThatSelectsIt() throws IOException {
        Path questions = questionsWith("SELECT\n    country,\n    user_id,\n    count(*) AS sessions\n"
                + "FROM viewing_sessions JOIN users USING (user_id)\nGROUP BY country, user_id");

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: The questions do not run on this data (1 problem):" + NL
                + "  1. " + questions.resolve("evil.sql") + ":4 column user_id: statement 'evil' returns column 'user_id', which "
                + "identifies a member: the report publishes aggregates only (count or group members instead) [member-identifier]" + NL,
                run.err());
        assertFalse(Files.exists(temp.resolve("site")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT subscription_id FROM subscriptions                  | subscription_id
            SELECT payment_id AS "Payment ID" FROM payments            | Payment ID
            SELECT user_id AS customer_id FROM users                   | customer_id
            SELECT user_id AS MemberId FROM users                      | MemberId
            """)
    void build_anyMemberIdentifierColumn_isRefused(String sql, String column) throws IOException {
        Fixtures.Run run = build(questionsWith(sql));

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("evil.sql:2 column " + column + ": statement 'evil' returns column '" + column
                + "', which identifies a member"), run.err());
    }
}
