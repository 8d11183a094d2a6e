package dev.marquee.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work on other threads: waiting for its result as if it had run here, and loading things nobody waits for yet. */
public final class Background {

    private Background() {
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

    /** Initialises a class (and whatever its set-up loads) on a daemon thread; whoever uses it later waits only for what is left. */
    public static void initialise(Class<?> type, String threadName) {
        initialise(type.getName(), type.getClassLoader(), threadName);
    }

    /** As {@link #initialise(Class, String)}, for a class this code cannot name (a library's package-private one). */
    public static void initialise(String className, ClassLoader loader, String threadName) {
        Thread thread = new Thread(() -> {
            try {
                Class.forName(className, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // The code that uses the class reports the problem.
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }
}
