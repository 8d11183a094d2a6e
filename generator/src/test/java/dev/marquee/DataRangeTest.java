package dev.marquee;

import dev.marquee.engine.DuckDbEngine;
import dev.marquee.load.DataLoader;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.report.Report;
import dev.marquee.run.Background;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The days the data covers, per table and for the viewing, against the fixture's files read by hand: a table's first
 * and last day over all its date columns (a subscription's end too), a session late in the day counting for its day,
 * and a title's date added but not its release year.
 */
class DataRangeTest {

    @TempDir
    Path temp;

    @Test
    void eachTablesFirstAndLastDay_overItsDateColumns() throws Exception {
        Path data = Fixtures.questionsWithSessions(temp.resolve("data"), "6,t1,2024-03-31 23:59:59,10,TV,true\n");
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "512MB"); Background background = Background.open()) {
            LoadResult loaded = DataLoader.load(background, data, DataModel.standard(), engine, Files.createDirectories(temp.resolve("scratch")));

            Map<String, String> ranges = new TreeMap<>();
            Pipeline.DataRange.perTable(engine, loaded).forEach((table, range) -> ranges.put(table, range.first() + " to " + range.last()));

            assertEquals(Map.of(
                    "users", "2024-01-10 to 2024-03-10",
                    "subscriptions", "2024-01-10 to 2024-03-15",
                    "payments", "2024-01-10 to 2024-03-10",
                    "ratings", "2024-01-12 to 2024-03-30",
                    "titles", "2021-01-01 to 2022-05-01",
                    "viewing_sessions", "2024-01-11 to 2024-03-31"), ranges);
            Report.DateRange viewing = Pipeline.DataRange.of(engine, loaded);
            assertEquals(LocalDate.of(2024, 1, 11), viewing.first());
            assertEquals(LocalDate.of(2024, 3, 31), viewing.last());
        }
    }
}
