package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Table;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.Problem;
import dev.marquee.model.TableSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Parquet file into one model table; its columns are cast to the model's types, a column with a list of values
 * ({@link Dictionaries}) to that list's type.
 */
final class ParquetFile {

    private ParquetFile() {
    }

    /** The file as a table to select from. */
    static String source(Path file) {
        return "read_parquet(" + DataLoader.fileLiteral(file) + ")";
    }

    /** The file's columns: each name as the loader matches it to the model, and as the file writes it. */
    static Map<String, String> columns(Engine engine, String source) {
        Map<String, String> fileColumns = new LinkedHashMap<>();
        Table described = engine.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + source + ")");
        for (List<Object> row : described.rows()) {
            fileColumns.put(CsvFile.normalize(row.get(0).toString()), row.get(0).toString());
        }
        return fileColumns;
    }

    /** A file's column ({@code original}, as the file names it) cast to the model's type. */
    static String typed(String original, String sqlType) {
        return "CAST(" + DataLoader.identifier(original) + " AS " + sqlType + ")";
    }

    /**
     * @param dictionaries the type of each column ({@code table.column}) stored as a list of values
     */
    static Optional<LoadedTable> load(Engine engine, TableSpec spec, Path file, String shown, Map<String, String> dictionaries,
                                      List<Problem> problems) {
        String source = source(file);
        Map<String, String> fileColumns;
        try {
            fileColumns = columns(engine, source);
        } catch (EngineException e) {
            problems.add(Problem.fatal(shown, 0, "", "unreadable-file", "could not be read as Parquet: " + DataLoader.firstLine(e)));
            return Optional.empty();
        }
        boolean ok = true;
        for (ColumnSpec required : spec.requiredColumns()) {
            if (!fileColumns.containsKey(required.name())) {
                problems.add(Problem.fatal(shown, 0, required.name(), "missing-column",
                        "required column is missing; the file has " + List.copyOf(fileColumns.values()) + " and table "
                                + spec.name() + " needs " + spec.requiredColumns().stream().map(ColumnSpec::name).toList()));
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        Map<ColumnSpec, String> select = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            String original = fileColumns.get(column.name());
            if (original == null) {
                select.put(column, DataLoader.nullValue(column));
                missing.add(column.name());
            } else {
                String typed = typed(original, column.sqlType());
                String dictionary = dictionaries.get(spec.name() + "." + column.name());
                select.put(column, dictionary == null ? typed : "CAST(" + typed + " AS " + dictionary + ")");
            }
        }
        List<String> extra = fileColumns.entrySet().stream()
                .filter(e -> spec.column(e.getKey()).isEmpty()).map(Map.Entry::getValue).toList();
        try {
            MemberIds.load(engine, spec.name(), select, "FROM " + source);
        } catch (EngineException e) {
            problems.add(Problem.fatal(shown, 0, "", "wrong-type",
                    "a column does not hold the model's type: " + DataLoader.firstLine(e)));
            return Optional.empty();
        }
        long rows = ((Number) engine.scalar("SELECT count(*) FROM " + spec.name())).longValue();
        return Optional.of(new LoadedTable(spec, shown, "parquet", rows, 0, missing, extra));
    }
}
