package dev.marquee.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recording results in BENCHMARKS.md replaces the block of the same sizes and formats and keeps the rest. */
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
}
