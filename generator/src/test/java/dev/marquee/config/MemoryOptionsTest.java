package dev.marquee.config;

import dev.marquee.Fixtures;
import dev.marquee.run.ReportException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --memory-limit and --temp-dir: how sizes are read, the default, and where the run's scratch files go. */
class MemoryOptionsTest {

    @TempDir
    Path temp;

    @Test
    void withMemoryLimit_sizesInDecimalAndBinaryUnits_becomeMegabytes() {
        assertEquals(4000, Config.defaults().withMemoryLimit("4GB").memoryLimitMb());
        assertEquals(512, Config.defaults().withMemoryLimit("512mb").memoryLimitMb());
        assertEquals(1500, Config.defaults().withMemoryLimit("1.5 GB").memoryLimitMb());
        // 2 GiB = 2 147 483 648 bytes = 2147.48 MB, rounded down.
        assertEquals(2147, Config.defaults().withMemoryLimit("2GiB").memoryLimitMb());
        assertEquals("4000MB", Config.defaults().withMemoryLimit("4GB").memoryLimit());
    }

    @Test
    void withMemoryLimit_share_isThatShareOfTheMachinesMemory() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();

        assertEquals((long) (total * 0.5 / 1e6), Config.defaults().withMemoryLimit("50%").memoryLimitMb());
        assertEquals((long) (total * 0.6 / 1e6), Config.defaults().memoryLimitMb(), "the default is 60% of the memory");
    }

    @Test
    void withMemoryLimit_unreadableOrTooSmall_failsWithTheOptionNamed() {
        ReportException words = assertThrows(ReportException.class, () -> Config.defaults().withMemoryLimit("lots"));
        assertEquals("--memory-limit must be a size such as 4GB or 512MB, or a share of the memory such as 50%, got lots",
                words.getMessage());
        assertEquals(ReportException.CONFIG_PROBLEM, words.exitCode());

        assertEquals("--memory-limit must be from 64MB to " + Config.shareOfMemory(1) + "MB (the machine's memory), got 10MB",
                assertThrows(ReportException.class, () -> Config.defaults().withMemoryLimit("10MB")).getMessage());
        assertEquals("--memory-limit as a share must be above 0% and at most 100%, got 150%",
                assertThrows(ReportException.class, () -> Config.defaults().withMemoryLimit("150%")).getMessage());
    }

    @Test
    void build_withMemoryLimitAndTempDir_succeedsAndLeavesTheTempDirEmpty() throws IOException {
        Path scratch = Files.createDirectories(temp.resolve("scratch"));

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", temp.resolve("site").toString(),
                "--min-group-size", "1", "--questions", Fixtures.FIXTURES.resolve("skeleton-questions").toString(),
                "--memory-limit", "256MB", "--temp-dir", scratch.toString());

        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count(), "the run's scratch folder is deleted at the end");
        }
    }

    @Test
    void build_tempDirMissing_failsBeforeAnythingRuns() {
        Path missing = temp.resolve("no-such-folder");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", temp.resolve("site").toString(),
                "--temp-dir", missing.toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("Temporary folder " + missing + " does not exist. Pass --temp-dir DIR"), run.err());
    }
}
