package dev.marquee.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place work starts on another thread. A run opens one (Pipeline) and closes it when the run ends, whatever
 * the outcome, and hands it to each stage that works side by side. Every task has a name ("engine", "pdf-fonts",
 * "text-check", ...), which its thread carries while it runs ({@code marquee engine}), so a thread dump says what is
 * running.
 *
 * <p>A task gets a thread at once (one an earlier task left idle, or a new one): a run starts a handful at a time, and
 * a task kept waiting for a free thread would hold up the stage that waits for it (the second session of a load
 * behind the font loading, say). Work split to fill the machine ({@link #each}) is split into as many parts as the
 * machine has cores. The threads are daemons, so a task nobody waits for never keeps the JVM alive.
 *
 * <p>{@link #close()} refuses new tasks, waits for those still running and for their threads to end: a failed run
 * leaves no thread of its own behind for the next run in the same JVM (the tests build many reports in one). Running
 * tasks are not interrupted: an interrupt that lands in a class's initialiser or an NIO read (the fonts, DuckDB's
 * native library) breaks that class or file for the rest of the JVM, and every task a run starts is short or is
 * waited for by its stage anyway.
 */
public final class Background implements AutoCloseable {

    /** Every thread of a background starts its name so; then comes the name of the task it runs, or "idle". */
    public static final String THREAD_PREFIX = "marquee ";
    private static final String IDLE = THREAD_PREFIX + "idle";

    private final ThreadPoolExecutor executor;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    private Background() {
        executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
            Thread thread = new Thread(work, IDLE);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
    }

    /** A background for one run (or one command); close it when the run ends. */
    public static Background open() {
        return new Background();
    }

    /** Starts {@code work} on a thread named after the task; the future holds its value or what it threw. */
    public <T> CompletableFuture<T> start(String task, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                Thread thread = Thread.currentThread();
                thread.setName(THREAD_PREFIX + task);
                T value = null;
                Throwable failure = null;
                try {
                    value = work.get();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                // Before the result is given: whoever waits for it sees the thread idle.
                thread.setName(IDLE);
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("task '" + task + "' started after its run ended", e);
        }
        return result;
    }

    /** As {@link #start}, for work that gives no value. */
    public CompletableFuture<Void> run(String task, Runnable work) {
        return start(task, () -> {
            work.run();
            return null;
        });
    }

    /** Initialises a class (and whatever its set-up loads) as a task; whoever uses it later waits only for what is left. */
    public void initialise(String task, Class<?> type) {
        initialise(task, type.getName(), type.getClassLoader());
    }

    /** As {@link #initialise(String, Class)}, for a class this code cannot name (a library's package-private one). */
    public void initialise(String task, String className, ClassLoader loader) {
        run(task, () -> {
            try {
                Class.forName(className, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // The code that uses the class reports the problem.
            }
        });
    }

    /**
     * {@code work} applied to every item, side by side on as many threads as the machine has cores, this one among them;
     * the results in the items' order. After a failure no item starts, and the failure is rethrown as it was thrown.
     */
    public <T, R> List<R> each(String task, List<T> items, Function<T, R> work) {
        int parts = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (parts <= 1) {
            return items.stream().map(work).toList();
        }
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Object[] results = new Object[items.size()];
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < items.size() && !failed.get(); i = next.getAndIncrement()) {
                try {
                    results[i] = work.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }
        };
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            others.add(run(task, take));
        }
        RuntimeException failure = null;
        try {
            take.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> other : others) {
            try {
                join(other);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        @SuppressWarnings("unchecked")
        List<R> inOrder = (List<R>) java.util.Arrays.asList(results);
        return java.util.Collections.unmodifiableList(inOrder);
    }

    /** The value, or the exception the work threw, unwrapped so a ReportException keeps its exit code. */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Refuses new tasks, then waits for the running ones and for every thread it made to end. Closing again does nothing. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // A task still running: its stage gave up on it, but its thread must not outlive the run.
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
