package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One group under two names, in one slice. Every member of a country's slice has the same country and the same region,
 * so its churn by region's one row (Latin America) and its churn by country's one row (Mexico) count the same members:
 * a figure one of them hides for a reason (its own suppression, or differencing across slices) the other must hide too,
 * or a reader subtracts the shown one instead. Rows are the same group when the columns the slice shares a value of name
 * that value, their results count members in a column of the same name, and their other labels (month, population) are
 * the same.
 */
final class SharedValueRows {

    private SharedValueRows() {
    }

    /**
     * One row of a result whose group is the slice's shared value (or of the slice's own result by month), and its
     * members as computed.
     *
     * @param wholeSlice whether no other label than the population narrows it (no month): it counts the slice's members
     *                   as its KPIs do
     * @param month      the month it describes the whole slice in (no label but its file and a month, yyyy-mm-01): a
     *                   KPI's value or comparison may be that month's; empty for a row of no one month
     * @param part       the members its first part counts (the churners of a churn); NaN for a result without parts
     */
    record Row(String result, List<String> key, String group, boolean shown, double members, boolean wholeSlice, String month,
               double part) {

        boolean oneMonth() {
            return !month.isEmpty();
        }
    }

    /**
     * Per result ({@link Disclosure#resultKey}), the keys of the rows ({@link GroupedTable#key}) that the slice shows
     * although the same group is not shown in another of its results.
     *
     * @param computed  the slice's answers as its statements gave them
     * @param published the same answers as published so far, in the same order
     * @param shared    the member columns every member of the slice has one same value of, and that value
     */
    static Map<String, Set<List<String>>> hidden(List<Answer> computed, List<Answer> published, Map<String, String> shared) {
        if (shared.size() < 2) {
            return Map.of();
        }
        List<Row> rows = wholeSliceRows(computed, published, shared).stream().filter(r -> !r.oneMonth()).toList();
        Set<String> hiddenGroups = new HashSet<>();
        rows.stream().filter(r -> !r.shown()).forEach(r -> hiddenGroups.add(r.group()));
        Map<String, Set<List<String>>> hide = new HashMap<>();
        rows.stream().filter(r -> r.shown() && hiddenGroups.contains(r.group()))
                .forEach(r -> hide.computeIfAbsent(r.result(), x -> new HashSet<>()).add(r.key()));
        return hide;
    }

    /**
     * The rows of the slice's results (those counting members) that name a value every member of the slice has: each
     * describes the whole slice, or the part of it its other labels say.
     */
    static List<Row> wholeSliceRows(List<Answer> computed, List<Answer> published, Map<String, String> shared) {
        return memberResults(computed, published).stream()
                .flatMap(r -> rows(r.name(), r.computed(), r.published(), r.spec(), shared).stream()).toList();
    }

    /**
     * The rows of the slice's own results by month alone (no label but its file and a month: its signups per month, its
     * members at each month's end): each describes the whole slice in its month.
     */
    static List<Row> sliceMonthRows(List<Answer> computed, List<Answer> published) {
        List<Row> rows = new ArrayList<>();
        for (MemberResult result : memberResults(computed, published)) {
            Table table = result.computed();
            GroupSpec spec = result.spec();
            List<Integer> figures = GroupedTable.figureColumns(table, spec);
            Set<List<String>> shownKeys = shownKeys(result.published(), spec);
            for (List<Object> row : table.rows()) {
                List<String> labels = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    if (!figures.contains(c) && !table.columns().get(c).name().equals("source")) {
                        labels.add(String.valueOf(row.get(c)));
                    }
                }
                Object members = row.get(table.index(spec.members()));
                if (labels.size() == 1 && labels.get(0).matches(MONTH) && members instanceof Number n) {
                    List<String> key = GroupedTable.key(table, spec, row);
                    rows.add(new Row(result.name(), key, spec.members() + " " + labels, shownKeys.contains(key), n.doubleValue(),
                            false, labels.get(0), part(table, spec, row)));
                }
            }
        }
        return rows;
    }

    /** A result counting members (a KPI query's aside): its name, as computed and as published, and its declaration. */
    private record MemberResult(String name, Table computed, Table published, GroupSpec spec) {
    }

    private static List<MemberResult> memberResults(List<Answer> computed, List<Answer> published) {
        List<MemberResult> results = new ArrayList<>();
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (Map.Entry<String, Table> result : computed.get(a).results().entrySet()) {
                Optional<GroupSpec> spec = question.privacy(result.getKey());
                if (spec.isPresent() && spec.get().countsMembers() && !question.kpiQuery().map(result.getKey()::equals).orElse(false)) {
                    results.add(new MemberResult(Disclosure.resultKey(question, result.getKey()), result.getValue(),
                            published.get(a).results().get(result.getKey()), spec.get()));
                }
            }
        }
        return results;
    }

    private static final String MONTH = "\\d{4}-\\d{2}-01";

    private static double part(Table table, GroupSpec spec, List<Object> row) {
        return spec.parts().isEmpty() || !(row.get(table.index(spec.parts().get(0))) instanceof Number n) ? Double.NaN : n.doubleValue();
    }

    private static Set<List<String>> shownKeys(Table published, GroupSpec spec) {
        Set<List<String>> shownKeys = new HashSet<>();
        if (published != null) {
            for (List<Object> row : published.rows()) {
                if (row.get(published.index(spec.members())) != null) {
                    shownKeys.add(GroupedTable.key(published, spec, row));
                }
            }
        }
        return shownKeys;
    }

    /** The rows of one result whose dimension is a shared column and names its shared value. */
    private static List<Row> rows(String name, Table table, Table published, GroupSpec spec, Map<String, String> shared) {
        // A result by month and a shared column (churn by region within each month) names the value month by month.
        Optional<String> dimension = GroupedTable.dimension(table, spec).or(() -> spec.within().flatMap(within -> spec.label()))
                .filter(shared::containsKey);
        if (dimension.isEmpty()) {
            return List.of();
        }
        int column = table.index(dimension.get());
        List<Integer> figures = GroupedTable.figureColumns(table, spec);
        Set<List<String>> shownKeys = shownKeys(published, spec);
        List<Row> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            if (!shared.get(dimension.get()).equals(String.valueOf(row.get(column)))) {
                continue;
            }
            // The group: what counts its members, and its other labels by name (the dimension's own name left out).
            Map<String, String> labels = new TreeMap<>();
            for (int c = 0; c < row.size(); c++) {
                if (c != column && !figures.contains(c)) {
                    labels.put(table.columns().get(c).name(), String.valueOf(row.get(c)));
                }
            }
            List<String> key = GroupedTable.key(table, spec, row);
            Object members = row.get(table.index(spec.members()));
            Map<String, String> unfiled = new TreeMap<>(labels);
            unfiled.remove("source");
            String month = unfiled.size() == 1 && unfiled.values().iterator().next().matches(MONTH) ? unfiled.values().iterator().next() : "";
            rows.add(new Row(name, key, spec.members() + " " + labels, shownKeys.contains(key),
                    members instanceof Number n ? n.doubleValue() : Double.NaN, unfiled.isEmpty(), month, part(table, spec, row)));
        }
        return rows;
    }

    /**
     * A slice whose members share the value of a cross-tab's 'within' column (a country's slice; plans within
     * countries) publishes the whole report's row of cells for that value again, in each of its results that counts the
     * same members by the cross-tab's label (its members by plan). A cell the whole report does not show for that value
     * (merged into its "Other (small groups)" to protect a small one) is not shown there either: before, the
     * Netherlands slice showed its 10 Basic members, which the whole report had merged with its Premium ones, and
     * every other country's Basic members then gave Poland's hidden Basic, and Poland's 5 Premium members with it.
     * The same holds the other way round, for a slice sharing the value of the label (a plan's slice): its members by
     * country are the whole report's cells of that plan, one per country. Before, the Standard slice showed South
     * Africa's 14, which the whole report had merged with its Basic and Premium ones, and with the lines of plans within
     * countries they gave Colombia's 5 Premium members.
     *
     * @param whole the whole report's answers, as computed and as published
     * @return per result ({@link Disclosure#resultKey}), the keys of the slice's rows to hide
     */
    static Map<String, Set<List<String>>> hiddenCells(List<Answer> wholeComputed, List<Answer> wholePublished, List<Answer> computed,
                                                      List<Answer> published, Map<String, String> shared) {
        Map<String, Set<List<String>>> hide = new HashMap<>();
        for (int a = 0; a < wholePublished.size(); a++) {
            Question question = wholePublished.get(a).question();
            for (Map.Entry<String, Table> result : wholePublished.get(a).results().entrySet()) {
                Optional<GroupSpec> spec = question.privacy(result.getKey());
                Table computedTable = wholeComputed.get(a).results().get(result.getKey());
                if (spec.isEmpty() || !spec.get().countsMembers() || spec.get().within().isEmpty() || spec.get().label().isEmpty()
                        || computedTable == null) {
                    continue;
                }
                String within = spec.get().within().get();
                String label = spec.get().label().get();
                if (shared.containsKey(within)) {
                    hideCells(question, result.getKey(), result.getValue(), computedTable, spec.get(), within, label, computed,
                            published, shared, hide);
                }
                if (shared.containsKey(label)) {
                    hideCells(question, result.getKey(), result.getValue(), computedTable, spec.get(), label, within, computed,
                            published, shared, hide);
                }
            }
        }
        return hide;
    }

    /**
     * The slice's rows that are the whole report's cells of the slice's value of {@code sharedColumn} (one of the
     * cross-tab's two columns), by {@code otherColumn}, where the whole report does not show them.
     */
    private static void hideCells(Question question, String result, Table wholeTable, Table computedTable, GroupSpec spec,
                                  String sharedColumn, String otherColumn, List<Answer> computed, List<Answer> published,
                                  Map<String, String> shared, Map<String, Set<List<String>>> hide) {
        String value = shared.get(sharedColumn);
        // Only where the slice's members are all the members of that value (a country's slice, its country;
        // not its region): then its cells are the slice's, with the same members in each.
        Optional<Table> sliceTable = AcrossSlices.resultOf(computed, question, result);
        if (sliceTable.isEmpty() || !members(sliceTable.get(), spec, sharedColumn, otherColumn, value)
                .equals(members(computedTable, spec, sharedColumn, otherColumn, value))) {
            return;
        }
        boolean sharedIsWithin = sharedColumn.equals(spec.within().orElseThrow());
        Set<List<String>> hidden = cells(computedTable, sharedColumn, otherColumn, value, Optional.empty());
        hidden.removeAll(cells(wholeTable, sharedColumn, otherColumn, value, Optional.of(spec.members())));
        if (!sharedIsWithin) {
            // Of a label's value, only the cells of 'within' values the whole report names (South Africa's Standard);
            // the values it merged whole into its Other (a small country) are compared across slices as any row is.
            Set<List<String>> named = new HashSet<>();
            for (List<Object> row : wholeTable.rows()) {
                if (!Disclosure.OTHER.equals(row.get(wholeTable.index(otherColumn)))) {
                    named.add(cell(wholeTable, row, otherColumn));
                }
            }
            hidden.retainAll(named);
        }
        if (hidden.isEmpty()) {
            return;
        }
        for (int s = 0; s < published.size(); s++) {
            Question sliceQuestion = published.get(s).question();
            for (Map.Entry<String, Table> sliceResult : published.get(s).results().entrySet()) {
                Optional<GroupSpec> sliceSpec = sliceQuestion.privacy(sliceResult.getKey());
                Table table = sliceResult.getValue();
                if (sliceSpec.isEmpty() || !sliceSpec.get().countsMembers() || !sliceSpec.get().members().equals(spec.members())) {
                    continue;
                }
                // Its results by the other column alone, and its cross-tabs holding the same cells: of the label within
                // a column the slice shares a value of (its plans within its country, or within its region), or, for a
                // slice of a label's value, the same cross-tab (its plans within countries, all of its plan).
                boolean byOther = GroupedTable.dimension(table, sliceSpec.get()).map(otherColumn::equals).orElse(false);
                Optional<String> sliceShared = sharedIsWithin ? sliceSpec.get().within().filter(shared::containsKey)
                        : sliceSpec.get().within().filter(otherColumn::equals).map(w -> sharedColumn);
                boolean crossTab = sliceShared.isPresent() && sliceSpec.get().label().equals(spec.label());
                if (!byOther && !crossTab) {
                    continue;
                }
                for (List<Object> row : table.rows()) {
                    if (row.get(table.index(sliceSpec.get().members())) != null && hidden.contains(cell(table, row, otherColumn))
                            && (byOther || shared.get(sliceShared.get()).equals(String.valueOf(row.get(table.index(sliceShared.get())))))) {
                        hide.computeIfAbsent(Disclosure.resultKey(sliceQuestion, sliceResult.getKey()), x -> new HashSet<>())
                                .add(GroupedTable.key(table, sliceSpec.get(), row));
                    }
                }
            }
        }
    }

    /**
     * A cross-tab's values of {@code other} (with their population) in its rows of one value of {@code shared};
     * {@code members} given, only those shown by name with their members.
     */
    private static Set<List<String>> cells(Table table, String shared, String other, String value, Optional<String> members) {
        Set<List<String>> cells = new HashSet<>();
        for (List<Object> row : table.rows()) {
            if (value.equals(String.valueOf(row.get(table.index(shared)))) && members.map(m -> row.get(table.index(m)) != null
                    && !Disclosure.OTHER.equals(row.get(table.index(other)))).orElse(true)) {
                cells.add(cell(table, row, other));
            }
        }
        return cells;
    }

    /** A cross-tab's cells of one value of {@code shared}, each with its members as computed. */
    private static Map<List<String>, String> members(Table table, GroupSpec spec, String shared, String other, String value) {
        Map<List<String>, String> members = new java.util.HashMap<>();
        for (List<Object> row : table.rows()) {
            if (value.equals(String.valueOf(row.get(table.index(shared))))) {
                members.put(cell(table, row, other), String.valueOf(row.get(table.index(spec.members()))));
            }
        }
        return members;
    }

    /** A cell by its population and label; a result without a source column is the event files' members. */
    private static List<String> cell(Table table, List<Object> row, String label) {
        return List.of(table.indexOf("source").map(i -> String.valueOf(row.get(i))).orElse(String.valueOf(GroupedTable.EVENT_FILES)),
                String.valueOf(row.get(table.index(label))));
    }
}
