package dev.marquee.validate;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of malformed inputs in src/test/resources/bad: each folder holds the files that replace the tiny
 * fixture's (and a remove.txt, an args.txt), and expected.txt: the exit code, then one line per problem that must be
 * reported as {@code file:line column rule}; where the case builds, an absent.txt lists what no published file may
 * contain (the site's pages, CSV, JSON and the PDF's text). Every failing case must leave a previously built site
 * untouched, and no case may publish the build machine's path of the data.
 */
class BadInputTest {

    private static final Path CORPUS = Fixtures.ROOT.resolve("generator/src/test/resources/bad");
    /** A folder JUnit deletes after the class: every case's data and site go under it. */
    @TempDir
    static Path work;
    private static Path site;
    private static Map<String, byte[]> builtSite;

    @BeforeAll
    static void buildAGoodSite() throws Exception {
        site = work.resolve("site");
        assertEquals(0, Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--min-group-size", "1").exitCode());
        builtSite = Fixtures.tree(site);
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws Exception {
        List<Path> cases;
        try (Stream<Path> folders = Files.list(CORPUS)) {
            cases = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 25, "at least 25 malformed inputs, found " + cases.size());
        return cases.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws Exception {
        Path data = work.resolve("data-" + folder.getFileName());
        Fixtures.copyTree(Fixtures.TINY, data);
        Files.deleteIfExists(data.resolve("README.md"));
        if (Files.exists(folder.resolve("remove.txt"))) {
            for (String name : Files.readAllLines(folder.resolve("remove.txt"))) {
                Files.deleteIfExists(data.resolve(name.trim()));
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !List.of("expected.txt", "args.txt", "remove.txt").contains(f.getFileName().toString())).toList()) {
                Files.copy(file, data.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> expected = Files.readAllLines(folder.resolve("expected.txt"));
        int exit = Integer.parseInt(expected.get(0).replace("exit ", "").trim());
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        if (Files.exists(folder.resolve("args.txt"))) {
            args.addAll(Arrays.asList(Files.readString(folder.resolve("args.txt")).trim().split(" ")));
        }

        List<String> validate = new ArrayList<>(List.of("validate"));
        validate.addAll(args);
        Fixtures.Run checked = Fixtures.marquee(validate.toArray(String[]::new));
        List<String> build = new ArrayList<>(List.of("build", "--out", site.toString(), "--min-group-size", "1"));
        build.addAll(args);
        Fixtures.Run built = Fixtures.marquee(build.toArray(String[]::new));

        assertEquals(exit, checked.exitCode(), "validate exit code\n" + checked.out() + checked.err());
        assertEquals(exit, built.exitCode(), "build exit code\n" + built.err());
        String report = checked.out() + checked.err();
        for (String line : expected.subList(1, expected.size())) {
            String[] parts = line.trim().split(" ");
            String location = parts[0];
            String rule = parts[parts.length - 1];
            String column = parts.length == 3 ? parts[1] : null;
            String where = location + (column == null ? "" : " column " + column);
            // Problems name a file by its name in the data folder; the heading names the folder.
            boolean found = report.lines().anyMatch(l -> (l.contains(" " + where + ":") || l.contains(" " + where + " "))
                    && l.endsWith("[" + rule + "]"));
            assertTrue(found, "expected a problem at " + where + " [" + rule + "] in:\n" + report);
        }
        assertFalse(report.contains(data.toString() + "/"), "problems name files within the data folder, not by their path:\n" + report);
        if (exit != 0) {
            Map<String, byte[]> after = Fixtures.tree(site);
            assertEquals(builtSite.keySet(), after.keySet(), "a failed run leaves the site as it was");
            builtSite.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
        } else {
            builtSite = Fixtures.tree(site);
            PublishedText published = PublishedText.of(site);
            published.assertNowhere(work.toString(), "the build machine's path of the data");
            if (Files.exists(folder.resolve("absent.txt"))) {
                for (String secret : Files.readAllLines(folder.resolve("absent.txt"))) {
                    published.assertNowhere(secret.trim(), "a value of a row set aside");
                }
            }
        }
    }

    @Test
    void parquetWithAWrongColumnType_isFatalAndNamesTheFile() throws Exception {
        Path data = work.resolve("parquet-case");
        Fixtures.copyTree(Fixtures.TINY, data);
        Files.delete(data.resolve("users.csv"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            duck.createStatement().execute("COPY (SELECT '1' AS user_id, 'yesterday' AS signup_date, 'France' AS country) TO '"
                    + data.resolve("users.parquet") + "' (FORMAT parquet)");
        }
        Fixtures.Run run = Fixtures.marquee("validate", "--data", data.toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("users.parquet: a column does not hold the model's type"), run.err());
        assertTrue(run.err().contains("[wrong-type]"), run.err());
    }
}
