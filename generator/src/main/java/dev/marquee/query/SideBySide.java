package dev.marquee.query;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs statements on the engine and, when it offers a second session on the same data, on that one at the same
 * time: each session takes the next statement not yet taken. Small statements leave the engine's threads idle
 * between them (planning, single-threaded steps, fetching the result), which the other session fills.
 * Results come back in statement order; after a failure no new statement starts, and the failure reported is the
 * first in statement order, as if they had run one after another.
 */
final class SideBySide {

    /** A failed statement: its position in the list and what the engine said. */
    record Failure(int index, EngineException error) {
    }

    /** The results in statement order, or the first failure. */
    record Outcome(List<Table> tables, Optional<Failure> failure) {
    }

    /** A statement's columns, or why the engine could not describe it. */
    record Description(java.util.List<dev.marquee.engine.Column> columns, EngineException error) {
    }

    private SideBySide() {
    }

    /**
     * Describes every statement (the engine parses and plans it without running it), two at a time like
     * {@link #query}; unlike it, a failure stops nothing, so the check can report every problem at once.
     */
    static List<Description> describe(Engine engine, List<String> statements) {
        Description[] described = new Description[statements.size()];
        AtomicInteger next = new AtomicInteger();
        java.util.function.Consumer<Engine> take = session -> {
            for (int i = next.getAndIncrement(); i < statements.size(); i = next.getAndIncrement()) {
                try {
                    described[i] = new Description(session.describe(statements.get(i)), null);
                } catch (EngineException e) {
                    described[i] = new Description(null, e);
                }
            }
        };
        Optional<Engine> second = statements.size() > 1 ? engine.newSession() : Optional.empty();
        try {
            CompletableFuture<Void> other = second.map(session -> CompletableFuture.runAsync(() -> take.accept(session)))
                    .orElse(CompletableFuture.completedFuture(null));
            take.accept(engine);
            other.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            second.ifPresent(Engine::close);
        }
        return Arrays.asList(described);
    }

    static Outcome query(Engine engine, List<String> statements) {
        Table[] tables = new Table[statements.size()];
        EngineException[] errors = new EngineException[statements.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Optional<Engine> second = statements.size() > 1 ? engine.newSession() : Optional.empty();
        try {
            CompletableFuture<Void> other = second.map(session -> CompletableFuture.runAsync(
                    () -> work(session, statements, tables, errors, next, failed))).orElse(CompletableFuture.completedFuture(null));
            work(engine, statements, tables, errors, next, failed);
            other.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            second.ifPresent(Engine::close);
        }
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != null) {
                return new Outcome(List.of(), Optional.of(new Failure(i, errors[i])));
            }
        }
        return new Outcome(new ArrayList<>(Arrays.asList(tables)), Optional.empty());
    }

    private static void work(Engine session, List<String> statements, Table[] tables, EngineException[] errors,
                             AtomicInteger next, AtomicBoolean failed) {
        for (int i = next.getAndIncrement(); i < statements.size() && !failed.get(); i = next.getAndIncrement()) {
            try {
                tables[i] = session.query(statements.get(i));
            } catch (EngineException e) {
                errors[i] = e;
                failed.set(true);
            }
        }
    }
}
