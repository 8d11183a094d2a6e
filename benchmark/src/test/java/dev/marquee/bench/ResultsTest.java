package dev.marquee.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recording results in BENCHMARKS.md replaces the block of the same sizes and formats and keeps the rest; the tables
 * show the peer's columns when it was measured.
 */
class ResultsTest {

    @TempDir
    Path temp;

    @Test
    void record_sameKeyReplaced_otherKeyAppended_textAroundKept() throws IOException {
        Path file = temp.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nWritten by hand.\n");

        Results.record(file, "sizes=default formats=csv.gz", "old numbers\n");
        Results.record(file, "sizes=100m formats=parquet", "big numbers\n");
        Results.record(file, "sizes=default formats=csv.gz", "new numbers\n");

        assertEquals("""
                # Benchmarks

                Written by hand.

                <!-- benchmark sizes=default formats=csv.gz -->
                new numbers
                <!-- end benchmark -->

                <!-- benchmark sizes=100m formats=parquet -->
                big numbers
                <!-- end benchmark -->
                """, Files.readString(file));
    }

    @Test
    void markdown_peerMeasured_wallTimeSpeedUpAndPeakRssColumns() {
        Size size = Size.parse("1m");
        Measurement csv = new Measurement(size, "csv.gz", 40_000_000, List.of(report(4.0), report(5.0), report(6.0)),
                List.of(alone(3.0)), 3_000_000, 150_000, List.of(peer(21.0), peer(20.0), peer(24.0)), 0.8, List.of());
        Measurement parquet = new Measurement(size, "parquet", 30_000_000, List.of(report(4.2)), List.of(alone(2.5)),
                3_000_000, 150_000, List.of(peer(20.0)), Double.NaN, List.of());

        String md = Results.markdown("sizes=1m formats=csv.gz,parquet", machine(), List.of(csv, parquet), "`java -Xmx512m ...`",
                List.of("-Xmx512m"), "2GB", 3, LocalDate.of(2026, 12, 3), "0.5", new Machine.SpeedCheck(0.3, 90),
                "`scripts/peer/peer.py` on Python 3.11.2, pandas 1.5.3, matplotlib 3.6.3");

        assertTrue(md.contains("- Peer: `scripts/peer/peer.py` on Python 3.11.2, pandas 1.5.3, matplotlib 3.6.3\n"), md);
        assertTrue(md.contains("| events | format | input | load s | query s | report wall s (min–max) | report CPU s "
                + "| DuckDB alone wall s (min–max) | report ÷ DuckDB | one scan of the events s | peer wall s (min–max) "
                + "| report speed-up over peer (peer ÷ report) |\n"), md);
        assertTrue(md.contains("| 1m | csv.gz | 40 MB | 1.00 | 2.00 | 5.00 (4.00–6.00) | 7.00 | 3.00 (3.00–3.00) | 1.67 | 0.80 "
                + "| 21.00 (20.00–24.00) | 4.20× |\n"), md);
        assertTrue(md.contains("| 1m | parquet | 30 MB | 1.00 | 2.00 | 4.20 (4.20–4.20) | 7.00 | 2.50 (2.50–2.50) | 1.68 |  "
                + "| 20.00 (20.00–20.00) | 4.76× |\n"), md);
        assertTrue(md.contains("| events | format | report peak heap | report peak RSS | DuckDB alone peak RSS "
                + "| site (without PDF) | PDF | peer peak RSS |\n"), md);
        assertTrue(md.contains("| 1m | csv.gz | 200 MB | 600 MB | 500 MB | 3.00 MB | 0.15 MB | 900 MB |\n"), md);
    }

    @Test
    void markdown_peerNotMeasured_noPeerColumns() {
        Measurement csv = new Measurement(Size.parse("default"), "csv.gz", 5_000_000, List.of(report(2.0)), List.of(alone(1.5)),
                3_000_000, 150_000, List.of(), Double.NaN, List.of());

        String md = Results.markdown("sizes=default formats=csv.gz", machine(), List.of(csv), "`java -Xmx512m ...`",
                List.of("-Xmx512m"), "2GB", 1, LocalDate.of(2026, 12, 3), "0.5", new Machine.SpeedCheck(0.3, 90), "");

        assertTrue(md.contains("| report ÷ DuckDB |\n"), md);
        assertTrue(md.contains("| site (without PDF) | PDF |\n"), md);
        assertTrue(!md.contains("peer"), md);
    }

    @Test
    void markdown_slicesMeasured_theirWallTimeAndCostBesideTheReport() {
        // Report runs 4, 5, 6 s (median 5); with --slices 6, 7, 9 s (median 7): the slices cost 40%.
        Measurement csv = new Measurement(Size.parse("1m"), "csv.gz", 40_000_000, List.of(report(4.0), report(5.0), report(6.0)),
                List.of(alone(3.0)), 3_000_000, 150_000).withSliced(List.of(report(9.0), report(6.0), report(7.0)));

        String md = Results.markdown("sizes=1m formats=csv.gz slices=region", machine(), List.of(csv), "`java -Xmx512m ...`",
                List.of("-Xmx512m"), "2GB", 3, LocalDate.of(2026, 12, 3), "0.5", new Machine.SpeedCheck(0.3, 90), "");

        assertTrue(md.contains("| report ÷ DuckDB | with --slices wall s (min–max) | slices' cost |\n"), md);
        assertTrue(md.contains("| 1.67 | 7.00 (6.00–9.00) | +40% |\n"), md);
    }

    private static Machine machine() {
        return new Machine("Test CPU", 2, "8.0 GB", "OpenJDK 17", "Linux", "DuckDB v2.0.0", "0.4", new Machine.SpeedCheck(0.3, 90));
    }

    private static ChildJvm.Run report(double wall) {
        return run(wall, "timings  load 1.00 s · query 2.00 s · total " + wall + " s · cpu 7.00 s · peak heap 200 MB · peak RSS 600 MB");
    }

    private static ChildJvm.Run alone(double wall) {
        return run(wall, "timings  load 1.00 s · query 1.50 s · total " + wall + " s · cpu 4.00 s · peak heap 90 MB · peak RSS 500 MB");
    }

    /** The peer's summary line as scripts/peer/peer.py prints it. */
    private static ChildJvm.Run peer(double wall) {
        return run(wall, "timings  start 0.74 s · read 9.00 s · compute 3.00 s · charts 2.00 s · pages 0.02 s · total " + wall
                + " s · cpu 19.00 s · peak RSS 900 MB  (11 questions as of 2024-12-31, 1,287,762 rows read; out/index.html, out/report.pdf)");
    }

    private static ChildJvm.Run run(double wall, String summary) {
        List<String> output = List.of(summary);
        return new ChildJvm.Run(0, wall, output, Timings.parse(output));
    }
}
