package dev.marquee.engine;

import dev.marquee.Background;

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
     * all are done and the second session is closed. An exception {@code work} lets through is rethrown here.
     */
    public static void share(Engine engine, int count, BiConsumer<Engine, Integer> work) {
        AtomicInteger next = new AtomicInteger();
        Optional<Engine> second = count > 1 ? engine.newSession() : Optional.empty();
        AtomicBoolean threadsGivenBack = new AtomicBoolean(second.isEmpty());
        Consumer<Engine> giveThreadsBack = session -> {
        };
        try {
            if (second.isPresent()) {
                giveThreadsBack = engine.oneThreadPerStatement();
            }
            Consumer<Engine> restore = giveThreadsBack;
            Consumer<Engine> take = session -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.accept(session, i);
                }
                // This session is idle now, so it may carry the setting while the other is mid-statement.
                if (threadsGivenBack.compareAndSet(false, true)) {
                    restore.accept(session);
                }
            };
            CompletableFuture<Void> other = second.map(session -> CompletableFuture.runAsync(() -> take.accept(session)))
                    .orElse(CompletableFuture.completedFuture(null));
            try {
                take.accept(engine);
            } finally {
                Background.join(other);
            }
        } finally {
            if (threadsGivenBack.compareAndSet(false, true)) {
                giveThreadsBack.accept(engine);
            }
            second.ifPresent(Engine::close);
        }
    }
}
