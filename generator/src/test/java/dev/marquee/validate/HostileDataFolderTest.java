package dev.marquee.validate;

import dev.marquee.run.Background;
import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.load.DataLoader;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A data folder that someone else can write to: links out of it, named pipes, folders and devices named after a
 * table, files that are not ours. Given the tiny fixture in a temporary folder (outside the working folder, so any
 * absolute path would show), each case adds one hostile entry, builds, and checks the exit code, the message, that a
 * failed run leaves the previous site as it was, and that nothing published holds a secret, an unknown file's header
 * or a path of this machine.
 */
class HostileDataFolderTest {

    private static final String SECRET = "ghp_FAKEsecretTOKEN0123456789";
    private static final Path QUESTIONS = Fixtures.FIXTURES.resolve("skeleton-questions");
    private static Path work;
    private static Path site;

    @BeforeAll
    static void buildAGoodSite() throws IOException {
        work = Fixtures.scratch("marquee-hostile-");
        site = work.resolve("site");
        assertEquals(0, build(freshData("good")).exitCode());
    }

    @AfterAll
    static void removeTheWork() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void linkOutOfTheFolder_notATableName_isListedByNameAndNeverOpened() throws IOException {
        Path data = freshData("env-link");
        Path secret = Files.writeString(work.resolve("environ"), "AWS_SECRET=" + SECRET + "\n");
        Files.createSymbolicLink(data.resolve("env.csv"), secret);

        Fixtures.Run run = build(data);

        assertEquals(0, run.exitCode(), run.err());
        String page = Fixtures.read(site.resolve("data.html"));
        assertTrue(page.contains("<li><code>env.csv</code>: was not loaded: it is a link to a file outside the data folder, "
                + "which Marquee does not open</li>"), page);
        assertNothingPublished(SECRET, "AWS_SECRET");
    }

    @Test
    void linkToProcEnviron_isNeverOpened() throws IOException {
        Path data = freshData("proc-link");
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.exists(environ), "no /proc on this system");
        Files.createSymbolicLink(data.resolve("env.csv"), environ);

        Fixtures.Run run = build(data);

        assertEquals(0, run.exitCode(), run.err());
        assertNothingPublished("PATH=", "JAVA_HOME=");
    }

    @Test
    void unknownFile_isListedByNameAndColumnCount_notByItsHeader() throws IOException {
        Path data = freshData("unknown");
        Files.writeString(data.resolve("notes.csv"), "url,https://x-token:" + SECRET + "@github.com\n");

        Fixtures.Run run = build(data);

        assertEquals(0, run.exitCode(), run.err());
        String page = Fixtures.read(site.resolve("data.html"));
        assertTrue(page.contains("<li><code>notes.csv</code>: was not loaded: its name is not a table of the data model and its "
                + "header (2 columns) matches no known public file. Name it"), page);
        assertNothingPublished(SECRET, "x-token");
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "nor does the command line show it");
    }

    @Test
    void tableFileLinkedFromOutsideTheFolder_isFatal() throws IOException {
        Path data = freshData("users-link-out");
        Path outside = work.resolve("users-elsewhere.csv");
        Files.move(data.resolve("users.csv"), outside);
        Files.createSymbolicLink(data.resolve("users.csv"), outside);

        assertFailsLeavingTheSite(data, "users.csv: is a link to a file outside the data folder, which Marquee does not open; "
                + "copy the file itself into the data folder, or point --data at the folder that holds it [link-outside-data]");
    }

    @Test
    void tableFileLinkedToDevZero_isFatalAndNeverRead() throws IOException {
        Path data = freshData("users-dev-zero");
        Files.delete(data.resolve("users.csv"));
        Files.createSymbolicLink(data.resolve("users.csv"), Path.of("/dev/zero"));

        assertFailsLeavingTheSite(data, "users.csv: is a link to a file outside the data folder, which Marquee does not open; "
                + "copy the file itself into the data folder, or point --data at the folder that holds it [link-outside-data]");
    }

    @Test
    void tableFileLinkedWithinTheFolder_isLoadedUnderItsOwnName() throws IOException {
        Path data = freshData("users-link-in");
        Files.createDirectories(data.resolve("exports"));
        Files.move(data.resolve("users.csv"), data.resolve("exports/users-2024.csv"));
        Files.createSymbolicLink(data.resolve("users.csv"), Path.of("exports/users-2024.csv"));

        Fixtures.Run run = build(data);

        assertEquals(0, run.exitCode(), run.err());
        String page = Fixtures.read(site.resolve("data.html"));
        assertTrue(page.contains("<tr><td data-label=\"Table\">users</td><td data-label=\"File\">users.csv</td><td data-label=\"Format\">csv</td>"
                + "<td class=\"num\" data-label=\"Rows read\">3</td>"), page);
        assertFalse(page.contains("exports"), "a sub-folder is not a file left out");
        assertNothingPublished();
    }

    @Test
    void brokenLinkNamedAfterATable_isFatal() throws IOException {
        Path data = freshData("users-broken-link");
        Files.delete(data.resolve("users.csv"));
        Files.createSymbolicLink(data.resolve("users.csv"), data.resolve("users-gone.csv"));

        assertFailsLeavingTheSite(data, "users.csv: is a link to a file that does not exist; point the link at a file in the "
                + "data folder, or remove it [broken-link]");
    }

    @Test
    void folderNamedAfterATable_isFatal() throws IOException {
        Path data = freshData("users-folder");
        Files.delete(data.resolve("users.csv"));
        Files.createDirectories(data.resolve("users.csv"));

        assertFailsLeavingTheSite(data, "users.csv: is a folder, not a file; table users is read from a file of this name: put "
                + "a regular file there, or rename it [not-a-file]");
    }

    @Test
    void namedPipeNamedAfterATable_isFatalAndNeverOpened() throws Exception {
        Path data = freshData("users-fifo");
        Files.delete(data.resolve("users.csv"));
        assumeTrue(mkfifo(data.resolve("users.csv")), "mkfifo is not available");

        // Opening a named pipe with no writer blocks for ever: a run that opens it never ends.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertFailsLeavingTheSite(data,
                "users.csv: is not a regular file (a named pipe, a device or a socket), which Marquee does not open; table users "
                        + "is read from a file of this name: put a regular file there, or rename it [not-a-file]"));
    }

    @Test
    void namedPipeNotNamedAfterATable_isListedAndNeverOpened() throws Exception {
        Path data = freshData("other-fifo");
        assumeTrue(mkfifo(data.resolve("feed.csv")), "mkfifo is not available");

        Fixtures.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> build(data));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Fixtures.read(site.resolve("data.html")).contains("<li><code>feed.csv</code>: was not loaded: it is not a "
                + "regular file (a named pipe, a device or a socket), which Marquee does not open</li>"));
    }

    @Test
    void unreadableFileThatMayBeAPublicShape_isFatal() throws IOException {
        Path data = freshData("bad-gzip");
        Files.writeString(data.resolve("catalogue.csv.gz"), "show_id,type,title\n");

        assertFailsLeavingTheSite(data, "catalogue.csv.gz:1: the header row could not be read: Not in GZIP format [unreadable-header]");
    }

    @Test
    void unreadableTableFile_isFatal() throws IOException {
        Path data = freshData("users-unreadable");
        assumeTrue(data.resolve("users.csv").toFile().setReadable(false, false) && !Files.isReadable(data.resolve("users.csv")),
                "this user reads any file (root)");

        assertFailsLeavingTheSite(data, "users.csv: cannot be read: its permissions do not allow it; make it readable by the "
                + "user who runs Marquee [unreadable-file]");
    }

    @Test
    void tableFileOfOneHugeLine_isFatalWithoutReadingItWhole() throws IOException {
        Path data = freshData("users-one-line");
        Files.writeString(data.resolve("users.csv"), "user_id".repeat(200_000));

        assertFailsLeavingTheSite(data, "users.csv:1: has a first line longer than 262,144 bytes, which is no header of a CSV "
                + "file [line-too-long]");
    }

    @Test
    void fileNamedLikeAPattern_readsItselfOnly_notTheLinkItWouldMatch() throws IOException {
        Path data = freshData("pattern");
        String header = "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description,platform\n";
        Files.writeString(data.resolve("[e]nv.csv"), header + "s900,Movie,Harmless,,,France,\"May 1, 2021\",2020,PG,90 min,Dramas,,Netflix\n");
        Path secret = Files.writeString(work.resolve("catalogue-elsewhere.csv"),
                header + "s901,Movie," + SECRET + ",,,France,\"May 1, 2021\",2020,PG,90 min,Dramas,,Netflix\n");
        Files.createSymbolicLink(data.resolve("env.csv"), secret);

        try (DuckDbEngine engine = DuckDbEngine.inMemory(work, "1GB"); Background background = Background.open()) {
            LoadResult loaded = DataLoader.load(background, data, DataModel.standard(), engine, Files.createTempDirectory(work, "scratch-"));

            assertTrue(loaded.problems().stream().noneMatch(p -> p.severity() == Problem.Severity.FATAL), loaded.problems().toString());
            assertEquals(List.of(List.of("Harmless")), engine.query("SELECT title FROM titles WHERE title_id LIKE '%s90%'").rows(),
                    "read_csv takes a path as a pattern: [e]nv.csv must not read env.csv");
        }
    }

    @Test
    void dataFolderOutsideTheWorkingFolder_isNamedByFileNamesOnly() throws IOException {
        Path data = freshData("paths");

        Fixtures.Run run = build(data);

        assertEquals(0, run.exitCode(), run.err());
        String page = Fixtures.read(site.resolve("data.html"));
        assertTrue(page.contains("<tr><td data-label=\"Table\">users</td><td data-label=\"File\">users.csv</td>"), page);
        assertTrue(PublishedText.of(site).files().get("report.pdf").contains("Thefilesofthedatafolder:users.csv,titles.csv,"
                + "viewing_sessions.csv"), "the PDF names the files as the Data page does");
        assertNothingPublished();
    }

    /** Runs the build; asserts exit code 2, the problem as the command line lists it, and the site as it was. */
    private static void assertFailsLeavingTheSite(Path data, String problem) {
        Map<String, byte[]> before = Fixtures.tree(site);

        Fixtures.Run run = build(data);

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("The data in " + data + " cannot be used"), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches("  \\d+\\. " + java.util.regex.Pattern.quote(problem))), run.err());
        Map<String, byte[]> after = Fixtures.tree(site);
        assertEquals(before.keySet(), after.keySet(), "a failed run leaves the site as it was");
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
    }

    /** No published file holds any of the texts, nor this machine's path of the work folder. */
    private static void assertNothingPublished(String... texts) throws IOException {
        PublishedText published = PublishedText.of(site);
        published.assertNowhere(work.toString(), "the build machine's path of the data");
        published.assertNowhere(work.toRealPath().toString(), "the build machine's path of the data");
        for (String text : texts) {
            published.assertNowhere(text, "a secret");
        }
    }

    private static Fixtures.Run build(Path data) {
        return Fixtures.marquee("build", "--data", data.toString(), "--out", site.toString(), "--min-group-size", "1",
                "--questions", QUESTIONS.toString());
    }

    private static Path freshData(String name) {
        Path data = work.resolve("data-" + name);
        Fixtures.copyTree(Fixtures.TINY, data);
        return data;
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
