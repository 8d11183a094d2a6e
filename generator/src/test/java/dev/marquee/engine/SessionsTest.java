package dev.marquee.engine;

import dev.marquee.run.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Work on two DuckDB sessions runs each statement on one thread, and the database's thread count comes back after. */
class SessionsTest {

    @TempDir
    Path temp;

    @Test
    void share_twoSessionsAtWork_eachStatementOnOneThreadThenAllThreadsBack() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB"); Background background = Background.open()) {
            engine.execute("SET threads = 4");
            long before = threads(engine);
            AtomicLongArray seen = new AtomicLongArray(2);
            CyclicBarrier bothAtWork = new CyclicBarrier(2);

            Sessions.share(background, engine, 2, (session, i) -> {
                // Both items are read while neither session has run out of work (which gives the threads back).
                await(bothAtWork);
                seen.set(i, threads(session));
                await(bothAtWork);
            });

            assertEquals(1, seen.get(0));
            assertEquals(1, seen.get(1));
            assertEquals(before, threads(engine));
        }
    }

    @Test
    void share_workFails_threadsBackAndTheFailureRethrown() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB"); Background background = Background.open()) {
            long before = threads(engine);

            EngineException failure = assertThrows(EngineException.class, () -> Sessions.share(background, engine, 4,
                    (session, i) -> session.query(i == 2 ? "SELECT * FROM no_such_table" : "SELECT " + i)));

            assertEquals(true, failure.getMessage().contains("no_such_table"), failure.getMessage());
            assertEquals(before, threads(engine));
        }
    }

    private static long threads(Engine session) {
        return ((Number) session.scalar("SELECT current_setting('threads')")).longValue();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
