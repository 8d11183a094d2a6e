package dev.marquee.bench;

import dev.marquee.config.Config;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Measures the report at growing data sizes, each run in a new JVM as a user would run it: time per stage, wall and
 * CPU time, peak heap and resident memory, output sizes; and, on the same files, DuckDB alone loading the data and
 * running the same SQL, to show what the report costs above the query engine. Prints Markdown tables and records them
 * in BENCHMARKS.md. Also, on the same data, the peer: the pandas + matplotlib script an analyst would write instead
 * ({@link Peer}), to show how many times faster the report is. Not part of the test run: it takes minutes.
 *
 * <pre>scripts/benchmark.sh [--sizes default,100k,1m,10m] [--formats csv.gz,parquet] [--runs 3] [--no-peer] [--slices region]</pre>
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, subcommands = Baseline.class,
        description = "Measure the report at several data sizes and record the results in BENCHMARKS.md.")
public final class Benchmark implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "default,100k,1m,10m",
            description = "Data sizes: 'default' (the data/ folder) or numbers of viewing events such as 100k, 1m, 10m, 100m (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--formats", split = ",", defaultValue = "csv.gz,parquet", description = "Input formats (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per size and format; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--jvm-options", defaultValue = "-Xmx512m", description = "Options of each measured JVM (default: ${DEFAULT-VALUE}).")
    String jvmOptions;

    @Option(names = "--launcher", defaultValue = "generator/target/marquee",
            description = "Script that starts each measured run, as a user starts the report; 'none' for plain java (default: ${DEFAULT-VALUE}).")
    String launcher;

    @Option(names = "--memory-limit", description = "DuckDB memory limit for every run, e.g. 2GB (default: the report's own default).")
    String memoryLimit;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated sample data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", defaultValue = "data", description = "The project's data folder, measured as size 'default' (default: ${DEFAULT-VALUE}).")
    Path projectData;

    @Option(names = "--questions", defaultValue = "questions", description = "Question folder (default: ${DEFAULT-VALUE}).")
    Path questions;

    @Option(names = "--work", defaultValue = "bench", description = "Folder for generated data, built sites and results (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--no-peer", description = "Do not measure the peer (" + Peer.SCRIPT + ", pandas + matplotlib, installed by "
            + Peer.LAUNCHER + " into bench/peer-venv).")
    boolean noPeer;

    @Option(names = "--slices", description = "Also time the report with --slices of this dimension (region, country, plan): "
            + "what the slices cost beside the report alone.")
    String slices;

    @Option(names = "--record", defaultValue = "BENCHMARKS.md", description = "File to record the results in; 'none' to only print them (default: ${DEFAULT-VALUE}).")
    String record;

    private final PrintStream out;

    Benchmark() {
        this(System.out);
    }

    Benchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.US);
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<Size> parsedSizes = sizes.stream().map(Size::parse).toList();
        for (String format : formats) {
            if (!format.equals("csv.gz") && !format.equals("parquet")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--formats are csv.gz and parquet, got " + format);
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path scratch = Files.createTempDirectory("marquee-benchmark-");
        Machine machine = Machine.describe(scratch);
        SampleSets.deleteFiles(scratch);
        out.printf(Locale.ROOT, "machine: %s, %d cores, %s; %s; load average %s; speed check %s%n", machine.cpu(),
                machine.cores(), machine.memory(), machine.jdk(), machine.loadAverage(), machine.speed());
        SampleSets sets = new SampleSets(work.resolve("data"), projectData, seed, out);
        java.util.Optional<Path> script = launcher.equals("none") ? java.util.Optional.empty() : java.util.Optional.of(Path.of(launcher));
        if (script.isPresent() && !Files.isExecutable(script.get())) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--launcher " + launcher
                    + " is not an executable file: run mvn package first, or pass --launcher none");
        }
        ChildJvm jvm = new ChildJvm(Arrays.asList(jvmOptions.strip().split("\\s+")), root, script);
        Optional<Peer> peer = Optional.empty();
        String peerNote = "";
        if (!noPeer) {
            Peer.Result prepared = Peer.prepare(root);
            peer = prepared.peer();
            peerNote = peer.map(Peer::describe).orElse("not measured: " + prepared.whyNot());
            out.println("peer: " + peer.map(p -> "ready").orElse("not measured, going on without it: " + prepared.whyNot()));
        }
        List<Measurement> measured = new ArrayList<>();
        for (Size size : parsedSizes) {
            List<Measurement> ofSize = new ArrayList<>();
            for (String format : formats) {
                ofSize.add(measure(jvm, sets, size, format));
            }
            if (peer.isPresent()) {
                List<ChildJvm.Run> peers = measurePeer(peer.get(), sets, size);
                ofSize.replaceAll(m -> m.withPeers(peers));
                ofSize.stream().filter(m -> m.succeeded() && m.peerSucceeded()).forEach(m -> out.printf(Locale.ROOT,
                        "%-8s %-8s report %6.2f s, peer %6.2f s: report speed-up over peer %.2f×%n", size.name(), m.format(),
                        m.report().wallSeconds(), m.peer().wallSeconds(), m.peerSpeedup()));
            }
            measured.addAll(ofSize);
        }
        String key = "sizes=" + String.join(",", sizes) + " formats=" + String.join(",", formats)
                + (memoryLimit == null ? "" : " memory-limit=" + memoryLimit) + (slices == null ? "" : " slices=" + slices);
        String limit = memoryLimit == null ? Config.defaults().memoryLimit() + " (60% of RAM)" : memoryLimit;
        String markdown = Results.markdown(key, machine, measured, jvm.describe(), jvm.jvmOptions(), limit, runs, LocalDate.now(),
                Machine.currentLoadAverage(), Machine.measureSpeed(), peerNote);
        Files.writeString(work.resolve("results.md"), markdown);
        out.println();
        out.print(markdown);
        if (!record.equals("none")) {
            Results.record(Path.of(record), key, markdown);
            out.println("recorded in " + record);
        }
        return measured.stream().allMatch(m -> m.succeeded() && (!m.peerMeasured() || m.peerSucceeded())) ? 0 : 1;
    }

    /** The peer on the size's CSV.gz files, as many runs as the report had, after the report's runs. */
    private List<ChildJvm.Run> measurePeer(Peer peer, SampleSets sets, Size size) {
        Path data = sets.folder(size, "csv.gz");
        SampleSets.warmCache(data);
        Path site = work.resolve("out").resolve(size.name() + "-peer").toAbsolutePath();
        List<ChildJvm.Run> peers = new ArrayList<>();
        int count = size.isLarge() ? 1 : runs;
        for (int i = 0; i < count; i++) {
            ChildJvm.Run run = peer.run(data, site);
            peers.add(run);
            out.printf(Locale.ROOT, "%-8s %-8s run %d: peer %6.2f s%s%n", size.name(), "csv.gz", i + 1, run.wallSeconds(),
                    run.succeeded() ? "" : "  FAILED " + run.failure());
            if (!run.succeeded()) {
                break;
            }
        }
        return peers;
    }

    private Measurement measure(ChildJvm jvm, SampleSets sets, Size size, String format) {
        Path data = sets.folder(size, format);
        SampleSets.warmCache(data);
        Path site = work.resolve("out").resolve(size.name() + "-" + format).toAbsolutePath();
        List<String> build = new ArrayList<>(List.of("build", "--data", data.toAbsolutePath().toString(), "--out", site.toString(),
                "--questions", questions.toString()));
        List<String> baseline = new ArrayList<>(List.of("baseline", "--data", data.toAbsolutePath().toString(),
                "--questions", questions.toString()));
        if (memoryLimit != null) {
            build.addAll(List.of("--memory-limit", memoryLimit));
            baseline.addAll(List.of("--memory-limit", memoryLimit));
        }
        List<ChildJvm.Run> reports = new ArrayList<>();
        List<ChildJvm.Run> baselines = new ArrayList<>();
        int count = size.isLarge() ? 1 : runs;
        for (int i = 0; i < count; i++) {
            // Alternating, so both see the same machine when other work comes and goes.
            ChildJvm.Run report = jvm.run("dev.marquee.Main", build);
            reports.add(report);
            ChildJvm.Run alone = jvm.run(Benchmark.class.getName(), baseline);
            baselines.add(alone);
            out.printf(Locale.ROOT, "%-8s %-8s run %d: report %6.2f s, DuckDB alone %6.2f s%s%n", size.name(), format, i + 1,
                    report.wallSeconds(), alone.wallSeconds(), report.succeeded() && alone.succeeded() ? ""
                            : "  FAILED " + (report.succeeded() ? alone.failure() : report.failure()));
            if (!report.succeeded() || !alone.succeeded()) {
                break;
            }
        }
        Measurement measured = new Measurement(size, format, SampleSets.bytes(data), reports, baselines,
                SampleSets.bytes(site) - pdfBytes(site), pdfBytes(site));
        if (!measured.succeeded()) {
            return measured;
        }
        if (slices != null) {
            List<String> sliced = new ArrayList<>(build);
            sliced.set(sliced.indexOf(site.toString()), site + "-sliced");
            sliced.addAll(List.of("--slices", slices));
            List<ChildJvm.Run> runsSliced = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ChildJvm.Run run = jvm.run("dev.marquee.Main", sliced);
                runsSliced.add(run);
                out.printf(Locale.ROOT, "%-8s %-8s run %d: report with --slices %s %6.2f s%s%n", size.name(), format, i + 1, slices,
                        run.wallSeconds(), run.succeeded() ? "" : "  FAILED " + run.failure());
                if (!run.succeeded()) {
                    break;
                }
            }
            measured = measured.withSliced(runsSliced);
        }
        List<String> scan = new ArrayList<>(baseline);
        scan.add("--scan-only");
        ChildJvm.Run floor = jvm.run(Benchmark.class.getName(), scan);
        Double seconds = floor.timings().map(t -> t.stages().get("scan")).orElse(null);
        out.printf(Locale.ROOT, "%-8s %-8s one scan of the events: %s%n", size.name(), format,
                seconds == null ? "FAILED " + floor.failure() : String.format(Locale.ROOT, "%.2f s", seconds));
        return seconds == null ? measured : measured.withScan(seconds);
    }

    private static long pdfBytes(Path site) {
        Path pdf = site.resolve("report.pdf");
        return Files.exists(pdf) ? pdf.toFile().length() : 0;
    }
}
