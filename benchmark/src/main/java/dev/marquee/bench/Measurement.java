package dev.marquee.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One size and format measured: every run of the report and of the engine alone, and the report's output sizes.
 * Figures come from the median run by wall time, so a run's stages add up.
 */
record Measurement(Size size, String format, long inputBytes, List<ChildJvm.Run> reports, List<ChildJvm.Run> baselines,
                   long siteBytes, long pdfBytes) {

    Measurement {
        reports = List.copyOf(reports);
        baselines = List.copyOf(baselines);
    }

    boolean succeeded() {
        return !reports.isEmpty() && reports.stream().allMatch(ChildJvm.Run::succeeded)
                && !baselines.isEmpty() && baselines.stream().allMatch(ChildJvm.Run::succeeded);
    }

    ChildJvm.Run report() {
        return median(reports);
    }

    ChildJvm.Run baseline() {
        return median(baselines);
    }

    /** Report wall time over engine-alone wall time (medians). */
    double ratio() {
        return report().wallSeconds() / baseline().wallSeconds();
    }

    static ChildJvm.Run median(List<ChildJvm.Run> runs) {
        List<ChildJvm.Run> sorted = runs.stream().sorted(Comparator.comparingDouble(ChildJvm.Run::wallSeconds)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    static double min(List<ChildJvm.Run> runs) {
        return runs.stream().mapToDouble(ChildJvm.Run::wallSeconds).min().orElse(Double.NaN);
    }

    static double max(List<ChildJvm.Run> runs) {
        return runs.stream().mapToDouble(ChildJvm.Run::wallSeconds).max().orElse(Double.NaN);
    }
}
