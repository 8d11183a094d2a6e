package dev.marquee;

import dev.marquee.config.Config;
import dev.marquee.model.Problem;
import dev.marquee.sample.SampleData;
import dev.marquee.sample.SampleOptions;
import dev.marquee.sample.SampleSummary;
import dev.marquee.validate.ValidationReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The command line: arguments → Config → Pipeline. A ReportException becomes one message and an exit code. */
@Command(name = "marquee", mixinStandardHelpOptions = true, version = "marquee 0.1.0",
        description = "Static report generator for streaming-platform analytics: data/ → site/ (HTML + PDF).",
        subcommands = {Main.Build.class, Main.Validate.class, Main.SampleDataCommand.class, Main.Export.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // DuckDB's driver loads while the command line is read.
        dev.marquee.engine.DuckDbEngine.preload();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code; never exits the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Locale.setDefault(Locale.US);
        System.setProperty("java.awt.headless", "true");
        CommandLine line = new CommandLine(new Main());
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            if (e instanceof ReportException report) {
                err.println("marquee: " + report.getMessage());
                if (verbose) {
                    report.printStackTrace(err);
                }
                return report.exitCode();
            }
            err.println("marquee: unexpected failure: " + e);
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            return ReportException.INTERNAL_PROBLEM;
        });
        line.setExecutionStrategy(parsed -> {
            Object command = parsed.subcommand() == null ? parsed.commandSpec().userObject()
                    : parsed.subcommand().commandSpec().userObject();
            if (command instanceof OutputAware aware) {
                aware.streams(out);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    interface OutputAware {
        void streams(PrintStream out);
    }

    /** Options shared by build and validate. */
    static class DataOptions {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Folder of input files (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Report date, YYYY-MM-DD (default: the latest activity date in the data).")
        LocalDate asOf;

        @Option(names = "--max-bad-rows", paramLabel = "SHARE", defaultValue = "0.01",
                description = "Share of rows per table that may be set aside before the run fails (default: ${DEFAULT-VALUE}).")
        double maxBadRows;

        @Option(names = "--verbose", description = "Print stack traces on failure.")
        boolean verbose;

        @Option(names = "--engine", paramLabel = "JDBC-URL", description = "Run on a Trino server whose schema already holds "
                + "the data model's tables, e.g. jdbc:trino://host:8080/hive/marquee (user and password from "
                + "MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD). Default: embedded DuckDB loading --data.")
        String engine;

        @Option(names = "--memory-limit", paramLabel = "SIZE", description = "Memory DuckDB may use before it spills to "
                + "--temp-dir, e.g. 4GB or 50%% (default: 60%% of the machine's memory).")
        String memoryLimit;

        @Option(names = "--temp-dir", paramLabel = "DIR", description = "Folder for the run's scratch files and DuckDB's "
                + "spill files, deleted at the end (default: the system's temporary folder).")
        Path tempDir;

        Config config() {
            Config config = Config.defaults().withDataDir(data).withAsOf(asOf).withMaxBadRowShare(maxBadRows).withVerbose(verbose)
                    .withEngine(engine);
            config = memoryLimit == null ? config : config.withMemoryLimit(memoryLimit);
            return tempDir == null ? config : config.withTempDir(tempDir);
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Load and validate the data, answer every question, and write the site and PDF.")
    static final class Build implements Callable<Integer>, OutputAware {
        @CommandLine.Mixin
        DataOptionsMixin options = new DataOptionsMixin();

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = "Output folder, replaced as a whole on success (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--questions", paramLabel = "DIR", defaultValue = "questions", description = "Folder of question files (default: ${DEFAULT-VALUE}).")
        Path questions;

        @Option(names = "--min-group-size", paramLabel = "K", defaultValue = "10",
                description = "Smallest group of members the report may publish (default: ${DEFAULT-VALUE}).")
        int minGroupSize;

        private PrintStream stdout = System.out;

        @Override
        public void streams(PrintStream out) {
            this.stdout = out;
        }

        @Override
        public Integer call() {
            Config config = options.config().withOutDir(out).withQuestionsDir(questions).withMinGroupSize(minGroupSize);
            new Pipeline(config, stdout).build();
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check the data only: load it, apply every rule, and list the problems. Writes nothing.")
    static final class Validate implements Callable<Integer>, OutputAware {
        @CommandLine.Mixin
        DataOptionsMixin options = new DataOptionsMixin();

        private PrintStream stdout = System.out;

        @Override
        public void streams(PrintStream out) {
            this.stdout = out;
        }

        @Override
        public Integer call() {
            ValidationReport report = new Pipeline(options.config(), stdout).validate();
            for (Problem problem : report.problems()) {
                stdout.println(problem.severity().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + problem);
            }
            stdout.printf(Locale.ROOT, "ok: %d tables, %,d rows read, %,d set aside%n", report.tables().size(),
                    report.tables().stream().mapToLong(t -> t.rowsRead()).sum(), report.rowsSetAside());
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Load and validate the data, then write the data model as Parquet (viewing sessions partitioned "
                    + "by month) with trino.sql, the statements that register it in Trino.")
    static final class Export implements Callable<Integer>, OutputAware {
        @CommandLine.Mixin
        DataOptionsMixin options = new DataOptionsMixin();

        @Option(names = "--format", defaultValue = "parquet", description = "Output format; only parquet (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the tables to.")
        Path out;

        private PrintStream stdout = System.out;

        @Override
        public void streams(PrintStream out) {
            this.stdout = out;
        }

        @Override
        public Integer call() {
            if (!format.equalsIgnoreCase("parquet")) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, "--format must be parquet, got " + format);
            }
            new Pipeline(options.config(), stdout).export(out);
            return 0;
        }
    }

    @Command(name = "sample-data", mixinStandardHelpOptions = true,
            description = "Write a realistic, deterministic sample data set in the data model (gzipped CSV).")
    static final class SampleDataCommand implements Callable<Integer>, OutputAware {
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "data", description = "Folder to write to (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--sessions", defaultValue = "200000", description = "Number of viewing sessions; members are a 40th of it (default: ${DEFAULT-VALUE}).")
        long sessions;

        @Option(names = "--start", paramLabel = "DATE", defaultValue = "2022-01-01", description = "First day of the data (default: ${DEFAULT-VALUE}).")
        LocalDate start;

        @Option(names = "--end", paramLabel = "DATE", defaultValue = "2024-12-31", description = "Last day of the data (default: ${DEFAULT-VALUE}).")
        LocalDate end;

        private PrintStream stdout = System.out;

        @Override
        public void streams(PrintStream out) {
            this.stdout = out;
        }

        @Override
        public Integer call() throws java.io.IOException {
            SampleOptions options;
            try {
                options = new SampleOptions(seed, sessions, start, end);
            } catch (IllegalArgumentException e) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, e.getMessage());
            }
            long startNanos = System.nanoTime();
            SampleSummary summary = SampleData.write(out, options);
            summary.rowsPerFile().forEach((file, rows) -> stdout.printf(Locale.ROOT, "wrote %-24s %,12d rows%n", file, rows));
            stdout.printf(Locale.ROOT, "sample data in %s (seed %d) in %.2f s%n", out, seed, (System.nanoTime() - startNanos) / 1e9);
            return 0;
        }
    }

    /** Picocli mixin wrapper so build and validate share the same options. */
    static final class DataOptionsMixin extends DataOptions {
    }
}
