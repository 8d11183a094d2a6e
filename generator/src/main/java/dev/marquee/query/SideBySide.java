package dev.marquee.query;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Sessions;
import dev.marquee.engine.Table;
import dev.marquee.run.Background;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs statements two at a time where the engine offers a second session ({@link Sessions}). Results come back in
 * statement order; after a failure no new statement starts, and the failure reported is the first in statement
 * order, as if they had run one after another.
 */
final class SideBySide {

    /** A failed statement: its position in the list and what the engine said. */
    record Failure(int index, EngineException error) {
    }

    /** The results in statement order, or the first failure. */
    record Outcome(List<Table> tables, Optional<Failure> failure) {
    }

    /** A statement's columns, or why the engine could not describe it. */
    record Description(List<dev.marquee.engine.Column> columns, EngineException error) {
    }

    private SideBySide() {
    }

    /**
     * Describes every statement (the engine parses and plans it without running it), two at a time like
     * {@link #query}; unlike it, a failure stops nothing, so the check can report every problem at once.
     */
    static List<Description> describe(Background background, Engine engine, List<String> statements) {
        Description[] described = new Description[statements.size()];
        Sessions.share(background, engine, statements.size(), (session, i) -> {
            try {
                described[i] = new Description(session.describe(statements.get(i)), null);
            } catch (EngineException e) {
                described[i] = new Description(null, e);
            }
        });
        return Arrays.asList(described);
    }

    /**
     * The statements' results, the second session starting once {@code secondStartsAfter} is done. Side by side, the
     * statements start in order of {@code costs}, largest first (ties in statement order): each session takes the next,
     * and a long statement taken last would run alone on one thread while the other session idles. A failure while a
     * statement runs (a value that does not cast) is still the first in statement order: the statements before it that
     * did not start are run, one at a time, to see. A statement that does not plan (a table or column it names is not
     * there) is reported at once: the caller then plans every statement and reports each one that does not.
     *
     * @param costs per statement, what it is expected to take (the rows it reads), in any unit
     */
    static Outcome query(Background background, Engine engine, List<String> statements, long[] costs,
                         java.util.concurrent.CompletableFuture<?> secondStartsAfter) {
        List<Integer> order = engine.sideBySide() ? largestFirst(costs)
                : java.util.stream.IntStream.range(0, statements.size()).boxed().toList();
        Table[] tables = new Table[statements.size()];
        EngineException[] errors = new EngineException[statements.size()];
        AtomicBoolean failed = new AtomicBoolean();
        Sessions.share(background, engine, statements.size(), secondStartsAfter, (session, k) -> {
            if (failed.get()) {
                return;
            }
            int i = order.get(k);
            try {
                tables[i] = session.query(statements.get(i));
            } catch (EngineException e) {
                errors[i] = e;
                failed.set(true);
            }
        });
        java.util.OptionalInt firstFailure = java.util.stream.IntStream.range(0, errors.length).filter(i -> errors[i] != null).findFirst();
        boolean runsLaterToSee = firstFailure.isPresent() && plans(engine, statements.get(firstFailure.getAsInt()));
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] == null && tables[i] == null && runsLaterToSee) {
                try {
                    tables[i] = engine.query(statements.get(i));
                } catch (EngineException e) {
                    errors[i] = e;
                }
            }
            if (errors[i] != null) {
                return new Outcome(List.of(), Optional.of(new Failure(i, errors[i])));
            }
        }
        return new Outcome(new ArrayList<>(Arrays.asList(tables)), Optional.empty());
    }

    private static boolean plans(Engine engine, String statement) {
        try {
            engine.describe(statement);
            return true;
        } catch (EngineException e) {
            return false;
        }
    }

    /** The indexes of {@code costs}, largest cost first, ties in index order. */
    static List<Integer> largestFirst(long[] costs) {
        return java.util.stream.IntStream.range(0, costs.length).boxed()
                .sorted(java.util.Comparator.comparingLong((Integer i) -> costs[i]).reversed()).toList();
    }
}
