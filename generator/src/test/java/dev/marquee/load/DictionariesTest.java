package dev.marquee.load;

import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.run.Background;
import dev.marquee.validate.ValidationReport;
import dev.marquee.validate.Validator;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events' titles and devices stored as DuckDB ENUMs where every file feeding them is Parquet, their values in text
 * order, the same text read back, and validation quoting a set-aside value as the file wrote it.
 */
class DictionariesTest {

    private static final Path FIXTURE = Fixtures.FIXTURES.resolve("questions");
    private static final List<String> LISTED = List.of("titles.title_id", "viewing_sessions.title_id", "ratings.title_id",
            "viewing_sessions.device");
    /** The fixture's devices, in text order. */
    private static final String DEVICES = "Laptop,Mobile,TV,Tablet";

    private static DuckDbEngine engine() throws java.io.IOException {
        return DuckDbEngine.inMemory(Fixtures.scratch("marquee-dictionaries-"), "1GB");
    }

    private static LoadResult load(DuckDbEngine engine, Path data) throws java.io.IOException {
        try (Background background = Background.open()) {
            return DataLoader.load(background, data, DataModel.standard(), engine, Fixtures.scratch("marquee-dictionaries-scratch-"));
        }
    }

    private static String type(DuckDbEngine engine, String column) {
        String table = column.substring(0, column.indexOf('.'));
        String name = column.substring(column.indexOf('.') + 1);
        return (String) engine.scalar("SELECT data_type FROM duckdb_columns() WHERE table_name = '" + table + "' AND column_name = '" + name + "'");
    }

    /** Every value of the column as text, in the order the engine sorts the column by. */
    private static List<Object> sorted(DuckDbEngine engine, String column) {
        String table = column.substring(0, column.indexOf('.'));
        String name = column.substring(column.indexOf('.') + 1);
        return engine.query("SELECT CAST(" + name + " AS VARCHAR) FROM " + table + " ORDER BY " + name + ", rowid").rows().stream()
                .map(row -> row.get(0)).toList();
    }

    @Test
    void fromParquet_theTitlesAndDevicesAreLists_sortedAsTheirText_andReadBackTheSame() throws Exception {
        Path parquet = Fixtures.asParquet(FIXTURE);
        try (DuckDbEngine fromCsv = engine(); DuckDbEngine fromParquet = engine()) {
            LoadResult csv = load(fromCsv, FIXTURE);
            LoadResult listed = load(fromParquet, parquet);
            assertEquals(Set.of(), csv.enumColumns());
            assertEquals(Set.copyOf(LISTED), listed.enumColumns());
            for (String column : LISTED) {
                assertEquals("VARCHAR", type(fromCsv, column), column);
                assertTrue(type(fromParquet, column).startsWith("ENUM("), column + ": " + type(fromParquet, column));
                // Sorting by the list's numbers sorts as the text does (the questions order titles and devices by them).
                assertEquals(sorted(fromCsv, column), sorted(fromParquet, column), column);
            }
            // The titles' ids and the events' share one list: joined, they compare numbers, not text.
            assertEquals(type(fromParquet, "titles.title_id"), type(fromParquet, "viewing_sessions.title_id"));
            assertEquals(DEVICES, fromParquet.scalar("SELECT array_to_string(enum_range(NULL::marquee_device), ',')"));
        }
    }

    @Test
    void aTitlesFileInCsv_keepsEveryTitleIdText_whileTheDevicesAreStillAList() throws Exception {
        Path mixed = Fixtures.asParquet(FIXTURE, "titles");
        try (DuckDbEngine engine = engine()) {
            LoadResult loaded = load(engine, mixed);
            assertEquals(Set.of("viewing_sessions.device"), loaded.enumColumns());
            for (String column : List.of("titles.title_id", "viewing_sessions.title_id", "ratings.title_id")) {
                assertEquals("VARCHAR", type(engine, column), column);
            }
        }
    }

    @Test
    void besideAPublicFile_everyColumnStaysText() throws Exception {
        Path parquet = Fixtures.asParquet(FIXTURE);
        Files.copy(Fixtures.EXCERPTS.resolve("netflix_titles.csv"), parquet.resolve("netflix_titles.csv"));
        try (DuckDbEngine engine = engine()) {
            LoadResult loaded = load(engine, parquet);
            assertEquals(Set.of(), loaded.enumColumns());
            LISTED.forEach(column -> assertEquals("VARCHAR", type(engine, column), column));
        }
    }

    /**
     * An event whose title the titles lack, or whose title is blank, is set aside as from text: the list holds the
     * file's values, blank ones too, and the problem quotes the id as the file wrote it.
     */
    @Test
    void anUnknownOrBlankTitle_isSetAside_andQuotedAsTheFileWroteIt() throws Exception {
        Path parquet = Fixtures.asParquet(FIXTURE);
        try (DuckDbEngine engine = engine()) {
            engine.execute("COPY (SELECT * EXCLUDE (file_row_number) REPLACE (CASE file_row_number WHEN 0 THEN 't-unknown' WHEN 1 THEN '  '"
                    + " ELSE title_id END AS title_id) FROM read_parquet('" + parquet.resolve("viewing_sessions.parquet") + "', file_row_number = true)"
                    + " ORDER BY file_row_number) TO '"
                    + parquet.resolve("edited.parquet") + "' (FORMAT parquet)");
        }
        Files.move(parquet.resolve("edited.parquet"), parquet.resolve("viewing_sessions.parquet"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (DuckDbEngine engine = engine(); Background background = Background.open()) {
            LoadResult loaded = load(engine, parquet);
            assertTrue(loaded.enumColumns().contains("viewing_sessions.title_id"));
            ValidationReport report = Validator.validate(background, engine, loaded, LocalDate.of(2024, 3, 31), 0.5);
            Map<String, String> quoted = new java.util.TreeMap<>();
            for (Problem problem : report.setAsideSample()) {
                quoted.put(problem.rule(), problem.value());
            }
            assertEquals(Map.of("blank-required", "  ", "unknown-reference", "t-unknown"), quoted);
            assertEquals(0L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions WHERE CAST(title_id AS VARCHAR) IN ('t-unknown', '  ')")).longValue());
        }
    }

    @Test
    void moreValuesThanTheMost_keepTheColumnsText() throws Exception {
        Path parquet = Fixtures.asParquet(FIXTURE);
        try (DuckDbEngine engine = engine()) {
            Map<String, Path> files = Map.of("titles", parquet.resolve("titles.parquet"), "viewing_sessions", parquet.resolve("viewing_sessions.parquet"));
            // Both lists have more values than two: the fixture's devices are four.
            Map<String, String> types = Dictionaries.create(engine, files, 2);
            assertEquals(Map.of(), types);
            assertEquals(0L, ((Number) engine.scalar("SELECT count(*) FROM duckdb_types() WHERE type_name LIKE 'marquee_%'")).longValue());
            // The values found are dropped with the list not made.
            assertEquals(0L, ((Number) engine.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'marquee_%'")).longValue());
        }
    }
}
