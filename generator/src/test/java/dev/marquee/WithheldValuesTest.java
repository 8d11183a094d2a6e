package dev.marquee;

import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflow's log is public for a public repository: with --withhold-values the command line prints problems the
 * way the public Data page shows them. The fixture's row 5 has its columns shifted: an id in signup_date, an e-mail
 * address in age.
 */
class WithheldValuesTest {

    private static final Path SHIFTED = Fixtures.ROOT.resolve("generator/src/test/resources/bad/id-and-email-in-shifted-row");

    @TempDir
    Path temp;

    @Test
    void validate_withoutTheFlag_showsTheDataOwnerTheValues() {
        Fixtures.Run run = Fixtures.marquee("validate", "--data", data().toString(), "--max-bad-rows", "0.5");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("jane.doe@example.com"), run.out());
    }

    @Test
    void validate_withheld_namesLineColumnAndRuleButNoValue() {
        Fixtures.Run run = Fixtures.marquee("validate", "--data", data().toString(), "--max-bad-rows", "0.5", "--withhold-values");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("users.csv:5 column age: value \"(withheld)\""), run.out());
        assertFalse(run.out().contains("jane.doe@example.com") || run.out().contains("4815162342"), run.out());
    }

    @Test
    void build_failingWithWithheldValues_listsProblemsWithoutValues() {
        Fixtures.Run run = Fixtures.marquee("build", "--data", data().toString(), "--out", temp.resolve("site").toString(),
                "--max-bad-rows", "0", "--withhold-values");

        assertEquals(ReportException.DATA_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("users.csv:5 column signup_date: value \"(withheld)\""), run.err());
        assertFalse(run.err().contains("jane.doe@example.com") || run.err().contains("4815162342"), run.err());
    }

    /** The tiny fixture with the shifted users.csv. */
    private Path data() {
        Path data = temp.resolve("data");
        if (!data.toFile().exists()) {
            Fixtures.copyTree(Fixtures.TINY, data);
            try {
                java.nio.file.Files.deleteIfExists(data.resolve("README.md"));
                java.nio.file.Files.copy(SHIFTED.resolve("users.csv"), data.resolve("users.csv"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return data;
    }
}
