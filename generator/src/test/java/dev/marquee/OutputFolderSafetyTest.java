package dev.marquee;

import dev.marquee.run.ReportException;
import dev.marquee.publish.RunFolder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What {@code --out} may name. A run replaces only a folder that is missing, empty or a site Marquee made (it carries
 * the .marquee-site marker); anything else is refused with exit code 3 before any stage runs, and nothing is touched.
 * Also: what killed runs leave behind, and sample-data over existing files.
 */
class OutputFolderSafetyTest {

    private static final String CHOOSE = "; the site would replace it. Choose a folder of its own, such as --out site.";

    @TempDir
    Path temp;

    /** A build of the tiny fixture with the skeleton question; {@code more} are added (and may repeat none of these). */
    private static Fixtures.Run build(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--data", data.toString(), "--out", out.toString(), "--min-group-size", "1",
                "--questions", WalkingSkeletonTest.SKELETON.toString()));
        args.addAll(Arrays.asList(more));
        return Fixtures.marquee(args.toArray(String[]::new));
    }

    private Path data() {
        Path data = temp.resolve("data");
        Fixtures.copyTree(Fixtures.TINY, data);
        return data;
    }

    private static void assertRefused(Fixtures.Run run, String message) {
        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.out() + run.err());
        assertEquals("marquee: " + message + System.lineSeparator(), run.err());
        assertEquals("", run.out(), "refused before any stage ran");
    }

    private static void assertSame(Map<String, byte[]> before, Path folder) {
        Map<String, byte[]> after = Fixtures.tree(folder);
        assertEquals(before.keySet(), after.keySet(), "the same files in " + folder);
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
    }

    private static List<String> names(Path folder, String glob) throws IOException {
        List<String> names = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(folder, glob)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Test
    void build_outIsTheDataFolder_isRefusedAndTheDataKept() {
        Path data = data();
        Map<String, byte[]> before = Fixtures.tree(data);

        Fixtures.Run run = build(data, data);

        assertRefused(run, "--out " + data + " is the data folder (--data)" + CHOOSE);
        assertSame(before, data);
    }

    @Test
    void build_outIsALinkToTheDataFolder_isRefusedAsTheDataFolder() throws IOException {
        Path data = data();
        Path link = Files.createSymbolicLink(temp.resolve("site"), data);
        Map<String, byte[]> before = Fixtures.tree(data);

        Fixtures.Run run = build(data, link);

        assertRefused(run, "--out " + link + " (a link to " + data + ") is the data folder (--data)" + CHOOSE);
        assertSame(before, data);
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void build_outIsAParentOfTheDataFolder_isRefused() {
        Path data = data();
        Map<String, byte[]> before = Fixtures.tree(temp);

        Fixtures.Run run = build(data, temp);

        assertRefused(run, "--out " + temp + " is a parent of the data folder (--data) " + data + CHOOSE);
        assertSame(before, temp);
    }

    @Test
    void build_outIsTheQuestionsFolder_isRefused() {
        Path questions = temp.resolve("questions");
        Fixtures.copyTree(WalkingSkeletonTest.SKELETON, questions);

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--questions", questions.toString(),
                "--out", questions.toString());

        assertRefused(run, "--out " + questions + " is the questions folder (--questions)" + CHOOSE);
        assertTrue(Files.exists(questions.resolve("watch-time.sql")));
    }

    @Test
    void build_outIsTheRootFolder_isRefused() {
        assertRefused(build(Fixtures.TINY, Path.of("/")), "--out / is the root of the file system. Choose a folder of its own, such as --out site.");
    }

    @Test
    void build_outIsTheHomeFolder_isRefused() {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        assumeFalse(Fixtures.ROOT.startsWith(home) || Fixtures.TINY.startsWith(home), "the project lies in the home folder");

        assertRefused(build(Fixtures.TINY, home), "--out " + home + " is the home folder" + CHOOSE);
    }

    /** The case: in a clone, {@code build --out .} would have replaced data/, the sources and .git. */
    @Test
    void build_outIsTheCloneItWasStartedIn_isRefusedAndNothingDeleted() throws Exception {
        Path clone = cloneLikeFolder();
        Map<String, byte[]> before = Fixtures.tree(clone);

        Fixtures.Run run = runIn(clone, "build", "--out", ".", "--min-group-size", "1");

        assertRefused(run, "--out " + clone + " is a parent of the data folder (--data) " + clone.resolve("data") + CHOOSE);
        assertSame(before, clone);
    }

    @Test
    void build_outIsTheWorkingFolder_isRefusedEvenWhenTheDataIsElsewhere() throws Exception {
        Path clone = cloneLikeFolder();
        Map<String, byte[]> before = Fixtures.tree(clone);

        Fixtures.Run run = runIn(clone, "build", "--data", Fixtures.TINY.toString(), "--questions", WalkingSkeletonTest.SKELETON.toString(),
                "--out", ".", "--min-group-size", "1");

        assertRefused(run, "--out " + clone + " is the working folder" + CHOOSE);
        assertSame(before, clone);
    }

    @Test
    void build_outHoldsAUsersFile_isRefusedAndTheFileKept() throws IOException {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("thesis.txt"), "three years of work");

        Fixtures.Run run = build(Fixtures.TINY, out);

        assertRefused(run, "--out " + out + " holds files Marquee did not write (thesis.txt) and no .marquee-site marker; Marquee "
                + "replaces only an empty folder or a site it made. Choose another folder, or empty this one (a site made before "
                + "Marquee wrote markers: delete it once by hand).");
        assertEquals("three years of work", Files.readString(out.resolve("thesis.txt")));
    }

    @Test
    void build_outIsAFile_isRefusedAndTheFileKept() throws IOException {
        Path file = Files.writeString(temp.resolve("report"), "not a folder");

        Fixtures.Run run = build(Fixtures.TINY, file);

        assertRefused(run, "--out " + file + " is a file, not a folder; Marquee does not replace files. Choose a folder.");
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void build_outIsAPreviousMarqueeSite_isReplacedAsAWhole() throws IOException {
        Path site = temp.resolve("site");
        assertEquals(0, build(Fixtures.TINY, site).exitCode());
        Files.writeString(site.resolve("old-page.html"), "from an earlier report");

        Fixtures.Run run = build(Fixtures.TINY, site);

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(site.resolve("old-page.html")), "the previous site was replaced, not merged");
        assertTrue(Files.readString(site.resolve(".marquee-site")).startsWith("This site was made by Marquee"));
        assertEquals(List.of("site"), names(temp, "*"), "nothing left beside the site");
        assertEquals(List.of(), names(temp, ".*"));
    }

    @Test
    void build_outIsAnEmptyFolder_isAccepted() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));

        Fixtures.Run run = build(Fixtures.TINY, site);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(site.resolve("index.html")));
    }

    @Test
    void build_outIsMissingWithMissingParents_isCreated() {
        Path site = temp.resolve("reports/2024/site");

        Fixtures.Run run = build(Fixtures.TINY, site);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(site.resolve("index.html")));
    }

    /** Checked before the first stage, instead of failing after the last with the new site already published. */
    @Test
    void build_previousSiteHasAReadOnlyFolder_isRefusedBeforeAnyStage() throws IOException {
        Path site = temp.resolve("site");
        assertEquals(0, build(Fixtures.TINY, site).exitCode());
        Path csv = site.resolve("csv");
        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(csv), "this user (root) may delete from read-only folders");
            Map<String, byte[]> before = Fixtures.tree(site);

            Fixtures.Run run = build(Fixtures.TINY, site);

            assertRefused(run, "--out " + site + " cannot be replaced: " + csv + " is read-only, and the previous site is deleted "
                    + "once the new one is in. Make it writable or choose another folder.");
            assertSame(before, site);
        } finally {
            Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void build_outsParentIsReadOnly_isRefusedBeforeAnyStage() throws IOException {
        Path parent = Files.createDirectories(temp.resolve("locked"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(parent), "this user (root) may write into read-only folders");

            Fixtures.Run run = build(Fixtures.TINY, parent.resolve("site"));

            assertRefused(run, "--out " + parent.resolve("site") + " cannot be written: its parent folder " + parent
                    + " is read-only. Choose a folder you may write to.");
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void export_outHoldsAUsersFile_isRefused() throws IOException {
        Path out = Files.createDirectories(temp.resolve("lake"));
        Files.writeString(out.resolve("notes.md"), "mine");

        Fixtures.Run run = Fixtures.marquee("export", "--data", Fixtures.TINY.toString(), "--out", out.toString());

        assertRefused(run, "--out " + out + " holds files Marquee did not write (notes.md) and no .marquee-export marker; Marquee "
                + "replaces only an empty folder or an export it made. Choose another folder, or empty this one (an export made "
                + "before Marquee wrote markers: delete it once by hand).");
        assertEquals("mine", Files.readString(out.resolve("notes.md")));
    }

    @Test
    void export_outIsAPreviousExport_isReplaced() throws IOException {
        Path out = temp.resolve("lake");
        assertEquals(0, Fixtures.marquee("export", "--data", Fixtures.TINY.toString(), "--out", out.toString()).exitCode());
        Files.writeString(out.resolve("stale.parquet"), "from an earlier export");

        Fixtures.Run run = Fixtures.marquee("export", "--data", Fixtures.TINY.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(out.resolve("stale.parquet")));
        assertTrue(Files.exists(out.resolve(".marquee-export")));
        assertTrue(Files.readString(out.resolve("trino.sql")).contains("external_location = 'local:///lake/users'"));
    }

    @Test
    void sampleData_overExistingFilesWithoutForce_isRefusedAndTheFilesKept() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("users.csv.gz"), "the real members");
        Files.writeString(data.resolve("ratings.csv.gz"), "the real ratings");
        Map<String, byte[]> before = Fixtures.tree(data);

        Fixtures.Run run = Fixtures.marquee("sample-data", "--out", data.toString(), "--sessions", "400");

        assertRefused(run, "sample-data: --out " + data + " already holds users.csv.gz, ratings.csv.gz; pass --force to replace "
                + "them, or choose another folder");
        assertSame(before, data);
    }

    @Test
    void sampleData_overExistingFilesWithForce_replacesThem() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("users.csv.gz"), "the real members");
        Files.writeString(data.resolve("notes.txt"), "mine");

        Fixtures.Run run = Fixtures.marquee("sample-data", "--out", data.toString(), "--sessions", "400", "--force");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.readString(data.resolve("users.csv.gz"), StandardCharsets.ISO_8859_1).equals("the real members"));
        assertEquals("mine", Files.readString(data.resolve("notes.txt")), "files of other names are left alone");
    }

    /**
     * A run killed with kill -9 runs no clean-up: its staging folder beside the site and its scratch folder stay. The
     * next run removes them (their owner is gone) but keeps the folders of a run still going (here, this JVM's).
     */
    @Test
    void build_afterAKilledRun_removesItsLeftoversButKeepsThoseOfALiveRun() throws Exception {
        Path site = temp.resolve("site");
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        Process killed = startIn(Fixtures.ROOT, "build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--min-group-size", "1", "--questions", WalkingSkeletonTest.SKELETON.toString(), "--temp-dir", scratch.toString());
        awaitFolders(killed, temp, scratch);
        killed.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        assertEquals(1, names(temp, ".site.building-*").size(), "kill -9 leaves the staging folder");
        assertEquals(1, names(scratch, "marquee-*").size(), "and the scratch folder");

        try (RunFolder liveStaging = RunFolder.create(temp, ".site.building-");
             RunFolder liveScratch = RunFolder.create(scratch, "marquee-")) {
            Fixtures.Run run = build(Fixtures.TINY, site, "--temp-dir", scratch.toString());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of(liveStaging.path().getFileName().toString()), names(temp, ".site.building-*"));
            assertEquals(List.of(liveScratch.path().getFileName().toString()), names(scratch, "marquee-*"));
        }
    }

    /** SIGTERM (a CI job cancelled, a container stopped) runs the shutdown hook: no staging or scratch folder stays. */
    @Test
    void build_stoppedWithSigterm_removesItsStagingAndScratchAndKeepsThePreviousSite() throws Exception {
        Path site = temp.resolve("site");
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        assertEquals(0, build(Fixtures.TINY, site).exitCode());
        Map<String, byte[]> before = Fixtures.tree(site);
        Process stopped = startIn(Fixtures.ROOT, "build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--min-group-size", "1", "--questions", WalkingSkeletonTest.SKELETON.toString(), "--temp-dir", scratch.toString());
        awaitFolders(stopped, temp, scratch);

        stopped.destroy();

        assertTrue(stopped.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), names(temp, ".site.*"));
        assertEquals(List.of(), names(scratch, "*"));
        assertSame(before, site);
    }

    @Test
    void build_asOfMoreThanAYearAfterTheData_isRefused() {
        Fixtures.Run run = build(Fixtures.TINY, temp.resolve("site"), "--as-of", "2025-03-02");

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: --as-of must be at most a year after the latest activity in the data (2024-03-01), so from 1900-01-01 "
                + "to 2025-03-01, got 2025-03-02; leave --as-of out to date the report 2024-03-01" + System.lineSeparator(), run.err());
        assertFalse(Files.exists(temp.resolve("site")));
    }

    /** A folder like a clone of the project: .git, pom.xml, sources, data/ and questions/. */
    private Path cloneLikeFolder() throws IOException {
        Path clone = Files.createDirectories(temp.resolve("clone"));
        Files.createDirectories(clone.resolve(".git"));
        Files.writeString(clone.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(clone.resolve("generator/src"));
        Files.writeString(clone.resolve("generator/src/Main.java"), "class Main {}\n");
        Fixtures.copyTree(Fixtures.TINY, clone.resolve("data"));
        Fixtures.copyTree(WalkingSkeletonTest.SKELETON, clone.resolve("questions"));
        return clone;
    }

    /** The command line in a JVM of its own, started in {@code folder} (a test cannot change its own working folder). */
    private static ProcessBuilder child(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "dev.marquee.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile());
    }

    /** A run in a JVM of its own, left running; what it prints is discarded. */
    private static Process startIn(Path folder, String... args) throws IOException {
        return child(folder, args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private Fixtures.Run runIn(Path folder, String... args) throws Exception {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        Process process = child(folder, args).redirectOutput(logs.resolve("out").toFile()).redirectError(logs.resolve("err").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Fixtures.Run(process.exitValue(), Files.readString(logs.resolve("out")), Files.readString(logs.resolve("err")));
    }

    /** Waits until the run has made its staging and scratch folders, owner files written (it does before the first stage). */
    private static void awaitFolders(Process process, Path parent, Path scratch) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!owned(parent, ".site.building-*") || !owned(scratch, "marquee-*")) {
            assertTrue(process.isAlive(), "the run ended before it made its folders");
            assertTrue(System.nanoTime() < deadline, "no staging and scratch folders after 60 s");
            Thread.sleep(10);
        }
    }

    /** The folder and its whole owner file: killed while it writes the file, a run leaves a folder no later run may claim. */
    private static boolean owned(Path parent, String glob) throws IOException {
        List<String> found = names(parent, glob);
        Path owner = found.isEmpty() ? null : parent.resolve(found.get(0)).resolve(RunFolder.OWNER_FILE);
        return owner != null && Files.isRegularFile(owner) && Files.readString(owner).contains("\nhost ");
    }
}
