package dev.marquee.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One size and format measured: every run of the report and of the engine alone, the report's output sizes, and the
 * peer's runs on the same size (none when it was not measured). Figures come from the median run by wall time, so a
 * run's stages add up. {@code scanSeconds} is one plain read of the viewing events, the physical floor (NaN when not
 * measured).
 */
record Measurement(Size size, String format, long inputBytes, List<ChildJvm.Run> reports, List<ChildJvm.Run> baselines,
                   long siteBytes, long pdfBytes, List<ChildJvm.Run> peers, double scanSeconds, List<ChildJvm.Run> sliced) {

    Measurement {
        reports = List.copyOf(reports);
        baselines = List.copyOf(baselines);
        peers = List.copyOf(peers);
        sliced = List.copyOf(sliced);
    }

    /** Without the peer's runs and without the plain scan (NaN: not measured). */
    Measurement(Size size, String format, long inputBytes, List<ChildJvm.Run> reports, List<ChildJvm.Run> baselines,
                long siteBytes, long pdfBytes) {
        this(size, format, inputBytes, reports, baselines, siteBytes, pdfBytes, List.of(), Double.NaN, List.of());
    }

    Measurement withPeers(List<ChildJvm.Run> runs) {
        return new Measurement(size, format, inputBytes, reports, baselines, siteBytes, pdfBytes, runs, scanSeconds, sliced);
    }

    /** With the runs of the same report with {@code --slices}: what the slices cost beside the report alone. */
    Measurement withSliced(List<ChildJvm.Run> runs) {
        return new Measurement(size, format, inputBytes, reports, baselines, siteBytes, pdfBytes, peers, scanSeconds, runs);
    }

    boolean slicedSucceeded() {
        return !sliced.isEmpty() && sliced.stream().allMatch(ChildJvm.Run::succeeded);
    }

    /** How much longer the report takes with its slices: sliced wall time over the report's, less one (medians). */
    double slicesCost() {
        return median(sliced).wallSeconds() / report().wallSeconds() - 1;
    }

    /** With the seconds DuckDB takes to read the viewing events once and add up a column: the floor of any report. */
    Measurement withScan(double seconds) {
        return new Measurement(size, format, inputBytes, reports, baselines, siteBytes, pdfBytes, peers, seconds, sliced);
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

    boolean peerMeasured() {
        return !peers.isEmpty();
    }

    boolean peerSucceeded() {
        return peerMeasured() && peers.stream().allMatch(ChildJvm.Run::succeeded);
    }

    ChildJvm.Run peer() {
        return median(peers);
    }

    /** How many times faster the report is than the peer: peer wall time over report wall time (medians). */
    double peerSpeedup() {
        return peer().wallSeconds() / report().wallSeconds();
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
