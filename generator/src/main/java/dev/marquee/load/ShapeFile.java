package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
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

    /** The most services a catalogue's label names; a file with more is labelled by their number. */
    private static final int MOST_NAMED = 3;

    private ShapeFile() {
    }

    /**
     * @param file   the CSV file to read: the data folder's own, or a workbook's sheet written out in the scratch folder
     * @param format what the user's file is, as the Data page shows it (csv, xlsx)
     * @param linesBefore lines above the header (a title block), skipped
     * @return per model table, the rows this file added
     */
    static List<LoadedTable> load(Engine engine, DataModel model, Shape shape, Path file, String format, Provenance provenance,
                                  List<String> header, long linesBefore, int sequence, List<Problem> problems,
                                  List<dev.marquee.model.SetAside> setAside) {
        String shown = provenance.source();
        List<String> names = new ArrayList<>();
        StringBuilder columns = new StringBuilder("{");
        // The readings name a column as the file's header writes it ("Monthly Revenue"), not as normalised.
        Map<String, String> headerNames = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = CsvFile.normalize(header.get(i));
            if (name.isEmpty() || names.contains(name) || !name.matches("[a-z][a-z0-9_]*")) {
                name = "column_" + (i + 1);
            }
            names.add(name);
            headerNames.put(name, header.get(i).strip());
            columns.append(i == 0 ? "" : ", ").append(DataLoader.quote(name)).append(": 'VARCHAR'");
        }
        columns.append('}');
        String raw = "raw_" + sequence;
        try {
            engine.execute("CREATE OR REPLACE TEMP TABLE " + raw + " AS SELECT * FROM read_csv("
                    + DataLoader.fileLiteral(file)
                    + ", header = true, skip = " + linesBefore + ", auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = " + columns
                    + ", max_line_size = " + CsvFile.MAX_LINE_BYTES + ", store_rejects = true, rejects_table = 'reject_errors_" + raw + "', rejects_scan = 'reject_scans_" + raw + "')");
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
        Optional<Service> service = service(file, names);
        boolean catalogue = shape.mappings().stream().anyMatch(m -> m.getValue().contains("{{service}}"));
        if (catalogue && service.isEmpty()) {
            problems.add(Problem.fatal(shown, 1, "", "unknown-service", "is a catalogue, but of which service? Name the file "
                    + "like netflix_titles.csv or amazon_prime_titles.csv, add a line '" + file.getFileName()
                    + ",<Service>,<two-letter id prefix>' to shapes/services.csv, or add a platform column"));
            engine.execute("DROP TABLE IF EXISTS " + raw);
            return List.of();
        }
        // A catalogue is labelled by the service it is of, whichever layout it has: amazon_prime_titles.csv is the
        // Prime Video catalogue, though in the layout of Kaggle's Netflix catalogue.
        String label = catalogue ? service.get().label(engine, raw, shape.name()) : shape.name();
        long fileRows = count(engine, raw) + rejected;
        List<LoadedTable> loaded = new ArrayList<>();
        for (Map.Entry<String, String> mapping : shape.mappings()) {
            Optional<TableSpec> spec = model.table(mapping.getKey());
            if (spec.isEmpty()) {
                throw new IllegalStateException("shape " + shape.id() + " maps to unknown table " + mapping.getKey());
            }
            String select = provenanceFilled(mapping.getValue().replaceAll("\\braw\\b", raw), shape, provenance);
            if (service.isPresent()) {
                select = select.replace("{{service}}", service.get().name()).replace("{{prefix}}", service.get().prefix());
            }
            try {
                ensureTable(engine, spec.get());
                long before = count(engine, spec.get().name());
                // BY NAME: a mapping gives the columns it knows; the others stay NULL.
                engine.execute("INSERT INTO " + spec.get().name() + " BY NAME SELECT * FROM (" + select + ") AS mapped");
                long added = count(engine, spec.get().name()) - before;
                loaded.add(new LoadedTable(spec.get(), shown + " (" + label + ")", format, added + rejected, rejected,
                        List.of(), List.of(), fileRows));
            } catch (EngineException e) {
                problems.add(Problem.fatal(shown, 0, "", "shape-mapping",
                        "the " + shape.name() + " mapping to " + spec.get().name() + " failed: " + DataLoader.firstLine(e)));
            }
        }
        noteReadings(engine, shape, raw, file, shown, headerNames, rejected == 0 && linesBefore == 0, problems);
        engine.execute("DROP TABLE IF EXISTS " + raw);
        return loaded;
    }

    /** How many rows each of the shape's readings took, where it has a condition, with the lines of the first few. */
    private static void noteReadings(Engine engine, Shape shape, String raw, Path file, String shown, Map<String, String> headerNames,
                                     boolean linesKnown, List<Problem> problems) {
        for (Shape.Reading reading : shape.readings()) {
            String column = headerNames.getOrDefault(reading.column(), reading.column());
            if (reading.where().isEmpty()) {
                problems.add(new Problem(shown, 0, column, "", "read-as", reading.message(), Problem.Severity.NOTE));
                continue;
            }
            // As in a mapping, "raw" names the staged file: a condition may compare a row with the others.
            String condition = reading.where().replaceAll("\\braw\\b", raw);
            // One scan: the first rows, each with the count of all.
            var picked = engine.query("SELECT rowid, count(*) OVER () AS picked FROM " + raw + " WHERE " + condition
                    + " ORDER BY rowid LIMIT " + READINGS_LOCATED);
            if (picked.rows().isEmpty()) {
                continue;
            }
            long rows = ((Number) picked.rows().get(0).get(1)).longValue();
            List<Long> first = picked.columnValues("rowid").stream().map(id -> ((Number) id).longValue()).toList();
            List<Long> lines = linesKnown ? List.copyOf(new RowLocator(raw, file, true, new long[0]).lines(first).values()) : List.of();
            String where = lines.isEmpty() ? "" : " (line" + (lines.size() == 1 ? " " : "s ")
                    + lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (rows > lines.size() ? ", …" : "") + ")";
            // The lines are in the message: all of them, not the first twice.
            problems.add(new Problem(shown, 0, column, "", "read-as",
                    String.format(java.util.Locale.ROOT, "%,d %s %s%s", rows, rows == 1 ? "row" : "rows", reading.message(), where),
                    Problem.Severity.NOTE));
        }
    }

    /** How many lines a reading names. */
    private static final int READINGS_LOCATED = 5;

    /**
     * The service a catalogue belongs to, as SQL for {{service}} and {{prefix}}.
     *
     * @param named the service shapes/services.csv names for the file; empty when the file's platform column says it
     */
    record Service(String name, String prefix, Optional<String> named) {

        /**
         * The file's label, by the services its rows are of: "Prime Video catalogue", "Netflix and Prime Video
         * catalogue", "catalogue of 5 services"; the layout's name for a file without rows.
         */
        String label(Engine engine, String raw, String layout) {
            List<String> services = named.map(List::of).orElseGet(() -> engine.query(
                    "SELECT DISTINCT " + name + " AS service FROM " + raw + " ORDER BY 1").columnValues("service").stream()
                    .map(String::valueOf).toList());
            if (services.isEmpty()) {
                return layout;
            }
            if (services.size() > MOST_NAMED) {
                return "catalogue of " + services.size() + " services";
            }
            return dev.marquee.format.Wording.series(services) + " catalogue";
        }
    }

    /** The service a catalogue belongs to: its platform column when it has one, else the line of shapes/services.csv naming the file. */
    static Optional<Service> service(Path file, List<String> columns) {
        if (columns.contains("platform")) {
            return Optional.of(new Service("coalesce(nullif(trim(platform), ''), 'Unknown')",
                    "lower(substr(regexp_replace(coalesce(platform, 'xx'), '[^A-Za-z]', '', 'g'), 1, 2))", Optional.empty()));
        }
        try (var in = ShapeFile.class.getResourceAsStream("/shapes/services.csv")) {
            String wanted = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("\\.gz$", "");
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(",");
                if (parts.length == 3 && parts[0].trim().equals(wanted)) {
                    return Optional.of(new Service(DataLoader.quote(parts[1].trim()), DataLoader.quote(parts[2].trim()),
                            Optional.of(parts[1].trim())));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** The file's own facts as SQL literals: its source name, and a report's name, period and kind of title. */
    private static String provenanceFilled(String select, Shape shape, Provenance provenance) {
        return select.replace("{{source}}", DataLoader.quote(provenance.source()))
                .replace("{{report}}", DataLoader.quote(provenance.report(shape.report())))
                .replace("{{period_start}}", provenance.periodStart().map(d -> "DATE '" + d + "'").orElse("CAST(NULL AS DATE)"))
                .replace("{{period_end}}", provenance.periodEnd().map(d -> "DATE '" + d + "'").orElse("CAST(NULL AS DATE)"))
                .replace("{{type}}", provenance.type().map(DataLoader::quote).orElse("CAST(NULL AS VARCHAR)"));
    }

    private static void ensureTable(Engine engine, TableSpec spec) {
        List<String> columns = spec.columns().stream().map(c -> c.name() + " " + c.sqlType()).toList();
        engine.execute("CREATE TABLE IF NOT EXISTS " + spec.name() + " (" + String.join(", ", columns) + ")");
    }

    private static long count(Engine engine, String table) {
        return ((Number) engine.scalar("SELECT count(*) FROM " + table)).longValue();
    }
}
