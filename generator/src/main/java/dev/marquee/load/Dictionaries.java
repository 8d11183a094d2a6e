package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The viewing events' text columns of few distinct values, the title watched and the device, stored as DuckDB
 * {@code ENUM}s: each value is then a small number into one sorted list of the column's values, and the events take a
 * third less memory. At ten million events from Parquet the layer's groupings by title and by device, and the
 * questions' joins of titles, took about 0.6 s less of a 9.5 s report, and at a hundred million events the events are
 * 1.5 GB smaller in DuckDB's memory (BENCHMARKS.md). A question sees the same text: DuckDB compares an {@code ENUM} with
 * text as text, and its values are listed in text order, so sorting by one sorts as the text does.
 *
 * <p>The list of values must be known before the events are loaded (converting them afterwards cost as much as the
 * groupings gain), so a dictionary is made only where every file feeding its columns is Parquet: a Parquet file lists
 * a column's distinct values in a few hundredths of a second, where a CSV file would be parsed twice. The title ids of
 * the titles, the events and the ratings share one list, so joining them compares numbers; an id of the events that
 * the titles lack is in the list too, and validation sets its row aside quoting it as the file wrote it. Files of the
 * public shapes append their rows after the load, with values no list holds, so a folder with one keeps every column
 * as text. One thing does tell an {@code ENUM} from its text: {@code hash()} differs, so a statement that hashes these
 * ids (to sample or to order) hashes {@code CAST(title_id AS VARCHAR)}.
 */
final class Dictionaries {

    /** A list of values shared by the columns ({@code table.column}) it is made for, as the type {@code type}. */
    record Dictionary(String type, List<String> columns) {
    }

    static final List<Dictionary> STANDARD = List.of(
            new Dictionary("marquee_title_id", List.of("titles.title_id", "viewing_sessions.title_id", "ratings.title_id")),
            new Dictionary("marquee_device", List.of("viewing_sessions.device")));

    /**
     * Beyond this many values a list is not made: the titles of a catalogue number thousands, and values that are
     * nearly unique per row (a file that wrote a session id into title_id) would gain nothing from one, while making
     * it costs: a list of ten million values took 22 s to make and 15 s to count.
     */
    static final long MOST_VALUES = 100_000;
    /** The distinct values found, counted before any list is made of them. */
    private static final String FOUND = "marquee_listed_values";

    private Dictionaries() {
    }

    /**
     * Makes the lists of values for the files about to be loaded ({@code table → file}), and returns the type each
     * column ({@code table.column}) is to be stored as; no column when a file feeding a list is not Parquet, lacks the
     * column or cannot be read (its load then reports why).
     */
    static Map<String, String> create(Engine engine, Map<String, Path> files) {
        return create(engine, files, MOST_VALUES);
    }

    static Map<String, String> create(Engine engine, Map<String, Path> files, long mostValues) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Dictionary dictionary : STANDARD) {
            Optional<String> values = values(engine, dictionary, files);
            if (values.isEmpty()) {
                continue;
            }
            try {
                // The values are found once, into a table, and counted there: the files are read once.
                engine.execute("CREATE TEMP TABLE " + FOUND + " AS " + values.get());
                if (((Number) engine.scalar("SELECT count(*) FROM " + FOUND)).longValue() > mostValues) {
                    continue;
                }
                engine.execute("CREATE TYPE " + dictionary.type() + " AS ENUM (SELECT value FROM " + FOUND + " ORDER BY value)");
            } catch (EngineException e) {
                continue;
            } finally {
                engine.execute("DROP TABLE IF EXISTS " + FOUND);
            }
            dictionary.columns().stream().filter(c -> files.containsKey(table(c))).forEach(c -> types.put(c, dictionary.type()));
        }
        return types;
    }

    /** The query finding the dictionary's values, when every file feeding it is Parquet and has its column. */
    private static Optional<String> values(Engine engine, Dictionary dictionary, Map<String, Path> files) {
        List<String> selects = new ArrayList<>();
        for (String column : dictionary.columns()) {
            Path file = files.get(table(column));
            if (file == null) {
                continue;
            }
            if (!file.getFileName().toString().endsWith(".parquet")) {
                return Optional.empty();
            }
            String source = ParquetFile.source(file);
            String original;
            try {
                original = ParquetFile.columns(engine, source).get(column.substring(column.indexOf('.') + 1));
            } catch (EngineException e) {
                return Optional.empty();
            }
            if (original == null) {
                return Optional.empty();
            }
            // Cast as the load casts the column (a text column of the model), so a value converts to the very text the
            // list holds.
            selects.add("SELECT " + ParquetFile.typed(original, "VARCHAR") + " AS value FROM " + source);
        }
        if (selects.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("SELECT DISTINCT value FROM (" + String.join(" UNION ALL ", selects) + ") AS seen WHERE value IS NOT NULL");
    }

    private static String table(String column) {
        return column.substring(0, column.indexOf('.'));
    }
}
