package dev.marquee;

import dev.marquee.run.ReportException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every option of every command, given a value out of its range: exit code 3, one line naming the option, the values it
 * takes and the value given, and nothing written. {@code {tmp}} stands for a fresh folder holding one file, {@code file}.
 */
class OptionRangesTest {

    /** What each command is given when a case does not name the option. */
    private static final Map<String, Map<String, String>> USUAL = Map.of(
            "build", options("--data", Fixtures.TINY.toString(), "--questions", WalkingSkeletonTest.SKELETON.toString(),
                    "--out", "{tmp}/site", "--min-group-size", "1"),
            "validate", options("--data", Fixtures.TINY.toString()),
            "export", options("--data", Fixtures.TINY.toString(), "--out", "{tmp}/lake"),
            "sample-data", options("--out", "{tmp}/data", "--sessions", "400"));

    private static final String MEMORY = Long.toString(Math.max(64, (long) (((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1e6)));

    @TempDir
    Path temp;

    static Stream<org.junit.jupiter.params.provider.Arguments> outOfRange() {
        return Stream.of(
                refused("build", "--min-group-size", "0", "build: --min-group-size must be a whole number from 1 to 1000000, got 0 (see marquee build --help)"),
                refused("build", "--min-group-size", "99999999999", "build: --min-group-size must be a whole number from 1 to 1000000, got 99999999999 (see marquee build --help)"),
                refused("build", "--max-bad-rows", "NaN", "build: --max-bad-rows must be a number from 0 to 1, got NaN (see marquee build --help)"),
                refused("build", "--max-bad-rows", "Infinity", "build: --max-bad-rows must be a number from 0 to 1, got Infinity (see marquee build --help)"),
                refused("build", "--max-bad-rows", "-0.01", "build: --max-bad-rows must be a number from 0 to 1, got -0.01 (see marquee build --help)"),
                refused("build", "--max-bad-rows", "1.5", "build: --max-bad-rows must be a number from 0 to 1, got 1.5 (see marquee build --help)"),
                refused("build", "--as-of", "9999-12-31", "build: --as-of must be a date YYYY-MM-DD from 1900-01-01 to 2999-12-31, got 9999-12-31 (see marquee build --help)"),
                refused("build", "--as-of", "1899-12-31", "build: --as-of must be a date YYYY-MM-DD from 1900-01-01 to 2999-12-31, got 1899-12-31 (see marquee build --help)"),
                refused("build", "--memory-limit", "1000TB", "--memory-limit must be from 64MB to " + MEMORY + "MB (the machine's memory), got 1000TB"),
                refused("build", "--memory-limit", "10MB", "--memory-limit must be from 64MB to " + MEMORY + "MB (the machine's memory), got 10MB"),
                refused("build", "--memory-limit", "0%", "--memory-limit as a share must be above 0% and at most 100%, got 0%"),
                refused("build", "--temp-dir", "{tmp}/missing", "Temporary folder {tmp}/missing does not exist. Pass --temp-dir DIR, a folder with room for DuckDB's spill files."),
                refused("build", "--temp-dir", "{tmp}/file", "Temporary folder {tmp}/file is a file, not a folder. Pass --temp-dir DIR, a folder with room for DuckDB's spill files."),
                refused("build", "--out", "/", "--out / is the root of the file system. Choose a folder of its own, such as --out site."),
                refused("build", "--out", "{tmp}/file", "--out {tmp}/file is a file, not a folder; Marquee does not replace files. Choose a folder."),
                refused("build", "--data", "{tmp}/missing", "Data folder {tmp}/missing does not exist. Pass --data DIR, or write sample data with: marquee sample-data --out {tmp}/missing"),
                refused("build", "--questions", "{tmp}/missing", "Questions folder {tmp}/missing does not exist. Pass --questions DIR (the project's questions/ folder)."),
                refused("build", "--engine", "postgres://db/marquee", "--engine must be a Trino JDBC URL such as jdbc:trino://host:8080/hive/marquee, got postgres://db/marquee"),
                refused("validate", "--max-bad-rows", "NaN", "validate: --max-bad-rows must be a number from 0 to 1, got NaN (see marquee validate --help)"),
                refused("validate", "--as-of", "3000-01-01", "validate: --as-of must be a date YYYY-MM-DD from 1900-01-01 to 2999-12-31, got 3000-01-01 (see marquee validate --help)"),
                refused("validate", "--memory-limit", "1000TB", "--memory-limit must be from 64MB to " + MEMORY + "MB (the machine's memory), got 1000TB"),
                refused("validate", "--temp-dir", "{tmp}/file", "Temporary folder {tmp}/file is a file, not a folder. Pass --temp-dir DIR, a folder with room for DuckDB's spill files."),
                refused("export", "--format", "csv", "--format must be parquet, got csv"),
                refused("export", "--out", "/", "--out / is the root of the file system. Choose a folder of its own, such as --out export."),
                refused("export", "--max-bad-rows", "2", "export: --max-bad-rows must be a number from 0 to 1, got 2 (see marquee export --help)"),
                refused("sample-data", "--seed", "-1", "sample-data: --seed must be a whole number from 0 to 9223372036854775807, got -1 (see marquee sample-data --help)"),
                refused("sample-data", "--seed", "99999999999999999999", "sample-data: --seed must be a whole number from 0 to 9223372036854775807, got 99999999999999999999 (see marquee sample-data --help)"),
                refused("sample-data", "--sessions", "-1", "sample-data: --sessions must be a whole number from 0 to 1000000000, got -1 (see marquee sample-data --help)"),
                refused("sample-data", "--sessions", "1000000001", "sample-data: --sessions must be a whole number from 0 to 1000000000, got 1000000001 (see marquee sample-data --help)"),
                refused("sample-data", "--start", "1899-12-31", "sample-data: --start must be a date YYYY-MM-DD from 1900-01-01 to 2999-12-31, got 1899-12-31 (see marquee sample-data --help)"),
                refused("sample-data", "--end", "3000-01-01", "sample-data: --end must be a date YYYY-MM-DD from 1900-01-01 to 2999-12-31, got 3000-01-01 (see marquee sample-data --help)"),
                refused("sample-data", "--end", "2021-12-31", "sample-data: --end must be on or after --start (2022-01-01), got 2021-12-31 (see marquee sample-data --help)"),
                refused("sample-data", "--out", "{tmp}/file", "sample-data: --out {tmp}/file is a file, not a folder. Choose a folder"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outOfRange")
    void optionOutOfRange_isRefusedWithTheRangeAndTheValue(String command, String option, String value, String message) throws IOException {
        Files.writeString(temp.resolve("file"), "a file");
        Map<String, String> given = new LinkedHashMap<>(USUAL.get(command));
        given.remove(option);
        given.put(option, value);
        List<String> args = new ArrayList<>(List.of(command));
        given.forEach((name, text) -> args.addAll(List.of(name, text.replace("{tmp}", temp.toString()))));

        Fixtures.Run run = Fixtures.marquee(args.toArray(String[]::new));

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.out() + run.err());
        assertEquals("marquee: " + message.replace("{tmp}", temp.toString()) + System.lineSeparator(), run.err());
        assertEquals("", run.out(), "refused before any stage ran");
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(temp.resolve("file")), left.toList(), "nothing written");
        }
    }

    private static org.junit.jupiter.params.provider.Arguments refused(String command, String option, String value, String message) {
        return org.junit.jupiter.params.provider.Arguments.of(command, option, value, message);
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return options;
    }
}
