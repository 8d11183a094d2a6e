package dev.marquee;

import dev.marquee.run.ReportException;
import dev.marquee.Arguments.Command;
import dev.marquee.Arguments.Option;
import dev.marquee.config.Config;
import dev.marquee.format.SafeText;
import dev.marquee.model.Problem;
import dev.marquee.sample.SampleData;
import dev.marquee.sample.SampleOptions;
import dev.marquee.sample.SampleSummary;
import dev.marquee.validate.ValidationReport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line: arguments → Config → Pipeline. A ReportException becomes one message and an exit code. */
public final class Main {

    static final String VERSION = "marquee 0.1.0";

    private static final List<Option> DATA_OPTIONS = List.of(
            Option.value("--data", "DIR", "data", "Folder of input files."),
            Option.value("--as-of", "DATE", null, "Report date, YYYY-MM-DD, at most a year after the latest activity in the data "
                    + "(default: the latest activity date)."),
            Option.value("--max-bad-rows", "SHARE", "0.01", "Share of rows per table, from 0 to 1, that may be set aside before the run fails."),
            Option.value("--engine", "JDBC-URL", null, "Run on a Trino server whose schema already holds the data model's tables, "
                    + "e.g. jdbc:trino://host:8080/hive/marquee (user and password from MARQUEE_TRINO_USER and "
                    + "MARQUEE_TRINO_PASSWORD). Default: embedded DuckDB loading --data."),
            Option.value("--memory-limit", "SIZE", null, "Memory DuckDB may use before it spills to --temp-dir, e.g. 4GB or 50% "
                    + "(default: 60% of the machine's memory)."),
            Option.value("--temp-dir", "DIR", null, "Folder for the run's scratch files and DuckDB's spill files, deleted at "
                    + "the end (default: the system's temporary folder)."),
            Option.flag("--withhold-values", "Print problems as the public Data page shows them: no value of a row about "
                    + "members, none that looks like an id or an e-mail address. For logs others can read (CI)."),
            Option.flag("--verbose", "Print stack traces on failure."));

    static final Command BUILD = new Command("build", "Load and validate the data, answer every question, and write the site and PDF.",
            with(DATA_OPTIONS,
                    Option.value("--out", "DIR", "site", "Output folder, replaced as a whole on success: a folder that is "
                            + "missing, empty or a site Marquee made; never the data, the project or a parent of them."),
                    Option.value("--questions", "DIR", "questions", "Folder of question files."),
                    Option.value("--scratch-schema", "CATALOG.SCHEMA", null, "With --engine: a schema there the account may "
                            + "create tables in. The member and title layer is built there once, as tables named marquee_<run>_*, "
                            + "and dropped at the end of the run; without it every statement computes the layer tables it reads, "
                            + "which on a large lake reads the events again for each."),
                    Option.value("--min-group-size", "K", "10", "Smallest group of members the report may publish, from 1 to "
                            + Config.MAX_MIN_GROUP_SIZE + "."),
                    Option.value("--history", "DIR", null, "The previous edition's output folder as it was published (it may be "
                            + "--out itself): what changed since it is reported, and its archive is carried forward."),
                    Option.value("--targets", "FILE", null, "Targets and alert rules to check each edition against (default: "
                            + dev.marquee.history.Targets.DEFAULT_FILE + " beside the questions folder); none when the file does not exist."),
                    Option.value("--archive-keep", "N", Integer.toString(dev.marquee.history.Archive.DEFAULT_KEEP), "Earlier editions "
                            + "whose whole site the archive keeps, from 0 to " + Config.MAX_ARCHIVE_KEEP + "; older ones keep their "
                            + "PDF and record."),
                    Option.value("--slices", "DIMENSION|FILE", null, "Also write the report cut by region, country or plan: one "
                            + "site section (slices/<value>/) and PDF per value, computed for its members alone. Or by a slices "
                            + "file (.yaml) naming groups of such values, one slice per group and 'Everyone else' for the rest."),
                    Option.value("--recipients", "FILE", null, "Who gets which slice's PDF (default: "
                            + dev.marquee.slice.Recipients.DEFAULT_FILE + " beside the questions folder, when it exists); "
                            + "read with --slices only.")));
    static final Command VALIDATE = new Command("validate",
            "Check the data only: load it, apply every rule, and list the problems. Writes nothing.", DATA_OPTIONS);
    static final Command EXPORT = new Command("export", "Load and validate the data, then write the data model as Parquet "
            + "(viewing sessions partitioned by month) with trino.sql, the statements that register it in Trino.",
            with(DATA_OPTIONS,
                    Option.value("--format", "FORMAT", "parquet", "Output format; only parquet."),
                    Option.value("--out", "DIR", null, "Folder to write the tables to, replaced as a whole on success: a "
                            + "folder that is missing, empty or an earlier export (required).")));
    static final Command SAMPLE_DATA = new Command("sample-data",
            "Write a realistic, deterministic sample data set in the data model (gzipped CSV).", List.of(
                    Option.value("--out", "DIR", "data", "Folder to write to; other files in it are left alone."),
                    Option.flag("--force", "Replace data files of the same names that --out already holds."),
                    Option.value("--seed", "N", "42", "Random seed from 0 to " + Long.MAX_VALUE + "; the same seed gives the same files."),
                    Option.value("--sessions", "N", "200000", "Number of viewing sessions, from 0 to " + SampleOptions.MAX_SESSIONS
                            + "; members are a 40th of it."),
                    Option.value("--start", "DATE", "2022-01-01", "First day of the data."),
                    Option.value("--end", "DATE", "2024-12-31", "Last day of the data.")));
    static final List<Command> COMMANDS = List.of(BUILD, VALIDATE, SAMPLE_DATA, EXPORT);

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode;
        // DuckDB's driver loads while the command line is read; a run's own tasks are on its own background.
        try (dev.marquee.run.Background preloads = dev.marquee.run.Background.open()) {
            dev.marquee.engine.DuckDbEngine.preload(preloads);
            exitCode = run(args, System.out, System.err);
        }
        System.exit(exitCode);
    }

    /** Runs the command line and returns its exit code; never exits the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Locale.setDefault(Locale.US);
        // AWT's fonts keep their family name in the locale the JVM started in (these properties, read when the first
        // font loads). Asked in any other locale, as JFreeSVG does for every text it draws, a font reads the name
        // from its file again: 35 MB of buffers and a file read per label on the default data.
        System.clearProperty("user.region");
        System.setProperty("user.language", Locale.US.getLanguage());
        System.setProperty("user.country", Locale.US.getCountry());
        System.setProperty("user.variant", "");
        System.setProperty("java.awt.headless", "true");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try {
            return execute(Arrays.asList(args), out);
        } catch (ReportException report) {
            err.println("marquee: " + report.getMessage());
            if (verbose) {
                printStackTrace(report, err);
            }
            return report.exitCode();
        } catch (RuntimeException | Error e) {
            err.println("marquee: unexpected failure: " + SafeText.message(e.toString()));
            if (verbose) {
                printStackTrace(e, err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            return ReportException.INTERNAL_PROBLEM;
        }
    }

    /**
     * A stack trace whose messages stay on their lines (an exception's message may quote a value from the data), with
     * its causes; what Throwable.printStackTrace prints, less the suppressed exceptions.
     */
    static void printStackTrace(Throwable thrown, PrintStream err) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String prefix = "";
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            err.println(prefix + SafeText.message(t.toString()));
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("\tat " + frame);
            }
            prefix = "Caused by: ";
        }
    }

    private static int execute(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
            out.print(usage());
            return 0;
        }
        if (args.get(0).equals("-V") || args.get(0).equals("--version")) {
            out.println(VERSION);
            return 0;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst()
                .orElseThrow(() -> new ReportException(ReportException.CONFIG_PROBLEM, "unknown command '" + args.get(0)
                        + "'; the commands are " + COMMANDS.stream().map(Command::name).toList() + " (see marquee --help)"));
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("-h") || rest.contains("--help")) {
            out.print(command.usage());
            return 0;
        }
        if (rest.contains("-V") || rest.contains("--version")) {
            out.println(VERSION);
            return 0;
        }
        Arguments arguments = Arguments.parse(command, rest);
        if (command == BUILD) {
            Config config = dataConfig(arguments).withOutDir(arguments.path("--out").orElseThrow())
                    .withQuestionsDir(arguments.path("--questions").orElseThrow())
                    .withMinGroupSize((int) arguments.whole("--min-group-size", 1, Config.MAX_MIN_GROUP_SIZE))
                    .withHistory(arguments.path("--history").orElse(null))
                    .withTargets(arguments.path("--targets").orElse(null))
                    .withArchiveKeep((int) arguments.whole("--archive-keep", 0, Config.MAX_ARCHIVE_KEEP))
                    .withSlices(arguments.text("--slices").orElse(null))
                    .withRecipients(arguments.path("--recipients").orElse(null))
                    .withScratchSchema(arguments.text("--scratch-schema").orElse(null));
            new Pipeline(config, out).build();
        } else if (command == VALIDATE) {
            validate(dataConfig(arguments), out);
        } else if (command == EXPORT) {
            String format = arguments.required("--format");
            if (!format.equalsIgnoreCase("parquet")) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, "--format must be parquet, got " + format);
            }
            Path target = Path.of(arguments.required("--out"));
            new Pipeline(dataConfig(arguments), out).export(target);
        } else {
            sampleData(arguments, out);
        }
        return 0;
    }

    /** The options build, validate and export share, checked in one place (Config). */
    private static Config dataConfig(Arguments arguments) {
        Config config = Config.defaults().withDataDir(arguments.path("--data").orElseThrow())
                .withAsOf(arguments.date("--as-of", Config.FIRST_DAY, Config.LAST_DAY).orElse(null))
                .withMaxBadRowShare(arguments.decimal("--max-bad-rows", 0, 1))
                .withVerbose(arguments.flag("--verbose")).withWithheldValues(arguments.flag("--withhold-values"))
                .withEngine(arguments.text("--engine").orElse(null));
        config = arguments.text("--memory-limit").map(config::withMemoryLimit).orElse(config);
        return arguments.path("--temp-dir").map(config::withTempDir).orElse(config);
    }

    private static void validate(Config config, PrintStream out) {
        ValidationReport report = new Pipeline(config, out).validate();
        for (Problem problem : report.problems()) {
            out.println(problem.severity().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": "
                    + SafeText.message(config.shown(problem).toString()));
        }
        out.printf(Locale.ROOT, "ok: %d tables, %,d rows read, %,d set aside%n", report.tables().size(),
                report.tables().stream().mapToLong(t -> t.rowsRead()).sum(), report.rowsSetAside());
    }

    private static void sampleData(Arguments arguments, PrintStream out) {
        long seed = arguments.whole("--seed", 0, Long.MAX_VALUE);
        long sessions = arguments.whole("--sessions", 0, SampleOptions.MAX_SESSIONS);
        LocalDate startDay = arguments.date("--start", Config.FIRST_DAY, Config.LAST_DAY).orElseThrow();
        LocalDate endDay = arguments.date("--end", Config.FIRST_DAY, Config.LAST_DAY).orElseThrow();
        if (endDay.isBefore(startDay)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "sample-data: --end must be on or after --start (" + startDay
                    + "), got " + endDay + " (see marquee sample-data --help)");
        }
        SampleOptions options = new SampleOptions(seed, sessions, startDay, endDay);
        Path target = arguments.path("--out").orElseThrow();
        checkSampleTarget(target, arguments.flag("--force"));
        long startNanos = System.nanoTime();
        SampleSummary summary;
        try {
            summary = SampleData.write(target, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary.rowsPerFile().forEach((file, rows) -> out.printf(Locale.ROOT, "wrote %-24s %,12d rows%n", file, rows));
        out.printf(Locale.ROOT, "sample data in %s (seed %d) in %.2f s%n", SafeText.message(target.toString()), seed,
                (System.nanoTime() - startNanos) / 1e9);
    }

    /** Sample data goes into a folder beside whatever is there, and replaces data files only when asked to. */
    private static void checkSampleTarget(Path target, boolean force) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "sample-data: --out " + target.toAbsolutePath().normalize()
                    + " is a file, not a folder. Choose a folder");
        }
        List<String> present = SampleData.FILES.stream().filter(name -> Files.exists(target.resolve(name), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!present.isEmpty() && !force) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "sample-data: --out " + target.toAbsolutePath().normalize()
                    + " already holds " + String.join(", ", present) + "; pass --force to replace "
                    + (present.size() == 1 ? "it" : "them") + ", or choose another folder");
        }
    }

    static String usage() {
        StringBuilder text = new StringBuilder("Usage: marquee COMMAND [OPTIONS]\n"
                + "Static report generator for streaming-platform analytics: data/ -> site/ (HTML + PDF).\n\nCommands:\n");
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0) + 3;
        for (Command command : COMMANDS) {
            text.append(Arguments.wrap("  " + command.name() + " ".repeat(width - command.name().length()), command.description(), width + 2));
        }
        text.append("\n  -h, --help       Show this help and exit.\n  -V, --version    Print the version and exit.\n"
                + "\nEach command has its own options: marquee COMMAND --help\n");
        return text.toString();
    }

    private static List<Option> with(List<Option> shared, Option... more) {
        List<Option> all = new ArrayList<>(shared);
        all.addAll(List.of(more));
        return all;
    }
}
