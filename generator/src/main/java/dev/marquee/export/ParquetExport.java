package dev.marquee.export;

import dev.marquee.engine.Engine;
import dev.marquee.load.LoadedTable;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.TableSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the validated data model as Parquet, one folder per table, viewing sessions partitioned by month
 * ({@code viewing_sessions/month=2024-01-01/...}), plus {@code trino.sql}: the statements that register the folders
 * as Hive tables in Trino.
 */
public final class ParquetExport {

    public static final String PARTITIONED_TABLE = "viewing_sessions";

    private ParquetExport() {
    }

    /**
     * @param name the name the folder will have once published, for the locations in trino.sql
     * @return the tables written, in model order
     */
    public static List<String> write(Engine engine, List<LoadedTable> tables, Path outDir, String name) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        List<String> written = new ArrayList<>();
        for (LoadedTable table : tables) {
            TableSpec spec = table.spec();
            Path folder = outDir.resolve(spec.name()).toAbsolutePath();
            deleteTree(folder);
            String order = spec.key().isEmpty() ? String.join(", ", spec.columns().stream().map(ColumnSpec::name).toList())
                    : String.join(", ", spec.key());
            // In the model's types: the loader may hold member ids as numbers (MemberIds), the model has them as text.
            String typed = "(SELECT " + String.join(", ", spec.columns().stream()
                    .map(c -> "CAST(" + c.name() + " AS " + c.sqlType() + ") AS " + c.name()).toList()) + " FROM " + spec.name() + ") AS typed";
            if (spec.name().equals(PARTITIONED_TABLE)) {
                engine.execute("COPY (SELECT *, CAST(date_trunc('month', started_at) AS DATE) AS month FROM " + typed
                        + " ORDER BY started_at, user_id, title_id) TO " + quote(folder.toString())
                        + " (FORMAT parquet, PARTITION_BY (month), FILENAME_PATTERN 'part_{i}')");
            } else {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + folder, e);
                }
                engine.execute("COPY (SELECT * FROM " + typed + " ORDER BY " + order + ") TO "
                        + quote(folder.resolve("part_0.parquet").toString()) + " (FORMAT parquet)");
            }
            written.add(spec.name());
        }
        writeDdl(tables, outDir, name);
        return written;
    }

    /** Trino statements that register the exported folders as external Hive tables in {@code hive.<schema>}. */
    public static String ddl(List<TableSpec> tables, String schema, String location) {
        StringBuilder sql = new StringBuilder("-- Register the exported Parquet folders in Trino's Hive catalog.\n")
                .append("-- Replace ").append(location).append(" with where the folders are (local:///, s3://bucket/path, ...).\n")
                .append("CREATE SCHEMA IF NOT EXISTS hive.").append(schema).append(";\n\n")
                // Commented out: a read-only account needs none, and the report then computes the layer in each statement.
                .append("-- For marquee build --scratch-schema hive.").append(schema).append("_scratch, which builds the report's layer\n")
                .append("-- tables there once per run and drops them at its end, create that schema too, and let the report's\n")
                .append("-- account create and drop tables in it:\n")
                .append("-- CREATE SCHEMA IF NOT EXISTS hive.").append(schema).append("_scratch;\n\n");
        for (TableSpec table : tables) {
            List<String> columns = new ArrayList<>();
            for (ColumnSpec column : table.columns()) {
                columns.add("    " + column.name() + " " + trinoType(column.sqlType()));
            }
            boolean partitioned = table.name().equals(PARTITIONED_TABLE);
            if (partitioned) {
                columns.add("    month date");
            }
            sql.append("CREATE TABLE hive.").append(schema).append('.').append(table.name()).append(" (\n")
                    .append(String.join(",\n", columns)).append("\n) WITH (\n    external_location = '")
                    .append(location).append('/').append(table.name()).append("',\n    format = 'PARQUET'");
            if (partitioned) {
                sql.append(",\n    partitioned_by = ARRAY['month']");
            }
            sql.append("\n);\n");
            if (partitioned) {
                sql.append("CALL hive.system.sync_partition_metadata('").append(schema).append("', '").append(table.name()).append("', 'FULL');\n");
            }
            sql.append('\n');
        }
        return sql.toString();
    }

    static String trinoType(String duckType) {
        String type = duckType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case "VARCHAR" -> "varchar";
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            case "DOUBLE" -> "double";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp(6)";
            case "BOOLEAN" -> "boolean";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private static void writeDdl(List<LoadedTable> tables, Path outDir, String name) {
        String location = "local:///" + name;
        try {
            Files.writeString(outDir.resolve("trino.sql"), ddl(tables.stream().map(LoadedTable::spec).toList(), "marquee", location),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
