package dev.marquee.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The measurements as Markdown: a time table, a memory and output table, the targets, and the machine. When the peer
 * was measured, both tables have its columns: its wall time, how many times faster the report is, its peak RSS.
 */
final class Results {

    static final double DEFAULT_DATA_TARGET_SECONDS = 2.5;
    static final double RATIO_TARGET = 1.3;
    static final long RATIO_TARGET_EVENTS = 10_000_000;
    private static final String BEGIN = "<!-- benchmark ";
    private static final String END = "<!-- end benchmark -->";

    private Results() {
    }

    static String markdown(String key, Machine machine, List<Measurement> measured, String started, List<String> jvmOptions,
                           String memoryLimit, int runs, LocalDate date, String loadAfter, Machine.SpeedCheck speedAfter,
                           String peer) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(key).append(" (").append(date).append(")\n\n");
        md.append("- Machine: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(machine.memory()).append(" RAM; ").append(machine.os()).append("\n");
        md.append("- Java: ").append(machine.jdk()).append("; ").append(machine.duckdb()).append("\n");
        md.append("- Each run a new JVM: ").append(started).append("; DuckDB memory limit ").append(memoryLimit).append(", spilling to the system's temporary folder\n");
        md.append("- Questions: ").append(questions(measured)).append("; median of ").append(runs)
                .append(" runs (sizes of 50M events and more: 1 run); load average ").append(machine.loadAverage())
                .append(" before, ").append(loadAfter).append(" after\n");
        md.append("- Speed check (one thread; lower is faster): ").append(machine.speed()).append(" before, ")
                .append(speedAfter).append(" after\n");
        if (!peer.isEmpty()) {
            md.append("- Peer: ").append(peer).append('\n');
        }
        md.append('\n');
        md.append(timeTable(measured)).append('\n');
        md.append(memoryTable(measured)).append('\n');
        md.append(targets(measured, jvmOptions));
        return md.toString();
    }

    private static String timeTable(List<Measurement> measured) {
        Set<String> stages = new LinkedHashSet<>();
        measured.stream().filter(Measurement::succeeded).forEach(m -> stages.addAll(m.report().timings().orElseThrow().stageNames()));
        List<String> header = new ArrayList<>(List.of("events", "format", "input"));
        stages.forEach(s -> header.add(s + " s"));
        header.addAll(List.of("report wall s (min–max)", "report CPU s", "DuckDB alone wall s (min–max)", "report ÷ DuckDB"));
        boolean scan = measured.stream().anyMatch(m -> !Double.isNaN(m.scanSeconds()));
        if (scan) {
            header.add("one scan of the events s");
        }
        boolean peer = measured.stream().anyMatch(Measurement::peerMeasured);
        if (peer) {
            header.addAll(List.of("peer wall s (min–max)", "report speed-up over peer (peer ÷ report)"));
        }
        boolean sliced = measured.stream().anyMatch(m -> !m.sliced().isEmpty());
        if (sliced) {
            header.addAll(List.of("with --slices wall s (min–max)", "slices' cost"));
        }
        StringBuilder md = new StringBuilder(row(header)).append(separator(header.size()));
        for (Measurement m : measured) {
            List<String> cells = new ArrayList<>(List.of(m.size().label(), m.format(), megabytes(m.inputBytes())));
            if (!m.succeeded()) {
                cells.add("failed: " + failure(m));
                md.append(row(cells));
                continue;
            }
            Timings report = m.report().timings().orElseThrow();
            stages.forEach(s -> cells.add(report.stages().containsKey(s) ? seconds(report.stages().get(s)) : ""));
            cells.add(seconds(m.report().wallSeconds()) + " (" + seconds(Measurement.min(m.reports())) + "–"
                    + seconds(Measurement.max(m.reports())) + ")");
            cells.add(seconds(report.cpuSeconds()));
            cells.add(seconds(m.baseline().wallSeconds()) + " (" + seconds(Measurement.min(m.baselines())) + "–"
                    + seconds(Measurement.max(m.baselines())) + ")");
            cells.add(String.format(Locale.ROOT, "%.2f", m.ratio()));
            if (scan) {
                cells.add(Double.isNaN(m.scanSeconds()) ? "" : seconds(m.scanSeconds()));
            }
            if (peer && m.peerSucceeded()) {
                cells.add(seconds(m.peer().wallSeconds()) + " (" + seconds(Measurement.min(m.peers())) + "–"
                        + seconds(Measurement.max(m.peers())) + ")");
                cells.add(String.format(Locale.ROOT, "%.2f×", m.peerSpeedup()));
            } else if (peer) {
                cells.add(m.peerMeasured() ? "failed: " + lastLine(m.peers().stream().filter(r -> !r.succeeded()).findFirst().orElseThrow()) : "");
                cells.add("");
            }
            if (sliced && m.slicedSucceeded()) {
                cells.add(seconds(Measurement.median(m.sliced()).wallSeconds()) + " (" + seconds(Measurement.min(m.sliced())) + "–"
                        + seconds(Measurement.max(m.sliced())) + ")");
                cells.add(String.format(Locale.ROOT, "+%.0f%%", 100 * m.slicesCost()));
            } else if (sliced) {
                cells.add(m.sliced().isEmpty() ? "" : "failed: " + lastLine(m.sliced().stream().filter(r -> !r.succeeded()).findFirst().orElseThrow()));
                cells.add("");
            }
            md.append(row(cells));
        }
        return md.toString();
    }

    private static String memoryTable(List<Measurement> measured) {
        boolean peer = measured.stream().anyMatch(Measurement::peerMeasured);
        List<String> header = new ArrayList<>(List.of("events", "format", "report peak heap", "report peak RSS", "DuckDB alone peak RSS",
                "site (without PDF)", "PDF"));
        if (peer) {
            header.add("peer peak RSS");
        }
        StringBuilder md = new StringBuilder(row(header)).append(separator(header.size()));
        for (Measurement m : measured) {
            if (!m.succeeded()) {
                continue;
            }
            Timings report = m.report().timings().orElseThrow();
            Timings alone = m.baseline().timings().orElseThrow();
            List<String> cells = new ArrayList<>(List.of(m.size().label(), m.format(), report.peakHeapMb() + " MB",
                    report.peakRssMb() + " MB", alone.peakRssMb() + " MB", megabytes(m.siteBytes()), megabytes(m.pdfBytes())));
            if (peer) {
                cells.add(m.peerSucceeded() ? m.peer().timings().orElseThrow().peakRssMb() + " MB" : "");
            }
            md.append(row(cells));
        }
        return md.toString();
    }

    private static String targets(List<Measurement> measured, List<String> jvmOptions) {
        StringBuilder md = new StringBuilder("Targets:\n\n");
        measured.stream().filter(m -> m.size().projectData() && m.format().equals("csv.gz") && m.succeeded()).forEach(m ->
                md.append(String.format(Locale.ROOT, "- Default data end to end (JVM start included): %.2f s median, target %.1f s: %s%n",
                        m.report().wallSeconds(), DEFAULT_DATA_TARGET_SECONDS,
                        m.report().wallSeconds() <= DEFAULT_DATA_TARGET_SECONDS ? "met" : "missed")));
        measured.stream().filter(m -> m.size().events() == RATIO_TARGET_EVENTS && m.succeeded()).forEach(m ->
                md.append(String.format(Locale.ROOT, "- %s events from %s, whole report over loading and the same SQL in DuckDB alone: "
                                + "%.2f×, target %.1f×: %s%n", m.size().label(), m.format(), m.ratio(), RATIO_TARGET,
                        m.ratio() <= RATIO_TARGET ? "met" : "missed")));
        long failed = measured.stream().filter(m -> !m.succeeded()).count();
        md.append(String.format(Locale.ROOT, "- Every run under `%s`: %s%n", String.join(" ", jvmOptions),
                failed == 0 ? "completed" : failed + " of " + measured.size() + " failed (see the table)"));
        return md.toString();
    }

    /** Replaces this key's block in the file (or appends it), leaving everything else as it was. */
    static void record(Path file, String key, String block) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
            String begin = BEGIN + key + " -->";
            String wrapped = begin + "\n" + block + END;
            int from = text.indexOf(begin);
            int to = from < 0 ? -1 : text.indexOf(END, from);
            String updated = from >= 0 && to >= 0
                    ? text.substring(0, from) + wrapped + text.substring(to + END.length())
                    : text.stripTrailing() + "\n\n" + wrapped + "\n";
            Files.writeString(file, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the results in " + file, e);
        }
    }

    private static String questions(List<Measurement> measured) {
        return measured.stream().filter(Measurement::succeeded).map(m -> m.report().timings().orElseThrow().questions())
                .filter(q -> q.isPresent()).map(q -> Integer.toString(q.getAsInt())).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("unknown");
    }

    private static String failure(Measurement m) {
        ChildJvm.Run failed = m.reports().stream().filter(r -> !r.succeeded()).findFirst()
                .or(() -> m.baselines().stream().filter(r -> !r.succeeded()).findFirst()).orElseThrow();
        return lastLine(failed);
    }

    private static String lastLine(ChildJvm.Run failed) {
        String last = failed.output().isEmpty() ? "" : failed.output().get(failed.output().size() - 1);
        return "exit " + failed.exitCode() + " (" + last.replace("|", "\\|") + ")";
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String separator(int columns) {
        return "|" + "---|".repeat(columns) + "\n";
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String megabytes(long bytes) {
        return bytes < 10_000_000 ? String.format(Locale.ROOT, "%.2f MB", bytes / 1e6) : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
