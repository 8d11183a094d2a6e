package dev.marquee.run;

import dev.marquee.run.ReportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stages timed one after another and side by side, and the summary line every run ends with. */
class StageTimerTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StageTimer timer = new StageTimer(new PrintStream(printed, true, StandardCharsets.UTF_8));
    private final Background background = Background.open();

    @AfterEach
    void closeTheBackground() {
        background.close();
    }

    @Test
    void together_runsTheStagesAtTheSameTime_andReportsThemInTheOrderGiven() {
        // Each stage waits for the other to start: they can only both finish if they run at the same time.
        CountDownLatch bothStarted = new CountDownLatch(2);
        Runnable meetTheOther = () -> {
            bothStarted.countDown();
            try {
                assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "the other stage did not start");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };

        timer.together(background, new StageTimer.Work("site", meetTheOther, "11 pages"), new StageTimer.Work("pdf", meetTheOther, "report.pdf"));

        assertEquals(List.of("site", "pdf"), timer.stages().stream().map(StageTimer.Stage::name).toList());
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).matches("site +[0-9]+\\.[0-9]{2} s  11 pages"), lines.get(0));
        assertTrue(lines.get(1).matches("pdf +[0-9]+\\.[0-9]{2} s  report\\.pdf"), lines.get(1));
    }

    @Test
    void together_bothFail_rethrowsTheFirstInTheOrderGiven() {
        ReportException first = new ReportException(ReportException.DATA_PROBLEM, "site failed");
        IllegalStateException second = new IllegalStateException("pdf failed");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> timer.together(background,
                new StageTimer.Work("site", () -> {
                    throw first;
                }, ""),
                new StageTimer.Work("pdf", () -> {
                    throw second;
                }, "")));

        assertSame(first, thrown, "the exception itself, so a ReportException keeps its exit code");
        assertEquals(List.of(), timer.stages(), "a failed group reports no stage");
    }

    @Test
    void together_onlyTheSecondFails_rethrowsItAsThrown() {
        IllegalStateException pdf = new IllegalStateException("pdf failed");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> timer.together(background,
                new StageTimer.Work("site", () -> { }, ""),
                new StageTimer.Work("pdf", () -> {
                    throw pdf;
                }, "")));

        assertSame(pdf, thrown);
    }

    @Test
    void printSummary_listsEveryStageThenTotalCpuAndPeakMemory() {
        timer.since("start", System.nanoTime(), "ready");
        timer.time("load", () -> { }, "6 tables");

        timer.printSummary(System.nanoTime());

        String summary = printed.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.matches("timings   start [0-9.]+ s · load [0-9.]+ s · total [0-9.]+ s · cpu [0-9.]+ s"
                + " · peak heap [0-9]+ MB( · peak RSS [0-9]+ MB)?"), summary);
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(summary.contains("peak RSS"), "Linux reports the peak resident memory: " + summary);
        }
    }
}
