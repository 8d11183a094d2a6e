package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Table;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.Problem;
import dev.marquee.model.Problem.Severity;
import dev.marquee.model.SetAside;
import dev.marquee.model.TableSpec;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One CSV (or gzipped CSV) file into one model table, read by DuckDB with the model's types. */
final class CsvFile {

    /** Rows set aside per file that are reported one by one; the rest are counted. */
    static final int SAMPLE_PER_RULE = 20;
    /**
     * The longest line read, in bytes (DuckDB's {@code max_line_size}, and the most read for a header). Every text value
     * is at most a few thousand bytes ({@code max_length}), so a longer line is no row of ours: it is set aside as
     * {@code line-too-long} at once, rather than loaded and carried to the charts.
     */
    static final int MAX_LINE_BYTES = 256 * 1024;
    private static final Pattern CAST_VALUE = Pattern.compile("Could not convert string \"(.*?)\" to", Pattern.DOTALL);

    private CsvFile() {
    }

    static Optional<LoadedTable> load(Engine engine, TableSpec spec, Path file, String shown, List<Problem> problems,
                                      List<SetAside> setAside, List<RowLocator> locators) {
        Optional<List<String>> header = header(file, shown, problems);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = header.get().stream().map(CsvFile::normalize).toList();
        if (!checkHeader(spec, names, header.get(), shown, problems)) {
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<ColumnSpec> column = spec.column(names.get(i));
            if (column.isPresent()) {
                columns.put(names.get(i), column.get().sqlType());
            } else {
                columns.put("_extra_" + (i + 1), "VARCHAR");
                extra.add(header.get().get(i).trim());
            }
        }
        Map<ColumnSpec, String> select = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            if (columns.containsKey(column.name())) {
                select.put(column, column.name());
            } else {
                select.put(column, DataLoader.nullValue(column));
                missing.add(column.name());
            }
        }
        String rejects = "reject_errors_" + spec.name();
        StringBuilder columnList = new StringBuilder("{");
        columns.forEach((name, type) -> columnList.append(columnList.length() > 1 ? ", " : "")
                .append(DataLoader.quote(name)).append(": ").append(DataLoader.quote(type)));
        columnList.append('}');
        String from = "FROM read_csv(" + DataLoader.fileLiteral(file)
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"'"
                + ", columns = " + columnList + ", max_line_size = " + MAX_LINE_BYTES
                + ", store_rejects = true, rejects_table = " + DataLoader.quote(rejects)
                + ", rejects_scan = " + DataLoader.quote("reject_scans_" + spec.name()) + ")";
        try {
            MemberIds.load(engine, spec.name(), select, from);
        } catch (EngineException e) {
            problems.add(Problem.fatal(shown, 0, "", "unreadable-file",
                    "could not be read as CSV: " + DataLoader.firstLine(e)));
            return Optional.empty();
        }
        long accepted = ((Number) engine.scalar("SELECT count(*) FROM " + spec.name())).longValue();
        Table rejected = engine.query("SELECT line, column_name, error_type, csv_line, error_message FROM " + rejects
                + " ORDER BY line, column_idx");
        RowLocator locator = new RowLocator(spec.name(), file, true,
                rejected.rows().stream().mapToLong(r -> ((Number) r.get(0)).longValue() - 2).distinct().toArray());
        locators.add(locator);
        long rejectedRows = reportRejects(spec, shown, rejected, locator, problems, setAside);
        return Optional.of(new LoadedTable(spec, shown, file.getFileName().toString().endsWith(".gz") ? "csv.gz" : "csv",
                accepted + rejectedRows, rejectedRows, missing, extra));
    }

    private static long reportRejects(TableSpec spec, String shown, Table rejected, RowLocator locator,
                                      List<Problem> problems, List<SetAside> setAside) {
        Map<String, Long> perRule = new LinkedHashMap<>();
        Map<String, String> ruleColumn = new LinkedHashMap<>();
        Set<Long> rows = new HashSet<>();
        List<Long> sampleRecords = new ArrayList<>();
        List<List<Object>> sample = new ArrayList<>();
        Set<Long> seenRow = new HashSet<>();
        for (List<Object> reject : rejected.rows()) {
            long duckLine = ((Number) reject.get(0)).longValue();
            String errorType = String.valueOf(reject.get(2));
            String column = reject.get(1) == null ? "" : reject.get(1).toString();
            String rule = rule(errorType);
            String key = rule + "\u0000" + column;
            // A short row is reported once, not once per missing field.
            if (rule.equals("too-few-fields") && !seenRow.add(duckLine)) {
                continue;
            }
            rows.add(duckLine);
            long count = perRule.merge(key, 1L, Long::sum);
            ruleColumn.put(key, column);
            if (count <= SAMPLE_PER_RULE) {
                sampleRecords.add(duckLine - 2);
                sample.add(reject);
            }
        }
        Map<Long, Long> lines = locator.physicalLines(sampleRecords);
        for (int i = 0; i < sample.size(); i++) {
            List<Object> reject = sample.get(i);
            long duckLine = ((Number) reject.get(0)).longValue();
            String errorType = String.valueOf(reject.get(2));
            String column = reject.get(1) == null ? "" : reject.get(1).toString();
            String message = String.valueOf(reject.get(4));
            String type = spec.column(column).map(ColumnSpec::sqlType).orElse("");
            String rule = rule(errorType);
            problems.add(new Problem(shown, lines.getOrDefault(duckLine - 2, duckLine), rule.equals("too-few-fields") || rule.equals("too-many-fields") ? "" : column,
                    value(errorType, reject), rule, explain(rule, type, message), Severity.SET_ASIDE, spec.personal()));
        }
        perRule.forEach((key, count) -> setAside.add(new SetAside(spec.name(), shown, key.substring(0, key.indexOf('\u0000')),
                ruleColumn.get(key), count)));
        return rows.size();
    }

    private static String rule(String errorType) {
        return switch (errorType) {
            case "CAST" -> "wrong-type";
            case "TOO MANY COLUMNS" -> "too-many-fields";
            case "MISSING COLUMNS" -> "too-few-fields";
            case "UNQUOTED VALUE" -> "unterminated-quote";
            case "INVALID ENCODING", "INVALID UNICODE" -> "invalid-utf8";
            case "LINE SIZE OVER MAXIMUM" -> "line-too-long";
            default -> errorType.toLowerCase(Locale.ROOT).replace(' ', '-');
        };
    }

    private static String explain(String rule, String type, String message) {
        return switch (rule) {
            case "wrong-type" -> "is not a valid " + type + (type.equals("DATE") ? " (write dates as YYYY-MM-DD)"
                    : type.equals("TIMESTAMP") ? " (write times as YYYY-MM-DD HH:MM:SS)" : "") + "; row set aside";
            case "too-many-fields", "too-few-fields" -> message.replace("Expected Number of Columns", "expected fields")
                    .replace(" Found", ", found") + "; row set aside (check quoting and the delimiter, which must be a comma)";
            case "unterminated-quote" -> "a quoted value is never closed; row set aside";
            case "invalid-utf8" -> "is not valid UTF-8 (save the file as UTF-8); row set aside";
            case "line-too-long" -> String.format(Locale.ROOT, "the line is longer than %,d bytes, more than any row of the data "
                    + "model takes (check for a quote that is never closed); row set aside", MAX_LINE_BYTES);
            default -> message + "; row set aside";
        };
    }

    private static String value(String errorType, List<Object> reject) {
        String message = String.valueOf(reject.get(4));
        if (errorType.equals("CAST")) {
            Matcher matcher = CAST_VALUE.matcher(message);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return String.valueOf(reject.get(3)).strip();
    }

    /**
     * The header row, read from at most {@link #MAX_LINE_BYTES} of the file: a file with no line break (a binary file,
     * a huge single line) is reported, not read whole.
     */
    static Optional<List<String>> header(Path file, String shown, List<Problem> problems) {
        byte[] start;
        try (InputStream raw = RowLocator.open(file)) {
            start = raw.readNBytes(MAX_LINE_BYTES + 1);
        } catch (IOException e) {
            problems.add(Problem.fatal(shown, 1, "", "unreadable-header", "the header row could not be read: " + reason(e)));
            return Optional.empty();
        }
        boolean cut = start.length > MAX_LINE_BYTES;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(
                new InputStreamReader(new ByteArrayInputStream(start, 0, Math.min(start.length, MAX_LINE_BYTES)), StandardCharsets.UTF_8))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(Problem.fatal(shown, 0, "", "empty-file", "is empty: it needs a header row and data rows"));
                return Optional.empty();
            }
            List<String> header = new ArrayList<>(records.next().toList());
            if (cut && !lineEnded(start) && !hasNext(records)) {
                problems.add(Problem.fatal(shown, 1, "", "line-too-long", String.format(Locale.ROOT,
                        "has a first line longer than %,d bytes, which is no header of a CSV file", MAX_LINE_BYTES)));
                return Optional.empty();
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            return Optional.of(header);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.fatal(shown, 1, "", "unreadable-header", "the header row could not be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * A header below a title block, as a report's sheet saved from Excel as CSV keeps it.
     *
     * @param linesBefore the lines above the header, which the reader skips
     * @param titleBlock  the text above the header, for the report's period (its first 1000 characters)
     */
    record TitledHeader(List<String> header, long linesBefore, String titleBlock) {
    }

    /**
     * The first record after the first, among the first {@code rows}, that {@code isHeader} accepts: the header of a
     * file whose first lines are a title block. Read from at most {@link #MAX_LINE_BYTES} of the file, like the header.
     */
    static Optional<TitledHeader> headerBelowTitle(Path file, int rows, java.util.function.Predicate<List<String>> isHeader) {
        byte[] start;
        try (InputStream raw = RowLocator.open(file)) {
            start = raw.readNBytes(MAX_LINE_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
        StringBuilder block = new StringBuilder();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(
                new InputStreamReader(new ByteArrayInputStream(start), StandardCharsets.UTF_8))) {
            Iterator<CSVRecord> records = parser.iterator();
            for (int i = 0; i < rows; i++) {
                // Before hasNext(), which reads the next record ahead: the lines of the records before it.
                long linesBefore = parser.getCurrentLineNumber();
                if (!records.hasNext()) {
                    break;
                }
                List<String> cells = records.next().toList();
                if (i > 0 && isHeader.test(cells)) {
                    return Optional.of(new TitledHeader(cells, linesBefore, block.toString()));
                }
                for (String cell : cells) {
                    if (!cell.isBlank() && block.length() < 1000) {
                        block.append(cell.strip()).append(' ');
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean lineEnded(byte[] start) {
        byte last = start[MAX_LINE_BYTES - 1];
        return last == '\n' || last == '\r';
    }

    /** Whether a record follows; one cut off by the read limit (an open quote at the end) still counts. */
    private static boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            return true;
        }
    }

    /** Why a file could not be opened, without its path (an exception's message is often just the path). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fileSystem) {
            return fileSystem.getReason() == null ? e.getClass().getSimpleName() : fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean checkHeader(TableSpec spec, List<String> names, List<String> raw, String shown, List<Problem> problems) {
        if (raw.size() == 1) {
            for (String delimiter : List.of(";", "\t", "|")) {
                if (raw.get(0).contains(delimiter)) {
                    problems.add(Problem.fatal(shown, 1, "", "wrong-delimiter",
                            "the header is separated by '" + (delimiter.equals("\t") ? "\\t" : delimiter)
                                    + "', not by commas: save the file as comma-separated CSV"));
                    return false;
                }
            }
        }
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty() && !seen.add(names.get(i))) {
                problems.add(Problem.fatal(shown, 1, raw.get(i), "duplicate-column", "the header names this column twice"));
                ok = false;
            }
        }
        for (ColumnSpec required : spec.requiredColumns()) {
            if (!names.contains(required.name())) {
                problems.add(Problem.fatal(shown, 1, required.name(), "missing-column",
                        "required column is missing; the header has " + raw + " and table " + spec.name() + " needs "
                                + spec.requiredColumns().stream().map(ColumnSpec::name).toList()));
                ok = false;
            }
        }
        if (raw.size() == 1 && raw.get(0).isBlank()) {
            problems.add(Problem.fatal(shown, 1, "", "empty-header", "the first line is blank: it must be the header row"));
            return false;
        }
        return ok;
    }

    /** "User ID" and "user_id" name the same column. */
    static String normalize(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
