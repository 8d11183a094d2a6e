package dev.marquee;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Times each stage, prints one progress line per stage as it ends, and a summary table at the end of the run. */
public final class StageTimer {

    /** One finished stage: its name, wall time and what it did in a few words. */
    public record Stage(String name, long nanos, String summary) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    private final PrintStream out;
    private final List<Stage> stages = new ArrayList<>();

    public StageTimer(PrintStream out) {
        this.out = out;
    }

    public <T> T time(String name, Supplier<T> work, java.util.function.Function<T, String> summary) {
        long start = System.nanoTime();
        T result = work.get();
        Stage stage = new Stage(name, System.nanoTime() - start, summary.apply(result));
        stages.add(stage);
        out.println(String.format(Locale.ROOT, "%-9s %6.2f s  %s", stage.name(), stage.seconds(), stage.summary()));
        return result;
    }

    public void time(String name, Runnable work, String summary) {
        time(name, () -> {
            work.run();
            return summary;
        }, s -> s);
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    public void printSummary(long startNanos) {
        double total = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder line = new StringBuilder("timings  ");
        for (Stage stage : stages) {
            line.append(String.format(Locale.ROOT, " %s %.2f s ·", stage.name(), stage.seconds()));
        }
        line.append(String.format(Locale.ROOT, " total %.2f s", total));
        out.println(line);
    }
}
