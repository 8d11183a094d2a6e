package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.model.Problem.Severity;
import dev.marquee.model.TableSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On a remote engine the data model's tables already exist: nothing is loaded. This finds them in the engine's
 * current schema and checks that each has the model's required columns with compatible types.
 */
public final class RemoteTables {

    private RemoteTables() {
    }

    public static LoadResult discover(Engine engine, DataModel model, String where) {
        Table columns = engine.query("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema ORDER BY table_name, ordinal_position");
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        for (List<Object> row : columns.rows()) {
            found.computeIfAbsent(row.get(0).toString().toLowerCase(Locale.ROOT), t -> new LinkedHashMap<>())
                    .put(row.get(1).toString().toLowerCase(Locale.ROOT), row.get(2).toString().toLowerCase(Locale.ROOT));
        }
        List<Problem> problems = new ArrayList<>();
        List<LoadedTable> tables = new ArrayList<>();
        for (TableSpec spec : model.tables()) {
            Map<String, String> tableColumns = found.get(spec.name());
            String shown = where + "/" + spec.name();
            if (tableColumns == null) {
                continue;
            }
            boolean ok = true;
            List<String> missing = new ArrayList<>();
            for (ColumnSpec column : spec.columns()) {
                String type = tableColumns.get(column.name());
                if (type == null) {
                    if (column.required()) {
                        problems.add(Problem.fatal(shown, 0, column.name(), "missing-column",
                                "required column is missing from the table; it has " + List.copyOf(tableColumns.keySet())));
                        ok = false;
                    } else {
                        missing.add(column.name());
                    }
                } else if (!compatible(column.sqlType(), type)) {
                    problems.add(Problem.fatal(shown, 0, column.name(), "wrong-type",
                            "is " + type + " but the model needs " + column.sqlType()));
                    ok = false;
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new Problem(shown, 0, "", "", "missing-optional-columns",
                        "has no " + missing + "; questions that need them are left out", Severity.NOTE));
            }
            if (ok) {
                long rows = ((Number) engine.scalar("SELECT count(*) FROM " + spec.name())).longValue();
                tables.add(new LoadedTable(spec, shown, "table", rows, 0, missing, List.of()));
            }
        }
        return new LoadResult(tables, problems, List.of(), List.of(), java.util.Set.of());
    }

    static boolean compatible(String modelType, String engineType) {
        String model = modelType.toUpperCase(Locale.ROOT);
        if (model.equals("VARCHAR")) {
            return engineType.startsWith("varchar") || engineType.startsWith("char");
        }
        if (model.equals("INTEGER") || model.equals("BIGINT")) {
            return engineType.equals("integer") || engineType.equals("bigint") || engineType.equals("smallint") || engineType.equals("tinyint");
        }
        if (model.equals("DOUBLE") || model.startsWith("DECIMAL")) {
            return engineType.startsWith("decimal") || engineType.equals("double") || engineType.equals("real");
        }
        if (model.equals("DATE")) {
            return engineType.equals("date");
        }
        if (model.equals("TIMESTAMP")) {
            return engineType.startsWith("timestamp");
        }
        if (model.equals("BOOLEAN")) {
            return engineType.equals("boolean");
        }
        return false;
    }
}
