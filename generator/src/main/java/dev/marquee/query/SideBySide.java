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

    /** The statements' results, the second session starting once {@code secondStartsAfter} is done. */
    static Outcome query(Background background, Engine engine, List<String> statements, java.util.concurrent.CompletableFuture<?> secondStartsAfter) {
        Table[] tables = new Table[statements.size()];
        EngineException[] errors = new EngineException[statements.size()];
        AtomicBoolean failed = new AtomicBoolean();
        Sessions.share(background, engine, statements.size(), secondStartsAfter, (session, i) -> {
            if (failed.get()) {
                return;
            }
            try {
                tables[i] = session.query(statements.get(i));
            } catch (EngineException e) {
                errors[i] = e;
                failed.set(true);
            }
        });
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != null) {
                return new Outcome(List.of(), Optional.of(new Failure(i, errors[i])));
            }
        }
        return new Outcome(new ArrayList<>(Arrays.asList(tables)), Optional.empty());
    }
}
