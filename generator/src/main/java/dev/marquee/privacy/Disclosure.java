package dev.marquee.privacy;

import dev.marquee.run.ReportException;
import dev.marquee.catalog.ForecastSpec;
import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.model.Problem;
import dev.marquee.query.Answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The disclosure stage: between the answers and everything that shows them, every published result is made safe
 * under k, the smallest group of members the report may describe. Each result about members declares what its rows
 * describe (a question's {@code privacy:} front matter, see {@link GroupSpec}); KPIs follow their own columns; a
 * forecast's actual values follow the statement it forecasts. (A published result read from member tables without a
 * declaration is refused when the questions are read, see Catalog.)
 */
public final class Disclosure {

    /** The name of a merged row; a real value spelled the same is renamed, so the two are never confused. */
    public static final String OTHER = "Other (small groups)";

    /**
     * The rule in words, as the About and methodology pages and the PDF's closing page state it: one text, so the
     * three cannot come to say different things.
     */
    public static String rule(int k) {
        return "No published group (a country, a cohort, a band, a cell of a table) describes fewer than " + k + " members, "
                + "nor can one be worked out by subtracting published figures from a published total: smaller groups are merged "
                + "into “" + OTHER + "”, hidden, or left out of a ranking, with the next smallest where a total would reveal them, "
                + "and never one alone where its total is published (a plan's members across countries, a country's across "
                + "plans); of two the same size, the same one in every table. A group one table hides, every table of the same "
                + "groups hides too (a month in a monthly chart and in a chart of the last month alike). A count of zero is shown: "
                + "it describes no one.";
    }

    private Disclosure() {
    }

    /**
     * @throws ReportException when a declaration names a column its result does not return
     */
    public static List<Answer> protect(List<Answer> answers, int k) {
        return protect(answers, k, Map.of());
    }

    /**
     * @param regionOf each country's region (the regions table as loaded), for results whose countries' totals by
     *                 region are published too ({@code nested_in: region})
     * @throws ReportException when a declaration names a column its result does not return
     */
    public static List<Answer> protect(List<Answer> answers, int k, Map<String, String> regionOf) {
        return protect(answers, k, regionOf, Map.of());
    }

    /**
     * @param forcedRows per result ({@link #resultKey}), rows to hide whatever their size, by {@link GroupedTable#key}: a
     *                   slice's rows that differencing against the whole report would give (see AcrossSlices)
     */
    static List<Answer> protect(List<Answer> answers, int k, Map<String, String> regionOf, Map<String, Set<List<String>>> forcedRows) {
        return protect(answers, k, regionOf, forcedRows, Map.of());
    }

    /**
     * @param shownElsewhere per result, rows another report shows of the same members (the whole report's rows of a
     *                       region's slice): known to a reader whatever this report hides (see FlowRows)
     */
    static List<Answer> protect(List<Answer> answers, int k, Map<String, String> regionOf, Map<String, Set<List<String>>> forcedRows,
                                Map<String, Set<List<String>>> shownElsewhere) {
        List<Problem> problems = new ArrayList<>();
        for (Answer answer : answers) {
            checkColumns(answer, problems);
        }
        if (!problems.isEmpty()) {
            throw ReportException.of(ReportException.QUESTION_PROBLEM, "The questions do not run on this data", problems);
        }
        // The same groups in several results (members by age band on one page, hours by age band on another) are
        // hidden alike: a group one result hides, every result of that dimension and member count hides too, until
        // nothing more changes.
        // A result that is another's as-of month shows the rows that one shows, and no others (see AsOfMonthRows); a
        // month's signups and churners are not the one figure of its flow not shown (see FlowRows); a running total under
        // another name shows where the running total does (see RunningTotalRows); a group's start, leavers and end do not
        // give fewer than k joiners (see JoinedRows); a total published of some rows does not give the hidden ones among
        // them (see SubsetTotalRows).
        Map<String, Map<Object, Set<Object>>> forced = new HashMap<>();
        Map<String, Set<List<String>>> rowsToHide = new HashMap<>();
        forcedRows.forEach((result, keys) -> rowsToHide.put(result, new HashSet<>(keys)));
        while (true) {
            Map<String, Map<Object, Set<Object>>> found = new HashMap<>();
            List<Answer> safe = new ArrayList<>();
            Map<String, Set<List<String>>> hiding = notShownElsewhere(rowsToHide, shownElsewhere);
            for (Answer answer : answers) {
                safe.add(protect(answer, k, forced, found, regionOf, hiding, shownElsewhere));
            }
            boolean moreRows = AsOfMonthRows.hide(answers, safe, rowsToHide) | addUpHiddenRows(answers, safe, rowsToHide)
                    | FlowRows.hide(answers, safe, rowsToHide, shownElsewhere, k) | RunningTotalRows.hide(answers, safe, rowsToHide)
                    | SameRows.hide(answers, safe, rowsToHide) | JoinedRows.hide(answers, safe, rowsToHide, shownElsewhere, k)
                    | SubsetTotalRows.hide(answers, safe, rowsToHide, k);
            if (contains(forced, found) && !moreRows) {
                return safe;
            }
            found.forEach((key, populations) -> addAll(forced, key, populations));
        }
    }

    /**
     * The rows to hide less those another report shows with the same figures: hiding them protects no one, as a reader
     * has them anyway. A country's slice left November out of its members by month, which the whole report shows for
     * that country, because its MRR of November was hidden and the two rows count the same 110 members.
     */
    private static Map<String, Set<List<String>>> notShownElsewhere(Map<String, Set<List<String>>> rowsToHide,
                                                                   Map<String, Set<List<String>>> shownElsewhere) {
        return shownElsewhere.isEmpty() ? rowsToHide : less(rowsToHide, result -> shownElsewhere.getOrDefault(result, Set.of()));
    }

    /**
     * The values of a dimension to hide because another result hides them, less those whose every row here another
     * report shows with the same figures (see {@link #notShownElsewhere}).
     */
    private static Map<Object, Set<Object>> notAllShownElsewhere(Map<Object, Set<Object>> forcedValues, Table table, GroupSpec spec,
                                                                 String dimension, Set<List<String>> shownElsewhere) {
        if (shownElsewhere.isEmpty()) {
            return forcedValues;
        }
        int column = table.index(dimension);
        Set<Object> known = new HashSet<>();
        Set<Object> unknown = new HashSet<>();
        for (List<Object> row : table.rows()) {
            (shownElsewhere.contains(GroupedTable.key(table, spec, row)) ? known : unknown).add(row.get(column));
        }
        known.removeAll(unknown);
        return known.isEmpty() ? forcedValues : less(forcedValues, population -> known);
    }

    /** Each set of {@code sets} less the members {@code removed} gives for its key; the sets given are not changed. */
    private static <K, V> Map<K, Set<V>> less(Map<K, Set<V>> sets, java.util.function.Function<K, Set<V>> removed) {
        Map<K, Set<V>> remaining = new HashMap<>();
        sets.forEach((key, members) -> {
            Set<V> kept = new HashSet<>(members);
            kept.removeAll(removed.apply(key));
            remaining.put(key, kept);
        });
        return remaining;
    }

    /**
     * A result that adds up another's rows ({@code adds_up}: each month of the year over the years) shows no figure for
     * a row that adds up a row that one hides (with some members): the sum minus the rows shown would give it back. A
     * row whose rows are all shown is itself their sum, and tells nothing more. (The statement's own small rows are
     * hidden by its rule; this covers rows the other result hides by its rules, across slices or results.)
     *
     * @return whether a row was added to {@code rowsToHide}
     */
    private static boolean addUpHiddenRows(List<Answer> answers, List<Answer> published, Map<String, Set<List<String>>> rowsToHide) {
        boolean added = false;
        for (int a = 0; a < answers.size(); a++) {
            Question question = answers.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                Table sums = answers.get(a).results().get(spec.result());
                if (spec.addsUp().isEmpty() || sums == null) {
                    continue;
                }
                List<List<Object>> hidden = hiddenRows(answers.get(a), published.get(a), spec.addsUp().get());
                if (hidden.isEmpty()) {
                    continue;
                }
                Table parts = answers.get(a).results().get(spec.addsUp().get());
                List<Integer> figures = GroupedTable.figureColumns(sums, spec);
                List<String> shared = sums.columnNames().stream()
                        .filter(c -> parts.indexOf(c).isPresent() && !figures.contains(sums.index(c))).toList();
                for (List<Object> row : sums.rows()) {
                    if (hidden.stream().anyMatch(part -> addsUp(sums, shared, row, parts, part))) {
                        added |= rowsToHide.computeIfAbsent(resultKey(question, spec.result()), x -> new HashSet<>())
                                .add(GroupedTable.key(sums, spec, row));
                    }
                }
            }
        }
        return added;
    }

    /** A published result's rows that, as computed, count some members and show no figure of them. */
    private static List<List<Object>> hiddenRows(Answer computed, Answer published, String result) {
        Table table = computed.results().get(result);
        Table shown = published.results().get(result);
        Optional<GroupSpec> spec = computed.question().privacy(result);
        if (table == null || shown == null || spec.isEmpty() || table.rowCount() != shown.rowCount()) {
            return List.of();
        }
        List<List<Object>> hidden = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.value(r, spec.get().members()) instanceof Number n && n.doubleValue() > 0 && shown.value(r, spec.get().members()) == null) {
                hidden.add(table.rows().get(r));
            }
        }
        return hidden;
    }

    /**
     * Whether a row of {@code sums} adds up a row of {@code parts}: the same values in {@code shared}, the columns both
     * have other than figures (the source), and, for a month of the year ({@code month_number}, of the years
     * {@code first_year} to {@code last_year} where it says), a {@code month} that falls in it.
     */
    private static boolean addsUp(Table sums, List<String> shared, List<Object> row, Table parts, List<Object> part) {
        for (String column : shared) {
            if (!java.util.Objects.equals(row.get(sums.index(column)), part.get(parts.index(column)))) {
                return false;
            }
        }
        Optional<Integer> monthNumber = sums.indexOf("month_number");
        Optional<Integer> month = parts.indexOf("month");
        if (monthNumber.isPresent() && month.isPresent() && row.get(monthNumber.get()) instanceof Number number
                && part.get(month.get()) instanceof LocalDate date) {
            return date.getMonthValue() == number.intValue() && inYear(sums, row, "first_year", y -> date.getYear() >= y)
                    && inYear(sums, row, "last_year", y -> date.getYear() <= y);
        }
        return true;
    }

    private static boolean inYear(Table table, List<Object> row, String column, java.util.function.IntPredicate within) {
        return table.indexOf(column).map(c -> !(row.get(c) instanceof Number year) || within.test(year.intValue())).orElse(true);
    }

    /** Adds, per population, hidden values of the groups named {@code key}. */
    private static void addAll(Map<String, Map<Object, Set<Object>>> hidden, String key, Map<Object, Set<Object>> populations) {
        populations.forEach((population, values) -> hidden.computeIfAbsent(key, x -> new HashMap<>())
                .computeIfAbsent(population, x -> new HashSet<>()).addAll(values));
    }

    private static boolean contains(Map<String, Map<Object, Set<Object>>> forced, Map<String, Map<Object, Set<Object>>> found) {
        return found.entrySet().stream().allMatch(key -> key.getValue().entrySet().stream().allMatch(population ->
                forced.getOrDefault(key.getKey(), Map.of()).getOrDefault(population.getKey(), Set.of()).containsAll(population.getValue())));
    }

    /**
     * The values of a member column (country, region, plan) that a result counting members ({@code members}) by that
     * column counted but does not show by name with their number of members: merged into "Other (small groups)" or
     * hidden, as too small or to protect a small one.
     *
     * @param computed  the answers as the statements gave them
     * @param published the same answers as published, in the same order
     */
    public static Set<String> notShownByName(List<Answer> computed, List<Answer> published, String column) {
        Set<String> counted = new java.util.TreeSet<>();
        Set<String> named = new java.util.TreeSet<>();
        for (int a = 0; a < computed.size(); a++) {
            Answer answer = computed.get(a);
            for (Map.Entry<String, Table> result : answer.results().entrySet()) {
                Optional<GroupSpec> spec = answer.question().privacy(result.getKey());
                Table table = result.getValue();
                Table shown = published.get(a).results().get(result.getKey());
                if (spec.isEmpty() || !spec.get().countsMembers() || !spec.get().members().equals("members") || shown == null
                        || !GroupedTable.dimension(table, spec.get()).map(column::equals).orElse(false)) {
                    continue;
                }
                for (List<Object> row : table.rows()) {
                    counted.add(String.valueOf(row.get(table.index(column))));
                }
                for (List<Object> row : shown.rows()) {
                    if (row.get(shown.index(spec.get().members())) != null) {
                        named.add(String.valueOf(row.get(shown.index(column))));
                    }
                }
            }
        }
        counted.removeAll(named);
        return counted;
    }

    /** How a result is named among every question's: {@code <question>/<statement>}. */
    static String resultKey(Question question, String result) {
        return question.slug() + "/" + result;
    }

    private static Answer protect(Answer answer, int k, Map<String, Map<Object, Set<Object>>> forced,
                                  Map<String, Map<Object, Set<Object>>> found, Map<String, String> regionOf,
                                  Map<String, Set<List<String>>> forcedRows, Map<String, Set<List<String>>> shownElsewhere) {
        Question question = answer.question();
        Map<String, Table> results = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>(answer.notes());
        for (Map.Entry<String, Table> result : answer.results().entrySet()) {
            String name = result.getKey();
            Optional<GroupSpec> spec = question.privacy(name);
            if (question.kpiQuery().map(name::equals).orElse(false)) {
                results.put(name, KpiGroups.protect(result.getValue(), k));
            } else if (spec.isPresent() && spec.get().countsMembers()) {
                // Groups are the same when their dimension and what counts their members are (age_band|members).
                // A cross-tab's values of 'within' merged whole are such groups too (a country's plans add up to its members).
                Optional<String> dimension = GroupedTable.dimension(result.getValue(), spec.get())
                        .or(() -> spec.get().within().filter(w -> spec.get().small() == GroupSpec.Small.MERGE));
                Optional<String> key = dimension.map(d -> d + "|" + spec.get().counts().orElse(spec.get().members()));
                Map<Object, Set<Object>> forcedValues = key.map(forced::get).orElse(Map.of());
                if (dimension.isPresent() && !forcedValues.isEmpty()) {
                    forcedValues = notAllShownElsewhere(forcedValues, result.getValue(), spec.get(), dimension.get(),
                            shownElsewhere.getOrDefault(resultKey(question, name), Set.of()));
                }
                GroupedTable.Protected safe = GroupedTable.protect(result.getValue(), spec.get(), k,
                        forcedValues, forcedRows.getOrDefault(resultKey(question, name), Set.of()), regionOf);
                key.ifPresent(d -> addAll(found, d, safe.hiddenValuesByPopulation()));
                results.put(name, safe.table());
                note(spec.get(), safe, k).ifPresent(text -> notes.put(name, text));
                // One chart per population: each says what was done to its own rows (see Section#note).
                safe.populations().forEach((population, part) -> notes.put(Answer.sourceNote(name, String.valueOf(population)),
                        note(spec.get(), part, k).orElse("")));
            } else {
                results.put(name, result.getValue());
            }
        }
        for (ForecastSpec forecast : question.forecasts()) {
            Table actual = results.get(forecast.query());
            if (question.privacy(forecast.query()).isPresent() && actual != null && results.containsKey(forecast.resultName())) {
                Set<LocalDate> hidden = hiddenMonths(actual, question.privacy(forecast.query()).get());
                results.put(forecast.resultName(), hideMonths(results.get(forecast.resultName()), hidden));
                Optional.ofNullable(notes.get(forecast.query())).ifPresent(text -> notes.put(forecast.resultName(), text));
                if (!hidden.isEmpty() && results.containsKey(ForecastSpec.ACCURACY)) {
                    results.put(ForecastSpec.ACCURACY, withoutScores(results.get(ForecastSpec.ACCURACY), forecast.title()));
                }
            }
        }
        return answer.with(results, notes);
    }

    /** Whether a numeric column is one the declaration keeps as a label. */
    static boolean keeps(GroupSpec spec, String column) {
        return spec.keep().contains(column);
    }

    private static Optional<String> note(GroupSpec spec, GroupedTable.Protected safe, int k) {
        if (safe.rowsAffected() == 0 && safe.groupsMerged() == 0) {
            return Optional.empty();
        }
        Optional<String> base = baseNote(spec, safe, k);
        if (spec.addsUp().isPresent()) {
            base = base.map(text -> text + " A row that adds up rows hidden in another chart of this page (a month of the year "
                    + "holding a hidden month) is not shown either: its sum would give them back.");
        }
        long cut = runningTotalsCut(spec, safe.table());
        return cut == 0 ? base : base.map(text -> text + " Running totals are not shown from a row hidden to protect another group, "
                + "which a later total would give back (" + (cut == 1 ? "1 more row" : cut + " more rows") + ").");
    }

    /** Rows whose figure is shown and whose running total is not (see GroupedTable: after a row hidden for another's sake). */
    private static long runningTotalsCut(GroupSpec spec, Table table) {
        if (spec.running().isEmpty()) {
            return 0;
        }
        return table.rows().stream().filter(row -> row.get(table.index(spec.members())) != null
                && spec.running().stream().anyMatch(total -> row.get(table.index(total.column())) == null)).count();
    }

    /** How a note says that rows were hidden not as small groups of their own but to protect others. */
    private static final String FOR_OTHERS = " so that no hidden figure can be worked out from published ones";

    /** Whether a result's note says that every row it hid or merged was hidden to protect another group. */
    public static boolean allHiddenForOthers(String note) {
        return note.contains("; all of them" + FOR_OTHERS) || note.contains("; it" + FOR_OTHERS);
    }

    /** The count {@link #baseNote} ends its sentence with: " (11 rows with figures not shown)", " (2 rows merged; 1 country merged with all their rows)". */
    private static final java.util.regex.Pattern ROWS_AFFECTED = java.util.regex.Pattern.compile(
            " \\(\\d+ (?:rows? (?:merged|not shown|with figures not shown|left out)|[^()]* merged with all (?:its|their) rows|[^()]* left out)(?:[;,] [^)]*)?\\)(?=\\.)");

    /** A note without the count of rows it was made for: a part of the result (one country's rows) has its own. */
    public static String withoutRowCount(String note) {
        return ROWS_AFFECTED.matcher(note).replaceAll("");
    }

    private static Optional<String> baseNote(GroupSpec spec, GroupedTable.Protected safe, int k) {
        // What the count in brackets counts, said with it: "(17 rows)" alone was read as the rows shown.
        // Rows hidden not for a small group of their own but because other published figures would give a hidden one
        // back (a slice's months against the whole report's, a running total under another name) are said apart.
        String forOthers = safe.rowsForOthers() == 0 ? "" : (safe.rowsForOthers() == safe.rowsAffected()
                ? (safe.rowsAffected() == 1 ? "; it" : "; all of them") : "; " + safe.rowsForOthers() + " of them")
                + FOR_OTHERS;
        String rows = (safe.rowsAffected() == 1 ? "1 row" : safe.rowsAffected() + " rows");
        return Optional.of(switch (spec.small()) {
            // A part of none describes no one and is shown: "1 to k − 1" says so where "fewer than k" did not.
            case MERGE -> "Groups of fewer than " + k + " members, or with " + fewInAPart(k) + " in one of their parts, "
                    + "are merged into “" + OTHER + "”, with the next smallest where a total would otherwise reveal them ("
                    + String.join("; ", java.util.stream.Stream.of(
                            safe.rowsAffected() > 0 ? rows + " merged" + forOthers : "",
                            // Months are left out, not merged into an "Other" month (see GroupedTable).
                            safe.groupsMerged() > 0 && spec.within().isPresent()
                                    ? count(safe.groupsMerged(), spec.within().get().replace('_', ' ')) + (withinMonths(spec, safe)
                                    ? " left out" : " merged with all " + (safe.groupsMerged() == 1 ? "its" : "their") + " rows") : "")
                            .filter(text -> !text.isEmpty()).toList()) + ").";
            // A group of 160 whose 5 who left are hidden says why only if the note names the parts.
            case HIDE -> "Figures of groups of fewer than " + k + " members" + (spec.parts().isEmpty() ? ""
                    : ", or with " + fewInAPart(k) + " in one of their parts (" + parts(spec) + "),")
                    + " are not shown, nor those of the next smallest where a total would otherwise reveal them (" + rows + " with figures not shown"
                    + forOthers + ").";
            case DROP -> "Rows describing fewer than " + k + " members are left out (" + rows + " left out" + forOthers + ").";
        });
    }

    /** Whether the groups a result merges within are dates (months), which are left out rather than merged. */
    private static boolean withinMonths(GroupSpec spec, GroupedTable.Protected safe) {
        Table table = safe.table();
        return spec.within().flatMap(table::indexOf).map(i -> table.columns().get(i).type().isTemporal()).orElse(false);
    }

    /** How many members in a part make it too small: "1 to 9 members" (k = 10), "1 member" (k = 2). */
    private static String fewInAPart(int k) {
        return k <= 2 ? "1 member" : "1 to " + (k - 1) + " members";
    }

    /** The parts a declaration counts, with the rest of each group: "churners and the others". */
    private static String parts(GroupSpec spec) {
        return String.join(", ", spec.parts().stream().map(p -> p.replace('_', ' ')).toList()) + " and the others";
    }

    /** "1 country", "4 countries", "3 months": a count of the groups a declaration merges within. */
    private static String count(int n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("y") && !noun.endsWith("ey") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    /** The months a HIDE declaration hid: the rows whose member count became empty. */
    private static Set<LocalDate> hiddenMonths(Table protectedSource, GroupSpec spec) {
        Set<LocalDate> months = new HashSet<>();
        if (protectedSource.indexOf("month").isEmpty()) {
            return months;
        }
        for (int r = 0; r < protectedSource.rowCount(); r++) {
            if (protectedSource.value(r, spec.members()) == null && protectedSource.value(r, "month") instanceof LocalDate month) {
                months.add(month);
            }
        }
        return months;
    }

    /** A forecast table with nothing shown for the months whose actual value is hidden. */
    static Table hideMonths(Table forecast, Set<LocalDate> months) {
        if (months.isEmpty()) {
            return forecast;
        }
        int month = forecast.index("month");
        int actual = forecast.index("actual");
        // A forecast whose every actual month is hidden is fitted on figures the report does not show (a small slice's
        // signups): its band would be their summary, with no history to read it against. It shows nothing then.
        boolean anyShown = forecast.rows().stream().anyMatch(row -> row.get(actual) != null && !months.contains(row.get(month)));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : forecast.rows()) {
            List<Object> copy = new ArrayList<>(row);
            if (!anyShown || months.contains(row.get(month)) && row.get(actual) != null) {
                for (int c = 0; c < copy.size(); c++) {
                    if (c != month) {
                        copy.set(c, null);
                    }
                }
            }
            rows.add(copy);
        }
        return new Table(forecast.columns(), rows);
    }

    /** What the backtest of a series with hidden months says in place of its errors. */
    static final String SCORES_HIDDEN = "Not shown: the forecast is fitted on months this report hides to protect small groups, "
            + "and its errors could give them back.";

    /**
     * The accuracy table with one series' errors not shown. A backtest's errors are sums over the months it is scored on
     * and scaled by: the seasonal naive's MAPE is |a(t) - a(t - 12)| / a(t) over the last months, actuals only, and with
     * one of them hidden it has one unknown (a red-team review solved six country slices' hidden November subscribers
     * from it, and the whole report's MASE gave the sum of its three hidden months). The refitted method's errors read
     * every month before each origin.
     */
    private static Table withoutScores(Table accuracy, String series) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : accuracy.rows()) {
            List<Object> copy = new ArrayList<>(row);
            if (series.equals(row.get(accuracy.index("series")))) {
                for (String score : List.of("mape", "mase", "baseline_mape", "baseline_mase")) {
                    copy.set(accuracy.index(score), null);
                }
                copy.set(accuracy.index("note"), SCORES_HIDDEN);
            }
            rows.add(copy);
        }
        return new Table(accuracy.columns(), rows);
    }

    /** Declarations name columns their results return. */
    private static void checkColumns(Answer answer, List<Problem> problems) {
        Question question = answer.question();
        String where = question.descriptionFile().toString();
        for (GroupSpec spec : question.privacy()) {
            Table result = answer.results().get(spec.result());
            if (result == null) {
                continue;
            }
            for (String column : spec.columns()) {
                if (result.indexOf(column).isEmpty()) {
                    problems.add(Problem.fatal(where, spec.line(), column, "unknown-column", "privacy of '" + spec.result()
                            + "' names column '" + column + "', which it does not return; it returns " + result.columnNames()));
                }
            }
            for (String column : spec.running().stream().map(GroupSpec.Running::column).toList()) {
                if (spec.sums().contains(column) || spec.parts().contains(column)) {
                    problems.add(Problem.fatal(where, spec.line(), column, "bad-privacy", "running total '" + column
                            + "' cannot also be a part or a sum"));
                }
            }
        }
    }
}
