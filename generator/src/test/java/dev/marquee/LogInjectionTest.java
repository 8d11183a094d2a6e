package dev.marquee;

import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the command line prints stays one line per message, whatever the data holds: fixtures/log-injection has an
 * age {@code "41\n::error title=x::ESC[31mred"} (the workflow prints validate's output, and GitHub Actions runs a line
 * starting with {@code ::error} as a command) and a country with a line feed.
 */
class LogInjectionTest {

    private static final Path DATA = Fixtures.FIXTURES.resolve("log-injection");
    private static final String SPELLED_OUT = "\"41\\n::error title=x::\\u001b[31mred\"";

    @TempDir
    Path temp;

    @Test
    void validate_valueWithLineFeedAndEscape_isPrintedOnItsProblemLine() {
        Fixtures.Run run = Fixtures.marquee("validate", "--data", DATA.toString(), "--max-bad-rows", "0.5");

        assertEquals(0, run.exitCode(), run.err());
        List<String> problems = run.out().lines().filter(line -> line.startsWith("set-aside: ")).toList();
        assertEquals(1, problems.size(), run.out());
        assertTrue(problems.get(0).contains(SPELLED_OUT), problems.get(0));
        thenEveryLineIsOurs(run.out());
    }

    @Test
    void build_failingOnTheValue_listsItOnItsNumberedLine() {
        Fixtures.Run run = Fixtures.marquee("build", "--data", DATA.toString(), "--out", temp.resolve("site").toString());

        assertEquals(ReportException.DATA_PROBLEM, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(3, lines.size(), run.err());
        assertEquals("marquee: The data in " + DATA + " cannot be used; nothing was written (2 problems):", lines.get(0));
        assertTrue(lines.get(1).startsWith("  1. ") && lines.get(1).contains(SPELLED_OUT) && lines.get(1).endsWith("[wrong-type]"), lines.get(1));
        assertTrue(lines.get(2).startsWith("  2. ") && lines.get(2).endsWith("[too-many-bad-rows]"), lines.get(2));
        thenEveryLineIsOurs(run.out() + run.err());
    }

    @Test
    void stageLine_folderNameWithLineFeedAndEscape_staysOneLine() throws Exception {
        Path data = temp.resolve("data\n::error title=x::\u001B[31m");
        Fixtures.copyTree(DATA, data);

        Fixtures.Run run = Fixtures.marquee("validate", "--data", data.toString(), "--max-bad-rows", "0.5");

        assertEquals(0, run.exitCode(), run.err());
        String load = run.out().lines().filter(line -> line.startsWith("load ")).findFirst().orElseThrow();
        assertTrue(load.endsWith("data\\n::error title=x::\\u001b[31m"), load);
        thenEveryLineIsOurs(run.out());
    }

    @Test
    void verboseStackTrace_messageWithLineFeed_staysOnItsLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Main.printStackTrace(new IllegalStateException("bad value \"x\n::error title=x::\u001B[31m\"",
                new IllegalArgumentException("cause\r\n::warning::")), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("java.lang.IllegalStateException: bad value \"x\\n::error title=x::\\u001b[31m\"", lines.get(0));
        assertTrue(lines.contains("Caused by: java.lang.IllegalArgumentException: cause\\r\\n::warning::"), lines.toString());
        assertTrue(lines.stream().skip(1).filter(line -> !line.startsWith("Caused by: ")).allMatch(line -> line.startsWith("\tat ")),
                lines.toString());
    }

    @Test
    void reportException_messageWithLineFeed_isOneLine() {
        assertEquals("no table 'x\\n::error::'", new ReportException(ReportException.DATA_PROBLEM, "no table 'x\n::error::'").getMessage());
    }

    /** No ESC anywhere, and no line that a CI log would read as a command. */
    private static void thenEveryLineIsOurs(String printed) {
        assertFalse(printed.contains("\u001B"), "a raw ESC");
        printed.lines().forEach(line -> assertFalse(line.stripLeading().startsWith("::"), "a line of its own: " + line));
    }
}
