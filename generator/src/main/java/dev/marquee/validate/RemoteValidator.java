package dev.marquee.validate;

import dev.marquee.engine.Engine;
import dev.marquee.load.LoadResult;
import dev.marquee.load.LoadedTable;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.Problem;
import dev.marquee.model.Problem.Severity;
import dev.marquee.model.SetAside;
import dev.marquee.model.TableSpec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data model's rules as SQL on tables that live in a remote engine: counts and a sample of values per rule, and
 * the same policy as local runs (a table with more breaking rows than allowed fails the run). Nothing is deleted
 * there; the rows are counted as set aside and the report says so.
 */
public final class RemoteValidator {

    private RemoteValidator() {
    }

    public static ValidationReport validate(Engine engine, LoadResult found, LocalDate asOf, double maxBadRowShare) {
        List<Problem> problems = new ArrayList<>(found.problems());
        List<SetAside> setAside = new ArrayList<>();
        Map<String, Long> broken = new LinkedHashMap<>();
        for (LoadedTable table : found.tables()) {
            TableSpec spec = table.spec();
            List<Validator.Rule> rules = new ArrayList<>();
            for (ColumnSpec column : spec.columns()) {
                if (table.missingColumns().contains(column.name())) {
                    continue;
                }
                if (column.maxLength().isPresent()) {
                    rules.add(Validator.Rule.tooLong(spec, column));
                }
                if (column.required()) {
                    rules.add(Validator.Rule.required(spec, column, true));
                }
                column.min().ifPresent(min -> rules.add(Validator.Rule.range(spec, column, "below-minimum", "<", min)));
                column.max().ifPresent(max -> rules.add(Validator.Rule.range(spec, column, "above-maximum", ">", max)));
                if (!column.allowed().isEmpty()) {
                    rules.add(Validator.Rule.allowed(spec, column));
                }
                if (column.notAfterAsOf()) {
                    rules.add(Validator.Rule.notAfter(spec, column, asOf));
                }
                column.references().ifPresent(reference -> {
                    if (found.has(reference.substring(0, reference.indexOf('.')))) {
                        rules.add(Validator.Rule.reference(spec, column, reference));
                    }
                });
            }
            long[] counts = countEach(engine, spec.name(), rules);
            for (int r = 0; r < rules.size(); r++) {
                Validator.Rule rule = rules.get(r);
                String from = " FROM " + rule.table() + " WHERE " + rule.violation();
                long count = counts[r];
                if (count > 0) {
                    setAside.add(new SetAside(rule.table(), table.file(), rule.name(), rule.column(), count));
                    broken.merge(rule.table(), count, Long::sum);
                    var sample = engine.query("SELECT DISTINCT " + Validator.shownValue(rule.column()) + " AS value" + from
                            + " ORDER BY 1 LIMIT " + Validator.SAMPLE_PER_RULE);
                    for (List<Object> row : sample.rows()) {
                        problems.add(new Problem(table.file(), 0, rule.column(), row.get(0) == null ? "" : row.get(0).toString(),
                                rule.name(), rule.message() + "; counted as set aside (rows stay in the remote table)", Severity.SET_ASIDE,
                                spec.personal()));
                    }
                }
            }
            if (!spec.key().isEmpty()) {
                String key = String.join(", ", spec.key());
                Object duplicates = engine.scalar("SELECT sum(copies - 1) FROM (SELECT count(*) AS copies FROM " + spec.name()
                        + " GROUP BY " + key + " HAVING count(*) > 1) AS repeated");
                long count = duplicates == null ? 0 : ((Number) duplicates).longValue();
                if (count > 0) {
                    setAside.add(new SetAside(spec.name(), table.file(), "duplicate-key", spec.key().get(0), count));
                    broken.merge(spec.name(), count, Long::sum);
                    problems.add(new Problem(table.file(), 0, spec.key().get(0), "", "duplicate-key",
                            count + " rows repeat the key (" + key + ") of an earlier row", Severity.SET_ASIDE));
                }
            }
        }
        List<TableQuality> tables = new ArrayList<>();
        for (LoadedTable table : found.tables()) {
            TableQuality quality = new TableQuality(table.name(), table.file(), table.format(), table.rowsRead(),
                    Math.min(table.rowsRead(), broken.getOrDefault(table.name(), 0L)));
            tables.add(quality);
            if (quality.setAsideShare() > maxBadRowShare) {
                problems.add(Problem.fatal(table.file(), 0, "", "too-many-bad-rows", String.format(java.util.Locale.ROOT,
                        "%d of %d rows (%.1f%%) break a rule, more than the %.1f%% allowed (--max-bad-rows)",
                        quality.rowsSetAside(), quality.rowsRead(), 100 * quality.setAsideShare(), 100 * maxBadRowShare)));
            }
        }
        return new ValidationReport(tables, setAside, problems);
    }

    /**
     * How many rows break each rule, every rule of the table counted in one scan of it: a remote table may be large, and
     * each statement costs the server a round trip and its planning (about a tenth of a second on one Trino node).
     */
    private static long[] countEach(Engine engine, String table, List<Validator.Rule> rules) {
        if (rules.isEmpty()) {
            return new long[0];
        }
        List<String> counts = rules.stream().map(rule -> "count(*) FILTER (WHERE " + rule.violation() + ")").toList();
        List<Object> row = engine.query("SELECT " + String.join(", ", counts) + " FROM " + table).rows().get(0);
        return row.stream().mapToLong(value -> ((Number) value).longValue()).toArray();
    }
}
