package dev.marquee.query;

import dev.marquee.engine.DuckDbEngine;
import dev.marquee.run.Background;
import dev.marquee.engine.Table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statements run on two sessions at once come back as if they had run one after another. */
class SideBySideTest {

    @TempDir
    Path temp;

    /** The statements run side by side on a new engine, started by cost, the second session once {@code secondStartsAfter} is done. */
    private SideBySide.Outcome query(List<String> statements, long[] costs, CompletableFuture<?> secondStartsAfter) {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB"); Background background = Background.open()) {
            return SideBySide.query(background, engine, statements, costs, secondStartsAfter);
        }
    }

    @Test
    void query_manyStatements_resultsInStatementOrder() {
        List<String> statements = IntStream.range(0, 40).mapToObj(i -> "SELECT " + i + " AS n, count(*) AS c FROM range(" + (i * 1000) + ")").toList();

        SideBySide.Outcome outcome = query(statements, new long[statements.size()], CompletableFuture.completedFuture(null));

        assertTrue(outcome.failure().isEmpty());
        List<Long> firsts = new ArrayList<>();
        for (Table table : outcome.tables()) {
            firsts.add((Long) table.value(0, "n"));
            assertEquals((Long) table.value(0, "n") * 1000, table.value(0, "c"));
        }
        assertEquals(LongStream.range(0, 40).boxed().toList(), firsts);
    }

    @Test
    void query_twoFailures_reportsTheFirstInStatementOrder() {
        // The second statement fails only when its scan reaches the last of 10 million rows; the fourth fails at once,
        // on the other session, while the second is still running. Run one after another, the second fails first.
        List<String> statements = List.of(
                "SELECT 1",
                "SELECT max(CAST(CASE WHEN i = 9999999 THEN 'not a number' ELSE CAST(i AS VARCHAR) END AS INTEGER)) FROM range(10000000) AS r(i)",
                "SELECT 3",
                "SELECT * FROM no_such_table");

        SideBySide.Outcome outcome = query(statements, new long[statements.size()], CompletableFuture.completedFuture(null));

        assertEquals(1, outcome.failure().orElseThrow().index());
        assertTrue(outcome.failure().get().error().getMessage().contains("not a number"), outcome.failure().get().error().getMessage());
    }

    @Test
    void largestFirst_ordersByCost_tiesInStatementOrder() {
        assertEquals(List.of(2, 0, 3, 1, 4), SideBySide.largestFirst(new long[]{50, 7, 900, 50, 0}));
    }

    /**
     * The statement that fails at once as it runs costs most, so it starts first and no other starts after it; the one
     * before it in statement order, which fails only at its last row, is still the failure reported, as one after another.
     */
    @Test
    void query_aCostlyStatementFailingFirst_stillReportsTheFirstFailureInStatementOrder() {
        List<String> statements = List.of(
                "SELECT 1",
                "SELECT max(CAST(CASE WHEN i = 999999 THEN 'not a number' ELSE CAST(i AS VARCHAR) END AS INTEGER)) FROM range(1000000) AS r(i)",
                "SELECT 3",
                "SELECT max(CAST(CASE WHEN i = 0 THEN 'x' ELSE CAST(i AS VARCHAR) END AS INTEGER)) FROM range(10) AS r(i)");

        // The second session waits for every statement to be taken, so none runs beside the first.
        SideBySide.Outcome outcome = query(statements, new long[]{0, 0, 0, 100}, new CompletableFuture<>());

        assertEquals(1, outcome.failure().orElseThrow().index());
        assertTrue(outcome.failure().get().error().getMessage().contains("not a number"), outcome.failure().get().error().getMessage());
    }

    @Test
    void query_costsOrderTheStart_notTheResults() {
        List<String> statements = IntStream.range(0, 12).mapToObj(i -> "SELECT " + i + " AS n").toList();
        long[] costs = IntStream.range(0, 12).mapToLong(i -> i).toArray();

        SideBySide.Outcome outcome = query(statements, costs, CompletableFuture.completedFuture(null));

        assertEquals(LongStream.range(0, 12).boxed().toList(), outcome.tables().stream().map(t -> (Long) t.value(0, "n")).toList());
    }

    /**
     * A statement that does not plan is reported at once, with no statement before it run to see: the query stage then
     * plans every statement and reports each one that does not. Run, the first would have failed and been reported.
     */
    @Test
    void query_aCostlyStatementThatDoesNotPlan_isReportedWithoutRunningTheOthers() {
        List<String> statements = List.of(
                "SELECT max(CAST(CASE WHEN i = 0 THEN 'x' ELSE CAST(i AS VARCHAR) END AS INTEGER)) FROM range(10) AS r(i)",
                "SELECT * FROM no_such_table");

        SideBySide.Outcome outcome = query(statements, new long[]{0, 100}, new CompletableFuture<>());

        assertEquals(1, outcome.failure().orElseThrow().index());
    }
}
