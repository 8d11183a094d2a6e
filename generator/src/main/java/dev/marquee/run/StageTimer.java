package dev.marquee.run;

import dev.marquee.format.SafeText;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times each stage, prints one progress line per stage as it ends, and a summary line at the end of the run with the
 * process's CPU time, peak Java heap and peak resident memory.
 */
public final class StageTimer {

    /** One finished stage: its name, wall time and what it did in a few words. */
    public record Stage(String name, long nanos, String summary) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    /** Work for {@link #together}: a stage's name, what it does, and the summary printed when it ends. */
    public record Work(String name, Runnable run, String summary) {
    }

    private final PrintStream out;
    private final List<Stage> stages = new ArrayList<>();

    public StageTimer(PrintStream out) {
        this.out = out;
    }

    public <T> T time(String name, Supplier<T> work, Function<T, String> summary) {
        return time(name, System.nanoTime(), work, summary);
    }

    /** As {@link #time(String, Supplier, Function)}, for a stage whose first steps ran from {@code startNanos} on. */
    public <T> T time(String name, long startNanos, Supplier<T> work, Function<T, String> summary) {
        T result = work.get();
        record(new Stage(name, System.nanoTime() - startNanos, summary.apply(result)));
        return result;
    }

    public void time(String name, Runnable work, String summary) {
        time(name, () -> {
            work.run();
            return summary;
        }, s -> s);
    }

    /** Records a stage that began at {@code startNanos} and ends now, such as the start-up before the first stage. */
    public void since(String name, long startNanos, String summary) {
        record(new Stage(name, System.nanoTime() - startNanos, summary));
    }

    /**
     * Runs independent stages side by side (the first on this thread, the others as tasks of the background), each
     * timed on its own, and reports them in the order given once all have ended. The first failure (in that order) is
     * rethrown as it was thrown.
     */
    public void together(Background background, Work... works) {
        List<CompletableFuture<Stage>> running = new ArrayList<>();
        for (int i = 1; i < works.length; i++) {
            Work work = works[i];
            running.add(background.start(work.name(), () -> run(work)));
        }
        RuntimeException failure = null;
        List<Stage> ended = new ArrayList<>();
        try {
            ended.add(run(works[0]));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Stage> stage : running) {
            try {
                ended.add(Background.join(stage));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        ended.forEach(this::record);
    }

    private static Stage run(Work work) {
        long start = System.nanoTime();
        work.run().run();
        return new Stage(work.name(), System.nanoTime() - start, work.summary());
    }

    private void record(Stage stage) {
        stages.add(stage);
        // A summary may name a file or folder, whose name may hold anything: one stage, one line.
        out.println(String.format(Locale.ROOT, "%-9s %6.2f s  %s", stage.name(), stage.seconds(), SafeText.message(stage.summary())));
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** {@code timings  load 0.19 s · ... · total 3.11 s · cpu 4.02 s · peak heap 96 MB · peak RSS 380 MB}. */
    public void printSummary(long startNanos) {
        double total = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder line = new StringBuilder("timings  ");
        for (Stage stage : stages) {
            line.append(String.format(Locale.ROOT, " %s %.2f s ·", stage.name(), stage.seconds()));
        }
        line.append(String.format(Locale.ROOT, " total %.2f s", total));
        line.append(resources());
        out.println(line);
    }

    /**
     * CPU time of the whole process (DuckDB's threads included), the peak Java heap (the sum of each heap pool's peak,
     * an upper bound) and, where the system reports it (Linux), the peak resident memory.
     */
    static String resources() {
        StringBuilder text = new StringBuilder();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            text.append(String.format(Locale.ROOT, " · cpu %.2f s", os.getProcessCpuTime() / 1e9));
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        text.append(String.format(Locale.ROOT, " · peak heap %d MB", heap >> 20));
        peakResidentKilobytes().ifPresent(kb -> text.append(String.format(Locale.ROOT, " · peak RSS %d MB", kb >> 10)));
        return text.toString();
    }

    private static java.util.Optional<Long> peakResidentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return java.util.Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the line goes without it.
        }
        return java.util.Optional.empty();
    }
}
