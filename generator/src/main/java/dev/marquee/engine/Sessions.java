package dev.marquee.engine;

import dev.marquee.Background;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Work items run on the engine and, when it offers a second session on the same data, on that one at the same time:
 * each session takes the next item not yet taken. Small statements leave the engine's threads idle between them
 * (planning, single-threaded steps, fetching results, reading a gzipped file), which the other session fills.
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
        java.util.function.Consumer<Engine> take = session -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                work.accept(session, i);
            }
        };
        Optional<Engine> second = count > 1 ? engine.newSession() : Optional.empty();
        try {
            CompletableFuture<Void> other = second.map(session -> CompletableFuture.runAsync(() -> take.accept(session)))
                    .orElse(CompletableFuture.completedFuture(null));
            take.accept(engine);
            Background.join(other);
        } finally {
            second.ifPresent(Engine::close);
        }
    }
}
