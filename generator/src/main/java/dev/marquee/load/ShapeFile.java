package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.model.TableSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stages a file of a recognised public shape as text ({@code raw}) and appends it to the model tables through the
 * shape's mapping SQL. Rows the CSV parser cannot read are reported with their line; values the mapping cannot
 * convert become NULL and are caught by validation like any other broken rule.
 */
final class ShapeFile {

    private ShapeFile() {
    }

    /** @return per model table, the rows this file added */
    static List<LoadedTable> load(Engine engine, DataModel model, Shape shape, Path file, String shown, List<String> header,
                                  int sequence, List<Problem> problems, List<dev.marquee.model.SetAside> setAside) {
        List<String> names = new ArrayList<>();
        StringBuilder columns = new StringBuilder("{");
        for (int i = 0; i < header.size(); i++) {
            String name = CsvFile.normalize(header.get(i));
            if (name.isEmpty() || names.contains(name) || !name.matches("[a-z][a-z0-9_]*")) {
                name = "column_" + (i + 1);
            }
            names.add(name);
            columns.append(i == 0 ? "" : ", ").append(DataLoader.quote(name)).append(": 'VARCHAR'");
        }
        columns.append('}');
        String raw = "raw_" + sequence;
        try {
            engine.execute("CREATE OR REPLACE TEMP TABLE " + raw + " AS SELECT * FROM read_csv("
                    + DataLoader.quote(file.toAbsolutePath().toString())
                    + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = " + columns
                    + ", store_rejects = true, rejects_table = 'reject_errors_" + raw + "', rejects_scan = 'reject_scans_" + raw + "')");
        } catch (EngineException e) {
            problems.add(Problem.fatal(shown, 0, "", "unreadable-file", "could not be read as CSV: " + DataLoader.firstLine(e)));
            return List.of();
        }
        long rejected = ((Number) engine.scalar("SELECT count(DISTINCT line) FROM reject_errors_" + raw)).longValue();
        if (rejected > 0) {
            var sample = engine.query("SELECT line, error_type, error_message FROM reject_errors_" + raw + " ORDER BY line LIMIT 20");
            for (List<Object> row : sample.rows()) {
                problems.add(new Problem(shown, ((Number) row.get(0)).longValue(), "", "", "unreadable-row",
                        row.get(2) + "; row set aside", Problem.Severity.SET_ASIDE));
            }
            setAside.add(new dev.marquee.model.SetAside(shape.id(), shown, "unreadable-row", "", rejected));
        }
        List<LoadedTable> loaded = new ArrayList<>();
        for (Map.Entry<String, String> mapping : shape.mappings()) {
            Optional<TableSpec> spec = model.table(mapping.getKey());
            if (spec.isEmpty()) {
                throw new IllegalStateException("shape " + shape.id() + " maps to unknown table " + mapping.getKey());
            }
            String columnList = String.join(", ", spec.get().columns().stream().map(ColumnSpec::name).toList());
            String select = mapping.getValue().replaceAll("\\braw\\b", raw);
            try {
                ensureTable(engine, spec.get());
                long before = count(engine, spec.get().name());
                engine.execute("INSERT INTO " + spec.get().name() + " (" + columnList + ") SELECT " + columnList
                        + " FROM (" + select + ") AS mapped");
                long added = count(engine, spec.get().name()) - before;
                loaded.add(new LoadedTable(spec.get(), shown + " (" + shape.name() + ")", "csv", added + rejected, rejected,
                        List.of(), List.of()));
            } catch (EngineException e) {
                problems.add(Problem.fatal(shown, 0, "", "shape-mapping",
                        "the " + shape.name() + " mapping to " + spec.get().name() + " failed: " + DataLoader.firstLine(e)));
            }
        }
        engine.execute("DROP TABLE IF EXISTS " + raw);
        return loaded;
    }

    private static void ensureTable(Engine engine, TableSpec spec) {
        List<String> columns = spec.columns().stream().map(c -> c.name() + " " + c.sqlType()).toList();
        engine.execute("CREATE TABLE IF NOT EXISTS " + spec.name() + " (" + String.join(", ", columns) + ")");
    }

    private static long count(Engine engine, String table) {
        return ((Number) engine.scalar("SELECT count(*) FROM " + table)).longValue();
    }
}
