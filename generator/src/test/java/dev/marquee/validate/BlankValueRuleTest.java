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
 * A required text value is blank when trimming empties it: spaces, or Unicode spaces such as the no-break space
 * (U+00A0) and the ideographic space (U+3000). The rule first tests where such a value can start, so DuckDB skips
 * row groups that cannot hold one; this pins down that the shortcut sets aside exactly the same rows.
 */
class BlankValueRuleTest {

    @TempDir
    Path temp;

    @Test
    void validate_blankUserIds_setsAsideSpacesAndUnicodeSpacesOnly() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("users.csv"), String.join("\n",
                "user_id,signup_date,country",
                "u1,2024-01-01,France",
                "\"   \",2024-01-02,France",        // spaces: blank
                "\"\u00a0\",2024-01-03,France",      // no-break space: blank
                "\"\u3000\u3000\",2024-01-04,Japan",  // ideographic spaces: blank
                "\" u2 \",2024-01-05,France",        // padded id: kept
                "\u00e9,2024-01-06,France",          // starts with a non-ASCII letter: kept
                "!,2024-01-07,France",               // the first character above space: kept
                ""), StandardCharsets.UTF_8);

        Fixtures.Run run = Fixtures.marquee("validate", "--data", data.toString(), "--max-bad-rows", "1");

        assertEquals(0, run.exitCode(), run.err());
        List<String> setAside = run.out().lines().filter(l -> l.contains("blank-required")).toList();
        assertEquals(3, setAside.size(), run.out());
        assertEquals(List.of(3L, 4L, 5L), setAside.stream().map(l -> Long.parseLong(l.replaceAll(".*users\\.csv:([0-9]+).*", "$1"))).toList(),
                "lines 3, 4 and 5 of users.csv:\n" + run.out());
        // 7 users, and the built-in reference tables: 49 regions, 2 fiscal calendars, 108 genres and 22 maturity ratings.
        assertEquals("ok: 5 tables, 188 rows read, 3 set aside", run.out().lines().reduce((a, b) -> b).orElseThrow());
    }
}
