package dev.marquee;

import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mistake on the command line is one line naming the option, exit code 3, and nothing written. */
class CommandLineTest {

    @TempDir
    Path temp;

    private Fixtures.Run buildWith(String... options) throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "previous site");
        String[] args = new String[options.length + 3];
        args[0] = "build";
        args[1] = "--out";
        args[2] = site.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return Fixtures.marquee(args);
    }

    private void assertRefused(Fixtures.Run run, String message) throws IOException {
        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: " + message + System.lineSeparator(), run.err());
        assertEquals("previous site", Files.readString(temp.resolve("site/index.html")), "the previous site is untouched");
    }

    @Test
    void build_unknownOption_namesItAndPointsAtHelp() throws IOException {
        assertRefused(buildWith("--bogus"), "build: unknown option --bogus (see marquee build --help)");
    }

    @Test
    void build_optionWithoutValue_saysWhatItTakes() throws IOException {
        assertRefused(buildWith("--data"), "build: --data needs a value: --data DIR (see marquee build --help)");
        assertRefused(buildWith("--data", "--as-of", "2024-01-01"), "build: --data needs a value: --data DIR (see marquee build --help)");
    }

    @Test
    void build_badValues_sayWhatIsExpected() throws IOException {
        assertRefused(buildWith("--as-of", "2024-13-01"), "build: --as-of must be a date YYYY-MM-DD from 1900-01-01 to 2999-12-31, got 2024-13-01 (see marquee build --help)");
        assertRefused(buildWith("--min-group-size", "ten"), "build: --min-group-size must be a whole number from 1 to 1000000, got ten (see marquee build --help)");
        assertRefused(buildWith("--max-bad-rows=lots"), "build: --max-bad-rows must be a number from 0 to 1, got lots (see marquee build --help)");
        assertRefused(buildWith("--verbose=yes"), "build: --verbose takes no value (see marquee build --help)");
    }

    @Test
    void build_repeatedOptionOrStrayWord_isRefused() throws IOException {
        assertRefused(buildWith("--data", "a", "--data=b"), "build: --data is given twice (see marquee build --help)");
        assertRefused(buildWith("data"), "build: unexpected argument 'data' (see marquee build --help)");
    }

    @Test
    void unknownCommand_listsTheCommands() {
        Fixtures.Run run = Fixtures.marquee("bulid");

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertEquals("marquee: unknown command 'bulid'; the commands are [build, validate, sample-data, export] (see marquee --help)"
                + System.lineSeparator(), run.err());
    }

    @Test
    void export_withoutOut_saysItIsRequired() {
        Fixtures.Run run = Fixtures.marquee("export", "--data", Fixtures.TINY.toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertTrue(run.err().startsWith("marquee: export: --out is required: --out DIR"), run.err());
    }
}
