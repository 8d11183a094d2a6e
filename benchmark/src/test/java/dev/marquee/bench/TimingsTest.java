package dev.marquee.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the benchmark reads from a run's output, and the sizes it accepts. */
class TimingsTest {

    @Test
    void parse_buildOutput_stagesInOrderTotalsMemoryAndQuestions() {
        List<String> output = List.of(
                "start       0.33 s  9 questions read, duckdb ready",
                "load        0.27 s  6 tables, 287,762 rows from data",
                "query       0.56 s  9 questions, 43 queries",
                "wrote    site (open index.html; the PDF is report.pdf)",
                "timings   start 0.33 s · load 0.27 s · query 0.56 s · site 0.51 s · pdf 0.69 s · total 3.07 s · cpu 5.95 s"
                        + " · peak heap 140 MB · peak RSS 362 MB");

        Timings timings = Timings.parse(output).orElseThrow();

        assertEquals(List.of("start", "load", "query", "site", "pdf"), timings.stageNames());
        assertEquals(Map.of("start", 0.33, "load", 0.27, "query", 0.56, "site", 0.51, "pdf", 0.69), timings.stages());
        assertEquals(3.07, timings.total());
        assertEquals(5.95, timings.cpuSeconds());
        assertEquals(140, timings.peakHeapMb());
        assertEquals(362, timings.peakRssMb());
        assertEquals(9, timings.questions().getAsInt());
    }

    @Test
    void parse_runThatFailedBeforeItsSummary_isEmpty() {
        assertTrue(Timings.parse(List.of("load        0.27 s  6 tables", "marquee: The data cannot be used")).isEmpty());
    }

    @Test
    void sizeParse_namesAndNumbers() {
        assertEquals(new Size("default", 200_000, true), Size.parse("default"));
        assertEquals(100_000, Size.parse("100k").events());
        assertEquals(10_000_000, Size.parse("10M").events());
        assertEquals(250_000, Size.parse("250000").events());
        assertTrue(Size.parse("100m").isLarge());
        assertEquals("a size is 'default', a number of viewing events such as 250000, or one with k or m such as 100k, 10m; got ten",
                assertThrows(IllegalArgumentException.class, () -> Size.parse("ten")).getMessage());
    }
}
