package dev.marquee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Paths to the checked-in fixtures and a way to run the command line as a user would. Tests run from the project root. */
public final class Fixtures {

    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path QUESTIONS = ROOT.resolve("questions");
    public static final Path FIXTURES = ROOT.resolve("generator/src/test/resources/fixtures");
    /** Excerpts of the public files, 12 rows each (see its README). */
    public static final Path EXCERPTS = FIXTURES.resolve("shapes");

    /**
     * A poppler tool's output on a PDF ({@code pdftotext} writes to standard output); skipped where poppler-utils is
     * missing, never on CI.
     */
    public static String poppler(String tool, Path pdf, String... args) throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/" + tool)) || "true".equals(System.getenv("CI")),
                tool + " (poppler-utils) is not installed");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(tool));
        command.addAll(java.util.List.of(args));
        command.add(pdf.toString());
        if (tool.equals("pdftotext")) {
            command.add("-");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError(tool + " did not finish within 60 s");
        }
        return output;
    }

    /** Site pages that are not a question's: they have no page of their own in the PDF. */
    private static final java.util.Set<String> NOT_QUESTION_PAGES = java.util.Set.of("index.html", "about.html", "data.html",
            "methodology.html", "countries.html", "changes.html");

    /**
     * The charts a site's question pages draw (tables aside) that its PDF neither draws under their title nor names on a page's "Also on
     * the site" line (a chart drawn once per file named once, by the title before its file): "watch-time.html: Watch hours
     * by device". A PDF reader must know every chart the site has.
     */
    public static java.util.List<String> chartsMissingFromPdf(Path site) throws IOException, InterruptedException {
        String pdf = poppler("pdftotext", site.resolve("report.pdf"), "-raw").replaceAll("\\s+", " ");
        java.util.regex.Pattern heading = java.util.regex.Pattern.compile("<h2 class=\"chart-title\">([^<]*)</h2>");
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(site)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String name = page.getFileName().toString();
                if (name.startsWith("country-") || NOT_QUESTION_PAGES.contains(name)) {
                    continue;
                }
                // Each drawn chart (a figure with a picture; a table alone is not drawn) of the page.
                for (String figure : Files.readString(page).split("<figure class=\"chart\"")) {
                    java.util.regex.Matcher title = heading.matcher(figure);
                    if (!figure.contains("class=\"svg-wrap wide\"") || !title.find()) {
                        continue;
                    }
                    String text = title.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                            .replace("&gt;", ">").replace("&amp;", "&");
                    String base = text.split(" \u2014 ")[0];
                    if (!pdf.contains(text) && !pdf.contains("\u201c" + base + "\u201d")) {
                        missing.add(name + ": " + text);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * A new temporary folder, deleted with everything in it when the test JVM exits: builds shared by several test
     * classes outlive any one of them, and a test run must not leave gigabytes of sites in the system's temporary folder.
     */
    public static Path scratch(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
        return folder;
    }

    private static final Map<String, Path> SLICED_SAMPLES = new java.util.HashMap<>();

    /**
     * The sample data ({@code data/}) built as of 2024-12-31 with {@code --slices dimension}, once per test run and
     * dimension: several test classes read the same sliced site.
     */
    public static synchronized Path slicedSample(String dimension) throws IOException {
        Path built = SLICED_SAMPLES.get(dimension);
        if (built == null) {
            built = scratch("marquee-sliced-" + dimension + "-").resolve("site");
            Run run = marquee("build", "--out", built.toString(), "--as-of", "2024-12-31", "--slices", dimension);
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the sample sliced by " + dimension + " did not build: " + run.err());
            }
            SLICED_SAMPLES.put(dimension, built);
        }
        return built;
    }

    /** The same with every group shown ({@code --min-group-size 1}): the figures a protected report hides, to compare. */
    public static synchronized Path slicedSampleUnprotected(String dimension) throws IOException {
        Path built = SLICED_SAMPLES.get(dimension + " unprotected");
        if (built == null) {
            built = scratch("marquee-sliced-" + dimension + "-k1-").resolve("site");
            Run run = marquee("build", "--out", built.toString(), "--as-of", "2024-12-31", "--slices", dimension, "--min-group-size", "1");
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the sample sliced by " + dimension + " with k = 1 did not build: " + run.err());
            }
            SLICED_SAMPLES.put(dimension + " unprotected", built);
        }
        return built;
    }

    /**
     * The CSV files of {@code folder} ({@code .csv} and {@code .csv.gz}) written as Parquet into a new scratch folder,
     * every column as the text the file holds, so the load casts them as it casts a CSV file's. The files named in
     * {@code keepAsCsv} (by table) are copied as they are.
     */
    public static Path asParquet(Path folder, String... keepAsCsv) throws IOException {
        Path parquet = scratch("marquee-parquet-");
        java.util.Set<String> kept = java.util.Set.of(keepAsCsv);
        try (dev.marquee.engine.DuckDbEngine engine = dev.marquee.engine.DuckDbEngine.inMemory(scratch("marquee-parquet-scratch-"), "1GB");
             Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
                    continue;
                }
                String table = name.substring(0, name.indexOf(".csv"));
                if (kept.contains(table)) {
                    Files.copy(file, parquet.resolve(name));
                } else {
                    engine.execute("COPY (SELECT * FROM read_csv('" + file + "', all_varchar = true)) TO '"
                            + parquet.resolve(table + ".parquet") + "' (FORMAT parquet)");
                }
            }
        }
        return parquet;
    }

    public static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit: the system cleans its temporary folder eventually.
        }
    }
    public static final Path TINY = FIXTURES.resolve("tiny");
    public static final Path SHARED_DATA = ROOT.resolve("../shared/data").normalize();

    /** A question of the repository's questions/ folder, read as a run reads it with the standard data model. */
    public static dev.marquee.catalog.Question question(String slug) {
        dev.marquee.model.DataModel model = dev.marquee.model.DataModel.standard();
        return dev.marquee.catalog.Catalog.read(QUESTIONS, dev.marquee.layer.Layer.standard().withModelTables(model.tableNames()),
                        dev.marquee.layer.Layer.standard().withMemberTables(model.memberTables())).stream()
                .filter(q -> q.slug().equals(slug)).findFirst().orElseThrow();
    }

    private Fixtures() {
    }

    /** What a command-line run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private static Path sampleSite;

    /** The sample report of data/ as of 2024-12-31, built once for the whole test run: tests only read it. */
    public static synchronized Path sampleSite() throws IOException {
        if (sampleSite == null) {
            Path out = scratch("marquee-sample-").resolve("site");
            Run run = marquee("build", "--out", out.toString(), "--as-of", "2024-12-31");
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the sample report did not build: " + run.err());
            }
            sampleSite = out;
        }
        return sampleSite;
    }

    /**
     * The report of a data folder made in {@code folder} of these files (copied, each under its own name), built into
     * {@code folder}/site; the build must succeed.
     */
    /** A page of the site {@link #siteOf} builds from the files. */
    public static String pageOf(Path folder, String page, Path... files) throws IOException {
        return Files.readString(siteOf(folder, files).resolve(page));
    }

    public static Path siteOf(Path folder, Path... files) throws IOException {
        Path data = Files.createDirectories(folder.resolve("data"));
        for (Path file : files) {
            Files.copy(file, data.resolve(file.getFileName().toString()));
        }
        Path site = folder.resolve("site");
        Run run = marquee("build", "--data", data.toString(), "--out", site.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, run.exitCode(), run.err());
        return site;
    }

    public static Run marquee(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every file under a folder with its bytes, by relative path. */
    public static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * The hand-computed fixture of fixtures/questions (its CSV files) copied into {@code folder}, with {@code rows}
     * (CSV lines, each ending in a line break) appended to its viewing sessions.
     */
    public static Path questionsWithSessions(Path folder, String rows) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(FIXTURES.resolve("questions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.writeString(folder.resolve("viewing_sessions.csv"), rows, java.nio.file.StandardOpenOption.APPEND);
        return folder;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
