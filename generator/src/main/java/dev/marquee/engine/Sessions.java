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
 * engine's threads back, so the last statements are not left on one core.
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
        AtomicInteger next = new AtomicInteger();
        Optional<Engine> second = count > 1 ? engine.newSession() : Optional.empty();
        try {
            Consumer<Engine> giveThreadsBack = second.isPresent() ? once(engine.oneThreadPerStatement()) : session -> {
            };
            Consumer<Engine> take = session -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.accept(session, i);
                }
                // This session is idle now, so it may carry the setting while the other is mid-statement.
                giveThreadsBack.accept(session);
            };
            CompletableFuture<Void> other = second.map(session -> background.run("second-session", () -> take.accept(session)))
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
