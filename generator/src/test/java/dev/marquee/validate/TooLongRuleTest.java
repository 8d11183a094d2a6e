package dev.marquee.validate;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A text value longer than its column's max_length (1000 characters by default) is set aside as too-long. The rule
 * runs only where DuckDB's statistics say a column holds a longer string, in bytes; these pin down that it counts
 * characters, not bytes, and sets aside exactly the rows over the limit.
 */
class TooLongRuleTest {

    @TempDir
    Path temp;

    @Test
    void validate_valuesAroundTheLimit_setsAsideOnlyThoseOverAThousandCharacters() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("users.csv"), String.join("\n",
                "user_id,signup_date,country",
                "u1,2024-01-01," + "F".repeat(1000),      // exactly the limit: kept
                "u2,2024-01-02," + "F".repeat(1001),      // one over: set aside
                "u3,2024-01-03," + "\u65e5".repeat(1000), // 1000 characters in 3000 bytes: kept
                "u4,2024-01-04," + "\u65e5".repeat(1001), // 1001 characters: set aside
                "u5,2024-01-05,France",
                ""), StandardCharsets.UTF_8);

        Fixtures.Run run = Fixtures.marquee("validate", "--data", data.toString(), "--max-bad-rows", "1");

        assertEquals(0, run.exitCode(), run.err());
        List<String> setAside = run.out().lines().filter(l -> l.endsWith("[too-long]")).toList();
        assertEquals(List.of(
                "set-aside: users.csv:3 column country: value \"" + "F".repeat(77) + "...\": country is longer than 1000 characters "
                        + "(max_length of the data model); row set aside [too-long]",
                "set-aside: users.csv:5 column country: value \"" + "\u65e5".repeat(77) + "...\": country is longer than 1000 "
                        + "characters (max_length of the data model); row set aside [too-long]"), setAside);
    }

    @Test
    void validate_shortValuesOnly_setsNothingAside() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Fixtures.copyTree(Fixtures.TINY, data);

        Fixtures.Run run = Fixtures.marquee("validate", "--data", data.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(), run.out().lines().filter(l -> l.contains("too-long")).toList());
    }
}
