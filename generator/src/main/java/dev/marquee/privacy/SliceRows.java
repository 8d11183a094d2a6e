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
 * smallest group still showing it, then the next: complementary suppression, as {@link AcrossSlices} does for KPIs.
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
        List<String> measures = new ArrayList<>(GroupedTable.measures(spec));
        spec.running().forEach(total -> measures.add(total.column()));
        for (int row = 0; row < whole.rowCount(); row++) {
            List<String> key = GroupedTable.key(whole, spec, whole.rows().get(row));
            List<Integer> showing = new ArrayList<>();
            for (int s = 0; s < slices.size(); s++) {
                if (rowsByKey.get(s).containsKey(key)) {
                    showing.add(s);
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String measure : measures) {
                    Optional<Double> group = value(whole, row, measure, spec);
                    if (group.isEmpty()) {
                        continue;
                    }
                    double rest = group.get();
                    Map<Integer, Double> shown = new HashMap<>();
                    for (int s : showing) {
                        Table slice = slices.get(s).orElseThrow();
                        Optional<Double> part = value(slice, rowsByKey.get(s).get(key), measure, spec);
                        if (part.isPresent()) {
                            shown.put(s, part.get());
                            rest -= part.get();
                        }
                    }
                    Optional<Integer> next = shown.entrySet().stream().filter(e -> e.getValue() > 0)
                            .min(Map.Entry.<Integer, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                            .map(Map.Entry::getKey);
                    if (KpiGroups.small(rest, k) && next.isPresent()) {
                        hide.get(next.get()).add(key);
                        showing.remove(next.get());
                        changed = true;
                    }
                }
            }
        }
        return hide;
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
