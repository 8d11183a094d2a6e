package dev.marquee.config;

import dev.marquee.ReportException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

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
 * @param engine          a JDBC URL of a remote SQL engine (Trino) whose schema holds the data model's tables;
 *                        empty means embedded DuckDB loading {@code dataDir}
 */
public record Config(Path dataDir, Path outDir, Path questionsDir, Optional<LocalDate> asOf,
                     int minGroupSize, double maxBadRowShare, boolean verbose, Optional<String> engine) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 10;
    public static final double DEFAULT_MAX_BAD_ROW_SHARE = 0.01;

    public Config {
        dataDir = dataDir.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
        questionsDir = questionsDir.toAbsolutePath().normalize();
        engine = engine == null ? Optional.empty() : engine.filter(url -> !url.isBlank());
        if (engine.isPresent() && !engine.get().startsWith("jdbc:trino:")) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "--engine must be a Trino JDBC URL such as jdbc:trino://host:8080/hive/marquee, got " + engine.get());
        }
        if (minGroupSize < 1) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--min-group-size must be at least 1, got " + minGroupSize);
        }
        if (maxBadRowShare < 0 || maxBadRowShare > 1) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--max-bad-rows must be between 0 and 1, got " + maxBadRowShare);
        }
    }

    public static Config defaults() {
        return new Config(Path.of("data"), Path.of("site"), Path.of("questions"), Optional.empty(),
                DEFAULT_MIN_GROUP_SIZE, DEFAULT_MAX_BAD_ROW_SHARE, false, Optional.empty());
    }

    public Config withDataDir(Path dir) {
        return new Config(dir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, engine);
    }

    public Config withOutDir(Path dir) {
        return new Config(dataDir, dir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, engine);
    }

    public Config withQuestionsDir(Path dir) {
        return new Config(dataDir, outDir, dir, asOf, minGroupSize, maxBadRowShare, verbose, engine);
    }

    public Config withAsOf(LocalDate date) {
        return new Config(dataDir, outDir, questionsDir, Optional.ofNullable(date), minGroupSize, maxBadRowShare, verbose, engine);
    }

    public Config withMinGroupSize(int k) {
        return new Config(dataDir, outDir, questionsDir, asOf, k, maxBadRowShare, verbose, engine);
    }

    public Config withMaxBadRowShare(double share) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, share, verbose, engine);
    }

    public Config withVerbose(boolean on) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, on, engine);
    }

    public Config withEngine(String url) {
        return new Config(dataDir, outDir, questionsDir, asOf, minGroupSize, maxBadRowShare, verbose, Optional.ofNullable(url));
    }

    /** Fails with one clear message when an input folder is missing. */
    public void checkInputsExist() {
        if (engine.isEmpty() && !Files.isDirectory(dataDir)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "Data folder " + dataDir + " does not exist. Pass --data DIR, or write sample data with: marquee sample-data --out " + dataDir);
        }
        if (!Files.isDirectory(questionsDir)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM,
                    "Questions folder " + questionsDir + " does not exist. Pass --questions DIR (the project's questions/ folder).");
        }
    }
}
