package dev.marquee.validate;

import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Sessions;
import dev.marquee.engine.Table;
import dev.marquee.load.LoadResult;
import dev.marquee.load.LoadedTable;
import dev.marquee.load.RowLocator;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.Problem;
import dev.marquee.model.Problem.Severity;
import dev.marquee.model.SetAside;
import dev.marquee.model.TableSpec;
import dev.marquee.run.Background;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the loaded tables against the rules of the data model, in SQL, and sets aside the rows that break one.
 * Then the policy: a fatal load problem, or a table with more set-aside rows than allowed, fails the run.
 */
public final class Validator {

    static final int SAMPLE_PER_RULE = 20;

    private Validator() {
    }

    public static ValidationReport validate(Background background, Engine engine, LoadResult loaded, LocalDate asOf, double maxBadRowShare) {
        List<Problem> problems = new ArrayList<>(loaded.problems());
        List<SetAside> setAside = new ArrayList<>(loaded.setAside());
        Map<String, Long> setAsideRows = new LinkedHashMap<>();
        for (LoadedTable table : loaded.tables()) {
            setAsideRows.put(table.name(), table.rowsRejected());
        }
        List<Rule> rowRules = new ArrayList<>();
        Set<String> storedAsNumbers = storedAsNumbers(engine, loaded.tables());
        Map<String, List<Rule>> tooLong = tooLongRules(engine, loaded.tables(), storedAsNumbers, loaded.enumColumns());
        Set<String> neverBlank = new HashSet<>(storedAsNumbers);
        neverBlank.addAll(listingNoBlank(engine, loaded));
        for (LoadedTable table : loaded.tables()) {
            rowRules.addAll(tooLong.getOrDefault(table.name(), List.of()));
            rowRules.addAll(rowRules(table.spec(), asOf, neverBlank));
        }
        List<Rule> rules = new ArrayList<>(rowRules);
        for (LoadedTable table : loaded.tables()) {
            if (!table.spec().key().isEmpty()) {
                rules.add(Rule.duplicateKey(table.spec()));
            }
        }
        // References last, so a row is matched only against rows that passed their own rules.
        for (LoadedTable table : loaded.tables()) {
            for (ColumnSpec column : table.spec().columns()) {
                column.references().ifPresent(reference -> {
                    String target = reference.substring(0, reference.indexOf('.'));
                    if (loaded.has(target) && !table.missingColumns().contains(column.name())) {
                        rules.add(Rule.reference(table.spec(), column, reference));
                    }
                });
            }
        }
        Map<Rule, Long> counted = countBeforeAnyChange(background, engine, rowRules, rules.subList(rowRules.size(), rules.size()));
        boolean changed = false;
        for (Rule rule : rules) {
            LoadedTable table = loaded.table(rule.table()).orElseThrow();
            // A count made before any row was set aside holds until the first rule sets rows aside: after that, a
            // key or a reference may break where it did not (a duplicate removed, a referenced row gone).
            if (!changed && counted.getOrDefault(rule, -1L) == 0) {
                continue;
            }
            long broken = apply(engine, rule, table, loaded.locator(rule.table()), problems);
            if (broken > 0) {
                changed = true;
                setAside.add(new SetAside(rule.table(), table.file(), rule.name(), rule.column(), broken));
                setAsideRows.merge(rule.table(), broken, Long::sum);
            }
        }
        List<TableQuality> tables = new ArrayList<>();
        for (LoadedTable table : loaded.tables()) {
            TableQuality quality = new TableQuality(table.name(), table.file(), table.format(), table.rowsRead(),
                    setAsideRows.getOrDefault(table.name(), 0L), table.fileRows());
            tables.add(quality);
            if (quality.rowsRead() == 0 && !table.isBuiltIn()) {
                problems.add(Problem.fatal(table.file(), 0, "", "no-rows", "has a header but no data rows"));
            } else if (quality.setAsideShare() > maxBadRowShare) {
                problems.add(Problem.fatal(table.file(), 0, "", "too-many-bad-rows", String.format(java.util.Locale.ROOT,
                        "%d of %d rows (%.1f%%) break a rule, more than the %.1f%% allowed (--max-bad-rows); fix the rows listed above",
                        quality.rowsSetAside(), quality.rowsRead(), 100 * quality.setAsideShare(), 100 * maxBadRowShare)));
            }
        }
        return new ValidationReport(tables, setAside, problems);
    }

    /**
     * How many rows each rule would set aside if the rules ran one after another on the data as loaded, read without
     * changing anything, so the statements run side by side on two sessions. The rules that look at one row at a
     * time are counted in one scan per table, a row counting for the first rule it breaks (as when each rule deletes
     * its rows before the next runs); each key and reference rule is counted by a statement of its own.
     */
    private static Map<Rule, Long> countBeforeAnyChange(Background background, Engine engine, List<Rule> rowRules, List<Rule> otherRules) {
        List<List<Rule>> groups = new ArrayList<>(rowRules.stream()
                .collect(Collectors.groupingBy(Rule::table, LinkedHashMap::new, Collectors.toList())).values());
        otherRules.forEach(rule -> groups.add(List.of(rule)));
        List<String> statements = groups.stream().map(Validator::firstBreakCounts).toList();
        long[][] counts = new long[groups.size()][];
        Sessions.share(background, engine, groups.size(), (session, g) -> counts[g] = session.query(statements.get(g)).rows().get(0)
                .stream().mapToLong(value -> ((Number) value).longValue()).toArray());
        Map<Rule, Long> byRule = new java.util.HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < groups.get(g).size(); i++) {
                byRule.put(groups.get(g).get(i), counts[g][i]);
            }
        }
        return byRule;
    }

    /** One count per rule of a table, in one scan: a row counts for the first rule it breaks. */
    private static String firstBreakCounts(List<Rule> rules) {
        if (rules.size() == 1) {
            // The rule's own count (a plain filter unless it has a faster one), which a key's or a reference's subquery
            // is planned best with.
            return rules.get(0).count();
        }
        List<String> filters = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (Rule rule : rules) {
            String unbrokenBefore = earlier.isEmpty() ? "" : " AND NOT (" + String.join(" OR ", earlier) + ")";
            filters.add("count(*) FILTER (WHERE coalesce(" + rule.violation() + ", false)" + unbrokenBefore + ")");
            earlier.add("coalesce(" + rule.violation() + ", false)");
        }
        return "SELECT " + String.join(", ", filters) + " FROM " + rules.get(0).table();
    }

    /**
     * The text columns of the model that the loader stored as numbers ({@code MemberIds}), as "table.column": a number
     * has no blank or too-long value to look for.
     */
    private static Set<String> storedAsNumbers(Engine engine, List<LoadedTable> tables) {
        Set<String> numbers = new HashSet<>();
        for (LoadedTable table : tables) {
            for (Column column : engine.describe("SELECT * FROM " + table.name())) {
                if (column.type() != ColumnType.TEXT && table.spec().column(column.name()).filter(c -> c.maxLength().isPresent()).isPresent()) {
                    numbers.add(table.name() + "." + column.name());
                }
            }
        }
        return numbers;
    }

    /**
     * The required columns stored as ENUMs whose type lists no blank value, as "table.column": a row of theirs can be
     * blank only by having no value. Looking for blanks among the type's few values instead of every row's spared a
     * tenth of the validation at ten million events, where the test was evaluated once per rule after it.
     */
    private static Set<String> listingNoBlank(Engine engine, LoadResult loaded) {
        Set<String> columns = new HashSet<>();
        for (String column : loaded.enumColumns()) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            if (loaded.table(table).flatMap(t -> t.spec().column(name)).filter(ColumnSpec::required).isEmpty()) {
                continue;
            }
            Table blanks = engine.query("SELECT len(list_filter(enum_range(" + name + "), lambda value: " + Rule.blank("value")
                    + ")) FROM " + table + " LIMIT 1");
            if (blanks.rows().isEmpty() || ((Number) blanks.rows().get(0).get(0)).longValue() == 0) {
                columns.add(column);
            }
        }
        return columns;
    }

    /**
     * The {@code max_length} rules of the tables' text columns, by table; they run first, so no later stage handles a
     * value longer than the model allows. Only the columns whose statistics allow a longer value get one: DuckDB keeps
     * each column's longest string (in bytes, never fewer than its characters) as a table is written, so this costs
     * one statement and no scan, where measuring every value costs ~30 ms per million rows and text column. A column
     * stored as an ENUM has no such statistic; its longest value is the longest of its type's values, which are the
     * file's (measuring its ten million events took 0.7 s). The built-in reference tables are ours and are not checked.
     */
    private static Map<String, List<Rule>> tooLongRules(Engine engine, List<LoadedTable> tables, Set<String> storedAsNumbers,
                                                        Set<String> enumColumns) {
        Map<TableSpec, List<ColumnSpec>> textColumns = new LinkedHashMap<>();
        tables.stream().filter(t -> !t.isBuiltIn()).map(LoadedTable::spec)
                .forEach(spec -> textColumns.put(spec, textColumns(spec, storedAsNumbers)));
        List<TableSpec> specs = textColumns.keySet().stream().filter(spec -> !textColumns.get(spec).isEmpty()).toList();
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        if (specs.isEmpty()) {
            return rules;
        }
        int width = specs.stream().mapToInt(spec -> textColumns.get(spec).size()).max().orElseThrow();
        List<String> longest = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            List<ColumnSpec> text = textColumns.get(specs.get(t));
            StringBuilder select = new StringBuilder("(SELECT " + t + " AS spec");
            for (int i = 0; i < width; i++) {
                String column = i < text.size() ? text.get(i).name() : null;
                select.append(column == null ? ", CAST(NULL AS BIGINT)"
                        : enumColumns.contains(specs.get(t).name() + "." + column)
                        ? ", list_max(list_transform(enum_range(" + column + "), lambda value: strlen(value)))"
                        : ", TRY_CAST(stats(" + column + ").max_string_length AS BIGINT)");
            }
            longest.add(select.append(" FROM ").append(specs.get(t).name()).append(" LIMIT 1)").toString());
        }
        Table found;
        try {
            found = engine.query(String.join(" UNION ALL ", longest));
        } catch (EngineException e) {
            // Statistics this engine version does not give: every value is measured.
            specs.forEach(spec -> rules.put(spec.name(), textColumns.get(spec).stream().map(c -> Rule.tooLong(spec, c)).toList()));
            return rules;
        }
        // An empty table gives no row, and has no value to check.
        for (List<Object> row : found.rows()) {
            TableSpec spec = specs.get(((Number) row.get(0)).intValue());
            List<ColumnSpec> text = textColumns.get(spec);
            for (int i = 0; i < text.size(); i++) {
                if (!(row.get(i + 1) instanceof Number bytes) || bytes.longValue() > text.get(i).maxLength().orElseThrow()) {
                    rules.computeIfAbsent(spec.name(), name -> new ArrayList<>()).add(Rule.tooLong(spec, text.get(i)));
                }
            }
        }
        return rules;
    }

    private static List<ColumnSpec> textColumns(TableSpec spec, Set<String> storedAsNumbers) {
        return spec.columns().stream().filter(c -> c.maxLength().isPresent() && !storedAsNumbers.contains(spec.name() + "." + c.name())).toList();
    }

    /**
     * @param neverBlank the text columns ("table.column") whose stored type holds no blank value, a number or a list of
     *                   values without one
     */
    private static List<Rule> rowRules(TableSpec spec, LocalDate asOf, Set<String> neverBlank) {
        List<Rule> rules = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            if (column.required()) {
                rules.add(Rule.required(spec, column, !neverBlank.contains(spec.name() + "." + column.name())));
            }
            column.min().ifPresent(min -> rules.add(Rule.range(spec, column, "below-minimum", "<", min)));
            column.max().ifPresent(max -> rules.add(Rule.range(spec, column, "above-maximum", ">", max)));
            if (!column.allowed().isEmpty()) {
                rules.add(Rule.allowed(spec, column));
            }
            if (column.notAfterAsOf()) {
                rules.add(Rule.notAfter(spec, column, asOf));
            }
        }
        return rules;
    }

    private static long apply(Engine engine, Rule rule, LoadedTable table, Optional<RowLocator> locator, List<Problem> problems) {
        String from = " FROM " + rule.table() + " WHERE " + rule.violation();
        long count = ((Number) engine.scalar(rule.count())).longValue();
        if (count == 0) {
            return 0;
        }
        Table sample = engine.query("SELECT rowid, " + shownValue(rule.column()) + from + " ORDER BY rowid LIMIT " + SAMPLE_PER_RULE);
        List<Long> rowIds = sample.rows().stream().map(r -> ((Number) r.get(0)).longValue()).toList();
        Map<Long, Long> lines = locator.map(l -> l.lines(rowIds)).orElse(Map.of());
        boolean lineBased = locator.map(RowLocator::isLineBased).orElse(true);
        for (List<Object> row : sample.rows()) {
            long rowId = ((Number) row.get(0)).longValue();
            long line = lines.getOrDefault(rowId, 0L);
            String message = rule.message() + (lineBased || line == 0 ? "" : " (row " + line + ")") + "; row set aside";
            problems.add(new Problem(table.file(), lineBased ? line : 0, rule.column(),
                    row.get(1) == null ? "" : row.get(1).toString(), rule.name(), message, Severity.SET_ASIDE,
                    table.spec().personal()));
        }
        engine.execute("DELETE" + from);
        return count;
    }

    /** A column's value as a problem quotes it: its start only, so a megabyte-long value is never fetched whole. */
    static String shownValue(String column) {
        return "substr(CAST(" + column + " AS VARCHAR), 1, " + (Problem.MAX_VALUE_SHOWN + 1) + ")";
    }

    /**
     * A rule as SQL: the condition a breaking row meets, the rule in words, and the statement that counts the rows
     * breaking it ({@code count}: the rows meeting the condition, unless the rule has a faster way to count them).
     */
    record Rule(String table, String column, String name, String violation, String message, String count) {

        Rule(String table, String column, String name, String violation, String message) {
            this(table, column, name, violation, message, "SELECT count(*) FROM " + table + " WHERE " + violation);
        }

        /** @param mayBeBlank whether the column's stored type can hold a blank value */
        static Rule required(TableSpec spec, ColumnSpec column, boolean mayBeBlank) {
            String blank = column.sqlType().equals("VARCHAR") && mayBeBlank ? " OR " + blank(column.name()) : "";
            return new Rule(spec.name(), column.name(), "blank-required", column.name() + " IS NULL" + blank,
                    column.name() + " is required and must not be blank");
        }

        /** True where the text {@code value} is empty or only spaces. */
        static String blank(String value) {
            // trim strips spaces and non-ASCII (Unicode) spaces only, so a value it empties starts below '!' or at a
            // non-ASCII character: that cheap test comes first and lets DuckDB skip whole row groups by their min and max.
            return "((" + value + " < '!' OR " + value + " >= chr(128)) AND trim(" + value + ") = '')";
        }

        static Rule tooLong(TableSpec spec, ColumnSpec column) {
            int most = column.maxLength().orElseThrow();
            return new Rule(spec.name(), column.name(), "too-long", "length(" + column.name() + ") > " + most,
                    column.name() + " is longer than " + most + " characters (max_length of the data model)");
        }

        static Rule range(TableSpec spec, ColumnSpec column, String name, String operator, double bound) {
            String words = column.min().isPresent() && column.max().isPresent()
                    ? "must be between " + number(column.min().get()) + " and " + number(column.max().get())
                    : operator.equals("<") ? "must be at least " + number(bound) : "must be at most " + number(bound);
            return new Rule(spec.name(), column.name(), name, column.name() + " " + operator + " " + number(bound),
                    column.name() + " " + words);
        }

        static Rule allowed(TableSpec spec, ColumnSpec column) {
            String list = column.allowed().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
            return new Rule(spec.name(), column.name(), "not-allowed", column.name() + " NOT IN (" + list + ")",
                    column.name() + " must be one of " + String.join(", ", column.allowed()));
        }

        static Rule notAfter(TableSpec spec, ColumnSpec column, LocalDate asOf) {
            return new Rule(spec.name(), column.name(), "after-as-of",
                    "CAST(" + column.name() + " AS DATE) > DATE '" + asOf + "'",
                    column.name() + " is later than the as-of date " + asOf);
        }

        static Rule duplicateKey(TableSpec spec) {
            String key = String.join(", ", spec.key());
            return new Rule(spec.name(), spec.key().get(0), "duplicate-key",
                    "rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY " + key
                            + " ORDER BY rowid) AS copy FROM " + spec.name() + ") AS numbered WHERE copy > 1)",
                    "the key (" + key + ") repeats an earlier row");
        }

        /**
         * Counted by value: each value's rows are counted first and each value looked up once, which at 100M events took
         * the title ids' check from 2.9–3.3 s to 1.6–1.7 s on one thread, and the member ids' from 1.6–1.7 s to 1.4–1.6 s
         * (10M: 0.30 → 0.17 s and 0.16 → 0.11 s; text member ids 0.33 → 0.21 s).
         */
        static Rule reference(TableSpec spec, ColumnSpec column, String reference) {
            String target = reference.substring(0, reference.indexOf('.'));
            String targetColumn = reference.substring(reference.indexOf('.') + 1);
            String unknown = " NOT IN (SELECT " + targetColumn + " FROM " + target + " WHERE " + targetColumn + " IS NOT NULL)";
            return new Rule(spec.name(), column.name(), "unknown-reference", column.name() + " IS NOT NULL AND " + column.name() + unknown,
                    column.name() + " is not in " + reference,
                    "SELECT coalesce(sum(row_count), 0) FROM (SELECT " + column.name() + " AS referenced, count(*) AS row_count FROM "
                            + spec.name() + " WHERE " + column.name() + " IS NOT NULL GROUP BY " + column.name() + ") AS per_value"
                            + " WHERE referenced" + unknown);
        }

        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
