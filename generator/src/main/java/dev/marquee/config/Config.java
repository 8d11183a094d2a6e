package dev.marquee.config;

import dev.marquee.run.ReportException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a run needs to know, checked once here.
 *
 * @param dataDir         folder of input files
 * @param outDir          folder the site and PDF are published to (replaced as a whole at the end)
 * @param questionsDir    folder of question files ({@code <slug>.sql} + {@code <slug>.md})
 * @param asOf            report date; empty means the latest activity date found in the data
 * @param minGroupSize    k: no published group describes fewer members than this
 * @param maxBadRowShare  share of set-aside rows (0..1) above which a table fails the run
 * @param verbose         print stack traces
 * @param withholdValues  print problems' values as the public Data page shows them (for logs others read, such as CI)
 * @param engine          a JDBC URL of a remote SQL engine (Trino) whose schema holds the data model's tables;
 *                        empty means embedded DuckDB loading {@code dataDir}
 * @param memoryLimitMb   memory embedded DuckDB may use, in megabytes; beyond it, it spills to {@code tempDir}
 * @param tempDir         folder under which each run makes its scratch folder (DuckDB's spill files), deleted at the end
 * @param history         the previous edition's output folder, whose records and archive this edition carries forward
 * @param targetsFile     the project's targets and alert rules; by default targets.yaml beside the questions folder
 *                        (both belong to the project); none when the file does not exist
 * @param archiveKeep     how many earlier editions keep their whole site in the archive (older ones keep their PDF)
 * @param slices          the dimension the report is also cut by (one site section and PDF per value, or per group of
 *                        values a slices file names); empty for none
 * @param recipientsFile  who gets which slice's PDF; by default recipients.yaml beside the questions folder, read only
 *                        when the report is sliced
 * @param scratchSchema   with {@code engine}: a schema there ({@code catalog.schema}) the account may create tables in,
 *                        where each run builds the member and title layer once and drops it at its end; empty means
 *                        each statement computes the layer tables it reads
 */
public record Config(Path dataDir, Path outDir, Path questionsDir, Optional<LocalDate> asOf,
                     int minGroupSize, double maxBadRowShare, boolean verbose, boolean withholdValues, Optional<String> engine,
                     long memoryLimitMb, Path tempDir, Optional<Path> history, Optional<Path> targetsFile, int archiveKeep,
                     Optional<dev.marquee.slice.Dimension> slices, Optional<Path> recipientsFile, Optional<String> scratchSchema) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 10;
    /** A larger k would hide every group of any service there is; the bound keeps the number an int. */
    public static final int MAX_MIN_GROUP_SIZE = 1_000_000;
    /** The dates an option may name (the report date, the sample data's period): four-digit years, as SQL literals have. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
    public static final double DEFAULT_MAX_BAD_ROW_SHARE = 0.01;
    /** Share of the machine's memory DuckDB may use by default: the rest is for the JVM (heap, native libraries) and the system. */
    public static final double DEFAULT_MEMORY_SHARE = 0.6;
    static final long MIN_MEMORY_LIMIT_MB = 64;
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|MB|GB|TB|MiB|GiB|TiB)", Pattern.CASE_INSENSITIVE);

    public Config {
        dataDir = dataDir.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
        questionsDir = questionsDir.toAbsolutePath().normalize();
        engine = engine == null ? Optional.empty() : engine.filter(url -> !url.isBlank());
        if (engine.isPresent() && !engine.get().startsWith("jdbc:trino:")) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "--engine must be a Trino JDBC URL such as jdbc:trino://host:8080/hive/marquee, got "
                            + dev.marquee.engine.EngineUrl.redacted(engine.get()));
        }
        // The command line checks the same ranges with the words given (Arguments); these hold for every other caller.
        if (minGroupSize < 1 || minGroupSize > MAX_MIN_GROUP_SIZE) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--min-group-size must be a whole number from 1 to "
                    + MAX_MIN_GROUP_SIZE + ", got " + minGroupSize);
        }
        if (!(maxBadRowShare >= 0 && maxBadRowShare <= 1)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--max-bad-rows must be a number from 0 to 1, got " + maxBadRowShare);
        }
        if (asOf != null && asOf.filter(d -> d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)).isPresent()) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--as-of must be a date YYYY-MM-DD from " + FIRST_DAY + " to "
                    + LAST_DAY + ", got " + asOf.get());
        }
        if (memoryLimitMb < MIN_MEMORY_LIMIT_MB || memoryLimitMb > shareOfMemory(1)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, memoryRange(memoryLimitMb + "MB"));
        }
        tempDir = tempDir.toAbsolutePath().normalize();
        history = history == null ? Optional.empty() : history.map(h -> h.toAbsolutePath().normalize());
        targetsFile = targetsFile == null ? Optional.empty() : targetsFile.map(t -> t.toAbsolutePath().normalize());
        slices = slices == null ? Optional.empty() : slices;
        recipientsFile = recipientsFile == null ? Optional.empty() : recipientsFile.map(r -> r.toAbsolutePath().normalize());
        if (slices.isPresent() && engine.isPresent()) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--slices works on embedded DuckDB only, not with --engine: "
                    + "each slice is a schema of the one in-memory database");
        }
        scratchSchema = scratchSchema == null ? Optional.empty() : scratchSchema.filter(schema -> !schema.isBlank());
        if (scratchSchema.isPresent() && engine.isEmpty()) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--scratch-schema needs --engine: embedded DuckDB "
                    + "builds the member and title layer in its own memory");
        }
        if (scratchSchema.isPresent() && !SCHEMA.matcher(scratchSchema.get()).matches()) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--scratch-schema must name a catalog and a schema "
                    + "of the engine, such as hive.marquee_scratch (letters, digits and _), got " + scratchSchema.get());
        }
        if (recipientsFile.isPresent() && slices.isEmpty()) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--recipients needs --slices: the recipients get the PDFs "
                    + "of the slices (e.g. --slices region)");
        }
        if (archiveKeep < 0 || archiveKeep > MAX_ARCHIVE_KEEP) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--archive-keep must be a whole number from 0 to "
                    + MAX_ARCHIVE_KEEP + ", got " + archiveKeep);
        }
    }

    /** More full editions than a Pages site has room for (1 GB, at about 7 MB each) would not be published. */
    public static final int MAX_ARCHIVE_KEEP = 100;

    public Config withHistory(Path dir) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb,
                tempDir, Optional.ofNullable(dir), targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withTargets(Path file) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb,
                tempDir, history, Optional.ofNullable(file), archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withArchiveKeep(int keep) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb,
                tempDir, history, targetsFile, keep, slices, recipientsFile, scratchSchema);
    }

    public static Config defaults() {
        return new Config(Path.of("data"), Path.of("site"), Path.of("questions"), Optional.empty(),
                DEFAULT_MIN_GROUP_SIZE, DEFAULT_MAX_BAD_ROW_SHARE, false, false, Optional.empty(),
                shareOfMemory(DEFAULT_MEMORY_SHARE), Path.of(System.getProperty("java.io.tmpdir")), Optional.empty(),
                Optional.empty(), dev.marquee.history.Archive.DEFAULT_KEEP, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Config withDataDir(Path dir) {
        return new Config(dir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withOutDir(Path dir) {
        return new Config(dataDir, dir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withQuestionsDir(Path dir) {
        return new Config(dataDir, outDir, dir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withAsOf(LocalDate date) {
        return new Config(dataDir, outDir, questionsDir, Optional.ofNullable(date), minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withMinGroupSize(int k) {
        return new Config(dataDir, outDir, questionsDir, asOf, k, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withMaxBadRowShare(double share) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, share, verbose, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withWithheldValues(boolean on) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, on, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    /** A problem as the command line prints it: its value withheld where it may be personal, if asked. */
    public dev.marquee.model.Problem shown(dev.marquee.model.Problem problem) {
        return withholdValues ? problem.withheld() : problem;
    }

    public Config withVerbose(boolean on) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, on, withholdValues, engine, memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    /** @param schema {@code catalog.schema} of the engine, where the layer is built for the run; null for none */
    public Config withScratchSchema(String schema) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine,
                memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, Optional.ofNullable(schema));
    }

    public Config withEngine(String url) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, Optional.ofNullable(url), memoryLimitMb, tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    /** @param limit a size such as {@code 4GB}, {@code 512MB}, {@code 2GiB}, or a share of the machine's memory such as {@code 50%} */
    public Config withMemoryLimit(String limit) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine,
                parseMemory(limit), tempDir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    public Config withTempDir(Path dir) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb, dir, history, targetsFile, archiveKeep, slices, recipientsFile, scratchSchema);
    }

    /** @param dimension a word of the command line: region, country or plan, or a slices file (read here); null for none */
    public Config withSlices(String dimension) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb,
                tempDir, history, targetsFile, archiveKeep,
                Optional.ofNullable(dimension).map(d -> dev.marquee.slice.Dimension.parse("--slices", d)), recipientsFile, scratchSchema);
    }

    public Config withRecipients(Path file) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, withholdValues, engine, memoryLimitMb,
                tempDir, history, targetsFile, archiveKeep, slices, Optional.ofNullable(file), scratchSchema);
    }

    /**
     * The recipients file given, or the project's ({@code recipients.yaml} beside the questions folder) when it exists;
     * empty when the report is not sliced.
     */
    public Optional<Path> recipients() {
        if (slices.isEmpty()) {
            return Optional.empty();
        }
        return recipientsFile.or(() -> Optional.of(questionsDir.resolveSibling(dev.marquee.slice.Recipients.DEFAULT_FILE))
                .filter(Files::isRegularFile));
    }

    /** The targets file given, or the project's: {@code targets.yaml} beside the questions folder. */
    public Path targets() {
        return targetsFile.orElseGet(() -> questionsDir.resolveSibling(dev.marquee.history.Targets.DEFAULT_FILE));
    }

    /** The memory limit in DuckDB's syntax. */
    public String memoryLimit() {
        return memoryLimitMb + "MB";
    }

    static long parseMemory(String limit) {
        Matcher matcher = MEMORY.matcher(limit == null ? "" : limit.strip());
        if (!matcher.matches()) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "--memory-limit must be a size such as 4GB or 512MB, or a share of the memory such as 50%, got " + limit);
        }
        double amount = Double.parseDouble(matcher.group(1));
        double megabytes = switch (matcher.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "%" -> amount <= 0 || amount > 100 ? -1 : shareOfMemory(amount / 100);
            case "MB" -> amount;
            case "GB" -> amount * 1e3;
            case "TB" -> amount * 1e6;
            case "MIB" -> amount * 1.048576;
            case "GIB" -> amount * 1073.741824;
            default -> amount * 1099511.627776;
        };
        if (megabytes < 0) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--memory-limit as a share must be above 0% and at most 100%, got " + limit);
        }
        if (megabytes < MIN_MEMORY_LIMIT_MB || megabytes > shareOfMemory(1)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, memoryRange(limit));
        }
        return (long) megabytes;
    }

    /** More than the machine has would not spill before the system runs out of memory. */
    private static String memoryRange(String given) {
        return "--memory-limit must be from " + MIN_MEMORY_LIMIT_MB + "MB to " + shareOfMemory(1) + "MB (the machine's memory), got " + given;
    }

    /** A share of the machine's memory (the container's limit when there is one, as the JVM sees it), in megabytes. */
    static long shareOfMemory(double share) {
        long bytes = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Math.max(MIN_MEMORY_LIMIT_MB, (long) (bytes * share / 1e6));
    }

    /** Fails with one clear message when an input folder is missing. */
    public void checkInputsExist() {
        if (engine.isEmpty() && !Files.isDirectory(dataDir)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "Data folder " + dataDir + " does not exist. Pass --data DIR, or write sample data with: marquee sample-data --out " + dataDir);
        }
        if (!Files.isDirectory(tempDir)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "Temporary folder " + tempDir
                    + (Files.exists(tempDir) ? " is a file, not a folder" : " does not exist")
                    + ". Pass --temp-dir DIR, a folder with room for DuckDB's spill files.");
        }
        if (!Files.isWritable(tempDir)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "Temporary folder " + tempDir
                    + " is read-only. Pass --temp-dir DIR, a folder you may write to with room for DuckDB's spill files.");
        }
        if (!Files.isDirectory(questionsDir)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "Questions folder " + questionsDir + " does not exist. Pass --questions DIR (the project's questions/ folder).");
        }
    }
}
