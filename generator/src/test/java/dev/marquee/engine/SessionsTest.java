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

/**
 * Work on two DuckDB sessions runs each statement on one thread, and the database's thread count comes back after; or,
 * shared with every thread, each statement keeps them all.
 */
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
    void shareEveryThread_twoSessionsAtWork_eachStatementKeepsEveryThread() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB"); Background background = Background.open()) {
            engine.execute("SET threads = 4");
            AtomicLongArray seen = new AtomicLongArray(2);
            java.util.Set<String> sessionThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            CyclicBarrier bothAtWork = new CyclicBarrier(2);

            Sessions.shareEveryThread(background, engine, 2, (session, i) -> {
                await(bothAtWork);
                seen.set(i, threads(session));
                sessionThreads.add(Thread.currentThread().getName());
                await(bothAtWork);
            });

            assertEquals(4, seen.get(0));
            assertEquals(4, seen.get(1));
            assertEquals(2, sessionThreads.size(), "both items were at work at once, on two threads: " + sessionThreads);
            assertEquals(4, threads(engine));
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

    @Test
    void share_tablesOverMostOfTheMemoryLimit_oneStatementAtATimeOnEveryThread() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "40MB"); Background background = Background.open()) {
            engine.execute("SET threads = 4");
            // 3.6 million BIGINTs: about 29 MB in memory, more than 65% of 40 MB.
            engine.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(3600000)");
            engine.fitToLoadedData();
            java.util.List<String> sessions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.List<Long> threadsSeen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

            Sessions.share(background, engine, 3, (session, i) -> {
                sessions.add(Thread.currentThread().getName());
                threadsSeen.add(threads(session));
            });

            assertEquals(false, engine.sideBySide());
            assertEquals(1, sessions.stream().distinct().count(), "every item on the calling thread: " + sessions);
            assertEquals(java.util.List.of(4L, 4L, 4L), threadsSeen);
            engine.lock();
            assertEquals(4, threads(engine), "a locked engine that runs one statement at a time keeps its threads");
        }
    }

    @Test
    void share_smallTables_sideBySide() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB")) {
            engine.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(1000)");
            engine.fitToLoadedData();
            assertEquals(true, engine.sideBySide());
            engine.lock();
            assertEquals(1, threads(engine), "side by side, each statement keeps to one thread");
        }
    }

    @Test
    void share_secondSessionWaitsForOtherWork_theFirstTakesEveryItemMeanwhile() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "256MB"); Background background = Background.open()) {
            java.util.concurrent.CompletableFuture<Void> otherWork = new java.util.concurrent.CompletableFuture<>();
            java.util.List<String> takenBy = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

            // The other work never ends here: share still returns once the first session has taken every item.
            Sessions.share(background, engine, 4, otherWork, (session, i) -> takenBy.add(Thread.currentThread().getName()));

            assertEquals(java.util.Collections.nCopies(4, Thread.currentThread().getName()), takenBy);
        }
    }

    @Test
    void bytes_readsTheSizesDuckDbWrites() {
        assertEquals(java.util.OptionalLong.of(0), DuckDbEngine.bytes("0 bytes"));
        assertEquals(java.util.OptionalLong.of(512), DuckDbEngine.bytes("512 bytes"));
        assertEquals(java.util.OptionalLong.of(40L * 1024 * 1024), DuckDbEngine.bytes("40.0 MiB"));
        assertEquals(java.util.OptionalLong.of((long) (14.1 * 1024 * 1024 * 1024)), DuckDbEngine.bytes("14.1 GiB"));
        assertEquals(java.util.OptionalLong.of(2_000_000_000L), DuckDbEngine.bytes("2.0 GB"));
        // Not a size: the engine keeps statements side by side, as before the choice existed.
        assertEquals(java.util.OptionalLong.empty(), DuckDbEngine.bytes("unlimited"));
        assertEquals(java.util.OptionalLong.empty(), DuckDbEngine.bytes("1.2.3 GiB"));
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
