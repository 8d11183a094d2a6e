package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.engine.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One grouped result of a run with slices, against differencing. The slices' members partition the whole's, so a row
 * the whole report shows (a month, a plan, a country, "Other (small groups)") minus the same row, by its {@link
 * GroupedTable#key}, of every slice showing it is the slices that do not show it (withheld, hiding it, or having merged
 * it into their own "Other (small groups)") together. For the row's members, each part, the rest beside each part and
 * each running total, that must be k or more members, or none; while it is not, the row is hidden in the slice with the
 * smallest group still showing it among the slices that already leave some of the result's figures out, else among all,
 * then the next: complementary suppression, as {@link AcrossSlices} does for KPIs. Hiding where figures are already
 * missing spares the slices that show every row their running totals and their own partner rows: on the sample sliced
 * by region, Europe's signups in March 2024 hid Middle East &amp; Africa's 5, and Europe lost its signups of June 2022
 * (the partner in its own table) and its running total from then on.
 */
final class SliceRows {

    private SliceRows() {
    }

    /**
     * For each slice, in order, the keys of its rows to hide.
     *
     * @param whole  the result as the whole report publishes it
     * @param slices the result as each published slice publishes it; empty where a slice does not publish it
     */
    static List<Set<List<String>>> hidden(Table whole, List<Optional<Table>> slices, GroupSpec spec, int k) {
        return hidden(Optional.empty(), whole, slices.stream().map(s -> Optional.<Table>empty()).toList(), slices, spec, k);
    }

    /**
     * The same, where the results as computed (before suppression) say what each "Other (small groups)" row holds: the
     * whole report's Other row is then also compared with the slices' rows of the values it merged (see {@link
     * #otherByItsRows}).
     *
     * @param wholeComputed  the whole report's result as its statement gave it
     * @param slicesComputed each published slice's, in order; empty where a slice does not publish it
     */
    static List<Set<List<String>>> hidden(Optional<Table> wholeComputed, Table whole, List<Optional<Table>> slicesComputed,
                                          List<Optional<Table>> slices, GroupSpec spec, int k) {
        return hidden(wholeComputed, whole, slicesComputed, slices, spec, k, slices.stream().map(s -> Set.<List<String>>of()).toList());
    }

    /**
     * The same, where some of a slice's rows are known to a reader whatever the slice hides, because the whole report
     * shows the same group in another result (a plan's slice's members of a country: the whole report's members of that
     * country and plan). Those rows are in {@code slices} with their figures, count as shown, and are never the row
     * chosen to hide: hiding them would protect nothing.
     *
     * @param known per slice, the keys of such rows
     */
    static List<Set<List<String>>> hidden(Optional<Table> wholeComputed, Table whole, List<Optional<Table>> slicesComputed,
                                          List<Optional<Table>> slices, GroupSpec spec, int k, List<Set<List<String>>> known) {
        List<Set<List<String>>> hide = new ArrayList<>();
        List<Map<List<String>, Integer>> rowsByKey = new ArrayList<>();
        for (Optional<Table> slice : slices) {
            hide.add(new LinkedHashSet<>());
            Map<List<String>, Integer> rows = new HashMap<>();
            slice.ifPresent(t -> {
                for (int r = 0; r < t.rowCount(); r++) {
                    rows.putIfAbsent(GroupedTable.key(t, spec, t.rows().get(r)), r);
                }
            });
            rowsByKey.add(rows);
        }
        hiddenByTheWhole(whole, spec, rowsByKey, hide);
        // Slices whose published result already leaves some figures out, as computed once: the cheaper partners.
        Set<Integer> leaveOut = new java.util.HashSet<>();
        for (int s = 0; s < slices.size(); s++) {
            if (slices.get(s).map(t -> leavesOut(t, spec)).orElse(false)) {
                leaveOut.add(s);
            }
        }
        List<String> measures = new ArrayList<>(GroupedTable.measures(spec));
        spec.running().forEach(total -> measures.add(total.column()));
        for (int row = 0; row < whole.rowCount(); row++) {
            List<String> key = GroupedTable.key(whole, spec, whole.rows().get(row));
            List<Part> parts = new ArrayList<>();
            for (int s = 0; s < slices.size(); s++) {
                if (rowsByKey.get(s).containsKey(key)) {
                    parts.add(new Part(s, rowsByKey.get(s).get(key)));
                }
            }
            hideWhileSmall(whole, row, parts, slices, spec, k, measures, leaveOut, hide, known);
        }
        if (wholeComputed.isPresent()) {
            notOneSliceAlone(whole, slicesComputed, slices, spec, rowsByKey, leaveOut, hide, known);
            otherByItsRows(wholeComputed.get(), whole, slicesComputed, slices, spec, k, measures, leaveOut, hide, known);
        }
        return hide;
    }

    /**
     * A row the whole report hides (a group under k, or the partner that keeps one from being worked out; in a table
     * whose small rows are hidden, not merged) is hidden in every slice showing it: the slices' rows of it add up to
     * it, and a slice of its whole has it exactly. Before, the sample sliced by region hid North America's churn of
     * December 2023 in the whole report, the partner of Middle East &amp; Africa's 3 churners of 24, and the North
     * America slice showed it (16 of 595): the whole's churn of that month less its regions gave Middle East &amp;
     * Africa's back.
     */
    private static void hiddenByTheWhole(Table whole, GroupSpec spec, List<Map<List<String>, Integer>> rowsByKey,
                                         List<Set<List<String>>> hide) {
        // A table that merges its small rows hides none that way: a slice hiding a row there would merge it into its
        // "Other (small groups)", which the slice then shows under another name.
        if (spec.small() != GroupSpec.Small.HIDE) {
            return;
        }
        for (List<Object> row : whole.rows()) {
            boolean other = spec.label().isPresent() && Disclosure.OTHER.equals(label(whole, spec, row));
            if (row.get(whole.index(spec.members())) != null || other) {
                continue;
            }
            List<String> key = GroupedTable.key(whole, spec, row);
            for (int s = 0; s < rowsByKey.size(); s++) {
                if (rowsByKey.get(s).containsKey(key)) {
                    hide.get(s).add(key);
                }
            }
        }
    }

    /**
     * A row the whole report shows that one slice alone does not (and no withheld slice has members of) is that slice's
     * row exactly: the whole's minus the others'. Hidden there to protect a smaller row of its own, it would give that
     * one back; so it is hidden in a second slice too, chosen as {@link #hideWhileSmall} chooses. A row under k is
     * caught before (the rest is small); this is its partner across slices, as {@link GroupedTable} gives a hidden row a
     * partner within its table.
     */
    private static void notOneSliceAlone(Table whole, List<Optional<Table>> slicesComputed, List<Optional<Table>> slices,
                                         GroupSpec spec, List<Map<List<String>, Integer>> rowsByKey, Set<Integer> leaveOut,
                                         List<Set<List<String>>> hide, List<Set<List<String>>> known) {
        List<Map<List<String>, Double>> computedMembers = new ArrayList<>();
        for (Optional<Table> computed : slicesComputed) {
            Map<List<String>, Double> members = new HashMap<>();
            if (computed.isPresent()) {
                Table table = computed.get();
                for (int r = 0; r < table.rowCount(); r++) {
                    List<String> key = GroupedTable.key(table, spec, table.rows().get(r));
                    value(table, r, spec.members(), spec).ifPresent(v -> members.merge(key, v, Double::sum));
                }
            }
            computedMembers.add(members);
        }
        for (int row = 0; row < whole.rowCount(); row++) {
            List<String> key = GroupedTable.key(whole, spec, whole.rows().get(row));
            Optional<Double> group = value(whole, row, spec.members(), spec);
            if (group.isEmpty()) {
                continue;
            }
            double rest = group.get();
            List<Integer> notShowing = new ArrayList<>();
            double notShowingMembers = 0;
            int smallest = -1;
            double fewest = Double.POSITIVE_INFINITY;
            boolean smallestHidesSome = false;
            for (int s = 0; s < slices.size(); s++) {
                Optional<Double> shown = slices.get(s).isEmpty() || !rowsByKey.get(s).containsKey(key) || hide.get(s).contains(key)
                        ? Optional.empty() : value(slices.get(s).get(), rowsByKey.get(s).get(key), spec.members(), spec);
                if (shown.isPresent()) {
                    rest -= shown.get();
                    boolean hidesSome = leaveOut.contains(s) || !hide.get(s).isEmpty();
                    if (shown.get() > 0 && !known.get(s).contains(key) && preferred(shown.get(), hidesSome, fewest, smallestHidesSome)) {
                        fewest = shown.get();
                        smallest = s;
                        smallestHidesSome = hidesSome;
                    }
                    continue;
                }
                double computed = computedMembers.get(s).getOrDefault(key, 0.0);
                if (computed > 0) {
                    notShowing.add(s);
                    notShowingMembers += computed;
                }
            }
            boolean withheldHaveSome = rest - notShowingMembers > 1e-9;
            if (notShowing.size() == 1 && !withheldHaveSome && smallest >= 0) {
                hide.get(smallest).add(key);
            }
        }
    }


    /**
     * The whole report's "Other (small groups)" row is the values it merged, and a reader who knows which values there
     * are (the regions, the countries) subtracts from it each slice's rows of those values, as the slices show them by
     * name, and each slice's own Other where all that slice merged is among them. What is left is the slices not
     * showing theirs, together: k or more of each group, or none; while it is not, the smallest such row still shown
     * is hidden. Before, the sample sliced by region gave Middle East &amp; Africa's 8 churners as the whole's Other
     * (Asia-Pacific and Middle East &amp; Africa) minus the Asia-Pacific slice's Asia-Pacific row.
     */
    private static void otherByItsRows(Table wholeComputed, Table whole, List<Optional<Table>> slicesComputed,
                                       List<Optional<Table>> slices, GroupSpec spec, int k, List<String> measures,
                                       Set<Integer> leaveOut, List<Set<List<String>>> hide, List<Set<List<String>>> known) {
        if (spec.label().isEmpty() || spec.within().isPresent()) {
            return;
        }
        for (int row = 0; row < whole.rowCount(); row++) {
            List<String> key = GroupedTable.key(whole, spec, whole.rows().get(row));
            if (!Disclosure.OTHER.equals(label(whole, spec, whole.rows().get(row)))) {
                continue;
            }
            Set<String> merged = merged(wholeComputed, whole, spec, line(whole, spec, key));
            if (merged.isEmpty()) {
                continue;
            }
            // Each slice's rows the reader subtracts: its rows of merged values, and its Other if it holds only such.
            List<Part> parts = new ArrayList<>();
            for (int s = 0; s < slices.size(); s++) {
                if (slices.get(s).isEmpty()) {
                    continue;
                }
                Table slice = slices.get(s).get();
                for (int r = 0; r < slice.rowCount(); r++) {
                    List<String> sliceKey = GroupedTable.key(slice, spec, slice.rows().get(r));
                    if (!line(slice, spec, sliceKey).equals(line(whole, spec, key)) || hide.get(s).contains(sliceKey)) {
                        continue;
                    }
                    String label = label(slice, spec, slice.rows().get(r));
                    boolean other = Disclosure.OTHER.equals(label);
                    if (other ? slicesComputed.get(s).map(c -> merged.containsAll(merged(c, slice, spec, line(slice, spec, sliceKey))))
                            .orElse(false) : merged.contains(label)) {
                        parts.add(new Part(s, r));
                    }
                }
            }
            hideWhileSmall(whole, row, parts, slices, spec, k, measures, leaveOut, hide, known);
        }
    }

    /** A row of a slice's published result: the slice's index and the row's. */
    private record Part(int slice, int row) {
    }

    /**
     * While a row of the whole report minus the parts the slices show of it leaves a small group of any measure, the
     * smallest part still shown (the first in the slices' order among equals) is hidden in its slice, preferring slices
     * that already leave some of the result out.
     *
     * @param parts    the slices' rows the reader subtracts from the whole's row, in the slices' order
     * @param leaveOut the slices whose published result leaves some figures out (see {@link #leavesOut})
     */
    private static void hideWhileSmall(Table whole, int row, List<Part> parts, List<Optional<Table>> slices, GroupSpec spec,
                                       int k, List<String> measures, Set<Integer> leaveOut, List<Set<List<String>>> hide,
                                       List<Set<List<String>>> known) {
        List<Part> shownParts = new ArrayList<>(parts);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String measure : measures) {
                Optional<Double> group = value(whole, row, measure, spec);
                if (group.isEmpty()) {
                    continue;
                }
                double rest = group.get();
                Part next = null;
                double smallest = Double.POSITIVE_INFINITY;
                boolean nextHidesSome = false;
                for (Part part : shownParts) {
                    Optional<Double> shown = value(slices.get(part.slice()).orElseThrow(), part.row(), measure, spec);
                    if (shown.isPresent()) {
                        rest -= shown.get();
                        boolean hidesSome = leaveOut.contains(part.slice()) || !hide.get(part.slice()).isEmpty();
                        Table slice = slices.get(part.slice()).orElseThrow();
                        boolean isKnown = known.get(part.slice()).contains(GroupedTable.key(slice, spec, slice.rows().get(part.row())));
                        if (shown.get() > 0 && !isKnown && preferred(shown.get(), hidesSome, smallest, nextHidesSome)) {
                            smallest = shown.get();
                            next = part;
                            nextHidesSome = hidesSome;
                        }
                    }
                }
                if (KpiGroups.small(rest, k) && next != null) {
                    Table slice = slices.get(next.slice()).orElseThrow();
                    hide.get(next.slice()).add(GroupedTable.key(slice, spec, slice.rows().get(next.row())));
                    shownParts.remove(next);
                    changed = true;
                }
            }
        }
    }

    /**
     * Whether a row showing {@code members} is a better one to hide than the best so far: in a slice that already hides
     * some of the result rather than one that shows every row, then the fewest members.
     */
    private static boolean preferred(double members, boolean hidesSome, double bestMembers, boolean bestHidesSome) {
        return hidesSome != bestHidesSome ? hidesSome : members < bestMembers;
    }

    /**
     * Whether a slice's published result already leaves figures out (a hidden row, an "Other (small groups)" row): a
     * row hidden there, or in a slice this comparison already hides a row of, costs its readers less than in a slice
     * that shows every row, whose running totals, sums over the rows and own partner rows would all go with it.
     */
    private static boolean leavesOut(Table slice, GroupSpec spec) {
        int members = slice.index(spec.members());
        int label = spec.label().map(slice::index).orElse(-1);
        return slice.rows().stream().anyMatch(row -> row.get(members) == null || label >= 0 && Disclosure.OTHER.equals(row.get(label)));
    }

    /** The values of the label a report merged into its Other row of a line: those it computed and does not name. */
    private static Set<String> merged(Table computed, Table published, GroupSpec spec, List<String> line) {
        Set<String> values = new java.util.TreeSet<>();
        for (List<Object> row : computed.rows()) {
            if (line(computed, spec, GroupedTable.key(computed, spec, row)).equals(line)) {
                values.add(label(computed, spec, row));
            }
        }
        for (List<Object> row : published.rows()) {
            if (line(published, spec, GroupedTable.key(published, spec, row)).equals(line)) {
                values.remove(label(published, spec, row));
            }
        }
        values.remove(Disclosure.OTHER);
        return values;
    }

    private static String label(Table table, GroupSpec spec, List<Object> row) {
        return String.valueOf(row.get(table.index(spec.label().orElseThrow())));
    }

    /** A row's key without its label: the rows of one line (a month, a population) share it. */
    private static List<String> line(Table table, GroupSpec spec, List<String> key) {
        int label = table.index(spec.label().orElseThrow());
        List<Integer> figures = GroupedTable.figureColumns(table, spec);
        int at = 0;
        for (int c = 0; c < label; c++) {
            if (!figures.contains(c)) {
                at++;
            }
        }
        List<String> line = new ArrayList<>(key);
        line.remove(at);
        return line;
    }

    /** A measure of a published row: a figure, or the rest of the members beside a part; empty where a figure is not shown. */
    private static Optional<Double> value(Table table, int row, String measure, GroupSpec spec) {
        if (measure.startsWith(GroupedTable.REST)) {
            return value(table, row, spec.members(), spec).flatMap(members ->
                    value(table, row, measure.substring(GroupedTable.REST.length()), spec).map(part -> members - part));
        }
        return Optional.ofNullable(table.rows().get(row).get(table.index(measure))).map(v -> ((Number) v).doubleValue());
    }
}
