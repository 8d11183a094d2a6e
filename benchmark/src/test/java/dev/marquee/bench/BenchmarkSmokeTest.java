package dev.marquee.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark end to end on the tiny fixture, one run: real child JVMs for the report and for DuckDB alone, the
 * Parquet conversion, and the tables recorded. Without the peer, which may need installing (ResultsTest has its
 * columns). (The real benchmark takes minutes and is not part of the tests.)
 */
class BenchmarkSmokeTest {

    /** The generator's fixtures; tests run from the project root. */
    static final Path FIXTURES = Path.of("generator/src/test/resources/fixtures");

    @TempDir
    Path temp;

    @Test
    void benchmark_tinyFixtureOneRun_recordsEveryColumnForBothFormats() throws IOException {
        Path record = temp.resolve("BENCHMARKS.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new picocli.CommandLine(new Benchmark(new PrintStream(printed, true, StandardCharsets.UTF_8))).execute(
                "--sizes", "default", "--runs", "1", "--data", FIXTURES.resolve("tiny").toString(),
                "--questions", FIXTURES.resolve("skeleton-questions").toString(),
                "--work", temp.resolve("bench").toString(), "--record", record.toString(), "--memory-limit", "256MB",
                "--launcher", "none", "--no-peer");

        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        String md = Files.readString(record);
        assertTrue(md.contains("<!-- benchmark sizes=default formats=csv.gz,parquet memory-limit=256MB -->"), md);
        assertTrue(md.contains("| events | format | input | start s | load s | validate s | layer s | query s | outlook s | privacy s | chart s | site s | pdf s |"
                + " report wall s (min–max) | report CPU s | DuckDB alone wall s (min–max) | report ÷ DuckDB |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| default (data/) | csv.gz | ")), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| default (data/) | parquet | ")), md);
        assertTrue(md.contains("- Questions: 1; median of 1 runs"), md);
        assertTrue(md.contains("DuckDB memory limit 256MB"), md);
        assertTrue(md.contains("- Every run under `-Xmx512m`: completed"), md);
        assertFalse(md.contains("peer"), md);
        assertTrue(Files.isRegularFile(temp.resolve("bench/data/default/parquet/viewing_sessions.parquet")));
        assertTrue(Files.isRegularFile(temp.resolve("bench/out/default-parquet/report.pdf")));
    }

    /**
     * One scan of the project's own events (the floor column): their rows' hashes XOR-ed are above a Java long's range,
     * which failed the scan and left the column empty.
     */
    @Test
    void scanOnly_theProjectsData_readsEveryEventOnce() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new picocli.CommandLine(new Baseline(new PrintStream(printed, true, StandardCharsets.UTF_8))).execute(
                "--data", "data", "--scan-only", "--memory-limit", "256MB");

        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("scan ") && l.contains("every value of every column, read once")), out);
    }
}
