package dev.marquee.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named tasks on the run's background: their results, their failures, and no thread left once it is closed. */
class BackgroundTest {

    private final Background background = Background.open();

    @AfterEach
    void closeTheBackground() {
        background.close();
    }

    @Test
    void start_aRunningTask_itsThreadCarriesTheTaskName() {
        CompletableFuture<String> name = background.start("text-check", () -> Thread.currentThread().getName());

        assertEquals("marquee text-check", Background.join(name));
    }

    @Test
    void join_theTaskThrewAReportException_rethrowsItAsThrown() {
        ReportException thrown = new ReportException(ReportException.QUESTION_PROBLEM, "statement 'x' is not a query");

        CompletableFuture<Void> failed = background.run("kind-check", () -> {
            throw thrown;
        });

        assertSame(thrown, assertThrows(ReportException.class, () -> Background.join(failed)),
                "the exception itself, so it keeps its exit code");
    }

    @Test
    void close_aTaskStillRunning_waitsForItAndLeavesNoThread() throws InterruptedException {
        java.util.Set<Thread> before = threadsNamedLikeTasks();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> slow = background.start("models", () -> {
            started.countDown();
            sleep(200);
            return "fitted";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));

        background.close();

        assertEquals("fitted", slow.getNow("still running"));
        java.util.Set<Thread> left = threadsNamedLikeTasks();
        left.removeAll(before);
        assertEquals(java.util.Set.of(), left);
    }

    @Test
    void start_afterClose_isRefused() {
        background.close();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> background.run("slice-pages", () -> { }));

        assertEquals("task 'slice-pages' started after its run ended", refused.getMessage());
    }

    @Test
    void each_manyItems_resultsInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();

        List<Integer> squares = background.each("charts", items, i -> {
            sleep(i % 3);
            return i * i;
        });

        assertEquals(items.stream().map(i -> i * i).toList(), squares);
    }

    @Test
    void each_anItemFails_rethrowsItsExceptionAsThrown() {
        IllegalStateException bad = new IllegalStateException("chart 7 cannot be drawn");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> background.each("charts",
                IntStream.range(0, 20).boxed().toList(), i -> {
                    if (i == 7) {
                        throw bad;
                    }
                    return i;
                }));

        assertSame(bad, thrown);
    }

    /** The live threads of any background. */
    static java.util.Set<Thread> threadsNamedLikeTasks() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith(Background.THREAD_PREFIX))
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
