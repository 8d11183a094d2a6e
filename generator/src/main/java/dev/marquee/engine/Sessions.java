package dev.marquee.engine;

import dev.marquee.run.Background;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Work items run on the engine and, when it offers a second session on the same data, on that one at the same time:
 * each session takes the next item not yet taken. Small statements leave the engine's threads idle between them
 * (planning, single-threaded steps, fetching results, reading a gzipped file), which the other session fills.
 * While both sessions have items, each statement runs on one thread; the first session to run out gives the
 * engine's threads back, so the last statements are not left on one core. When the engine runs statements one at a
 * time ({@link Engine#sideBySide()}: data large against its memory), the items run in order on the engine itself.
 */
public final class Sessions {

    private Sessions() {
    }

    /**
     * Calls {@code work} with a session and each index from 0 to {@code count - 1}, in that order of taking; returns when
     * all are done and the second session is closed. The second session's items are taken by a task of the background
     * ("second-session"). An exception {@code work} lets through is rethrown here.
     */
    public static void share(Background background, Engine engine, int count, BiConsumer<Engine, Integer> work) {
        share(background, engine, count, CompletableFuture.completedFuture(null), work);
    }

    /**
     * As {@link #share(Background, Engine, int, BiConsumer)}, but the second session starts taking items only once
     * {@code secondStartsAfter} is done (however it ends): other work on the engine, such as a long stream on a
     * session of its own, has a core to itself until then.
     */
    public static void share(Background background, Engine engine, int count, CompletableFuture<?> secondStartsAfter,
                             BiConsumer<Engine, Integer> work) {
        share(background, engine, count, secondStartsAfter, true, work);
    }

    /**
     * As {@link #share(Background, Engine, int, BiConsumer)}, but each statement keeps every thread of the engine, so
     * two statements side by side share them: for statements that are mostly one scan DuckDB spreads over its threads
     * (reading files), where one large scan on one thread would leave a core idle once the small ones are done.
     */
    public static void shareEveryThread(Background background, Engine engine, int count, BiConsumer<Engine, Integer> work) {
        share(background, engine, count, CompletableFuture.completedFuture(null), false, work);
    }

    private static void share(Background background, Engine engine, int count, CompletableFuture<?> secondStartsAfter,
                              boolean oneThreadEach, BiConsumer<Engine, Integer> work) {
        AtomicInteger next = new AtomicInteger();
        Optional<Engine> second = count > 1 && engine.sideBySide() ? engine.newSession() : Optional.empty();
        try {
            Consumer<Engine> giveThreadsBack = second.isPresent() && oneThreadEach ? once(engine.oneThreadPerStatement()) : session -> {
            };
            // Done when every item is taken: a second session still waiting to start then has nothing left to wait for.
            CompletableFuture<Void> allTaken = new CompletableFuture<>();
            Consumer<Engine> take = session -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.accept(session, i);
                }
                allTaken.complete(null);
                // This session is idle now, so it may carry the setting while the other is mid-statement.
                giveThreadsBack.accept(session);
            };
            CompletableFuture<Void> other = second.map(session -> background.run("second-session", () -> {
                        CompletableFuture.anyOf(secondStartsAfter.handle((done, failed) -> null), allTaken).join();
                        take.accept(session);
                    }))
                    .orElse(CompletableFuture.completedFuture(null));
            try {
                take.accept(engine);
            } finally {
                try {
                    // A no-op unless this session's work failed before it could give the threads back.
                    giveThreadsBack.accept(engine);
                } finally {
                    Background.join(other);
                }
            }
        } finally {
            second.ifPresent(Engine::close);
        }
    }

    /** The action, run by whichever session calls first; later calls do nothing. */
    private static Consumer<Engine> once(Consumer<Engine> action) {
        AtomicBoolean done = new AtomicBoolean();
        return session -> {
            if (done.compareAndSet(false, true)) {
                action.accept(session);
            }
        };
    }
}
