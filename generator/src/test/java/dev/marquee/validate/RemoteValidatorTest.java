package dev.marquee.validate;

import dev.marquee.engine.DuckDbEngine;
import dev.marquee.load.LoadResult;
import dev.marquee.load.RemoteTables;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.model.SetAside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules as a remote engine's tables are checked: each rule's rows counted (all of a table's rules in one scan of it),
 * nothing deleted. The tables live in a real DuckDB here, reached as a remote schema is, through its information schema;
 * TrinoEquivalenceTest runs the same statements on Trino.
 */
class RemoteValidatorTest {

    @TempDir
    Path temp;

    @Test
    void everyRuleOfATable_countsItsOwnRows_aRowBreakingTwoCountsForEach_andNothingIsDeleted() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            engine.execute("CREATE TABLE users (user_id VARCHAR, signup_date DATE, country VARCHAR, age INTEGER, gender VARCHAR, plan VARCHAR)");
            engine.execute("""
                    INSERT INTO users VALUES
                      ('u1', DATE '2024-01-05', 'Japan', 30, NULL, 'Basic'),
                      ('u2', DATE '2024-01-06', 'Japan', 130, NULL, 'Basic'),
                      ('u3', DATE '2024-01-07', '  ', -1, NULL, 'Basic'),
                      ('u4', DATE '2024-09-01', 'Japan', 40, NULL, 'Basic'),
                      ('u1', DATE '2024-01-05', 'Japan', 30, NULL, 'Basic')""");
            engine.execute("CREATE TABLE titles (title_id VARCHAR, title VARCHAR, type VARCHAR)");
            engine.execute("INSERT INTO titles VALUES ('t1', 'One', 'Movie'), ('t2', 'Two', 'Podcast')");
            engine.execute("CREATE TABLE viewing_sessions (user_id VARCHAR, title_id VARCHAR, started_at TIMESTAMP, "
                    + "minutes_watched DECIMAL(7,2), device VARCHAR, completed BOOLEAN)");
            engine.execute("""
                    INSERT INTO viewing_sessions VALUES
                      ('u1', 't1', TIMESTAMP '2024-02-01 20:00:00', 30, 'TV', true),
                      ('u9', 't1', TIMESTAMP '2024-02-02 20:00:00', 1500, 'TV', true),
                      ('u9', 't9', TIMESTAMP '2024-02-03 20:00:00', 20, 'TV', false)""");
            LoadResult found = RemoteTables.discover(engine, DataModel.standard(), "remote");

            ValidationReport report = RemoteValidator.validate(engine, found, LocalDate.of(2024, 6, 30), 1.0);

            Map<String, Long> counted = new TreeMap<>();
            for (SetAside aside : report.setAside()) {
                counted.merge(aside.table() + "." + aside.column() + " " + aside.rule(), aside.rows(), Long::sum);
            }
            assertEquals(Map.of(
                    "users.age above-maximum", 1L,
                    "users.age below-minimum", 1L,
                    "users.country blank-required", 1L,
                    "users.signup_date after-as-of", 1L,
                    "users.user_id duplicate-key", 1L,
                    "titles.type not-allowed", 1L,
                    "viewing_sessions.user_id unknown-reference", 2L,
                    "viewing_sessions.title_id unknown-reference", 1L,
                    "viewing_sessions.minutes_watched above-maximum", 1L), counted);
            List<String> samples = report.problems().stream().filter(p -> p.rule().equals("unknown-reference"))
                    .map(p -> p.column() + "=" + p.value()).toList();
            assertEquals(List.of("user_id=u9", "title_id=t9"), samples);
            assertTrue(report.problems().stream().filter(p -> p.severity() == Problem.Severity.SET_ASIDE).map(Problem::message)
                    .allMatch(m -> m.contains("rows stay in the remote table") || m.contains("earlier row")), report.problems().toString());
            assertEquals(5L, engine.scalar("SELECT count(*) FROM users"));
            assertEquals(3L, engine.scalar("SELECT count(*) FROM viewing_sessions"));
        }
    }
}
