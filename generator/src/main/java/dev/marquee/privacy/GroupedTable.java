package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.GroupSpec.Ratio;
import dev.marquee.catalog.GroupSpec.Small;
import dev.marquee.engine.Column;
import dev.marquee.engine.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One result made safe to publish under its declaration (see {@link GroupSpec}).
 *
 * <p>A row is a group of members. It cannot be published as it is when it describes fewer than k members, or when one
 * of its parts (churners among its members, say), or the rest of its members, is a group of fewer than k. Such rows
 * are merged into one "Other" row, hidden, or dropped. Then complementary suppression: the rows of a line (all rows;
 * in a cross-tab, those of one value of either dimension) add up to a total that may be published elsewhere, so
 * whatever is hidden in a line must itself describe at least k members, or none, else subtracting the published rows
 * from the total would reveal it. While a line hides fewer than k (but some) members, the visible row of that line
 * with the fewest is hidden too. A running total is hidden on hidden rows, and a run of consecutive hidden rows must
 * hold at least k, for the same reason; on the last row, where it is the total of every row, it is shown.
 */
final class GroupedTable {

    private final Table table;
    private final GroupSpec spec;
    private final int k;
    /** Values of the dimension another result of the same groups hid: hidden here too (see Disclosure). */
    private final Set<Object> forced;
    /** Rows, by {@link #key}, that the slices of a report hide against differencing (see AcrossSlices): hidden here too. */
    private final Set<List<String>> forcedRows;
    /** A cross-tab's values of 'within' merged as a whole into "Other (small groups)". */
    private final Set<Object> mergedWithin = new java.util.HashSet<>();
    private final Map<String, String> regionOf;
    /** The index of the column naming each row's group (see {@link #dimension}), if the result has one. */
    private final Optional<Integer> dimension;
    /** Rows added up from others: their shares of a total are computed once the table is final. */
    private final java.util.Set<List<Object>> combined = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private GroupedTable(Table table, GroupSpec spec, int k, Set<Object> forced, Set<List<String>> forcedRows,
                         Map<String, String> regionOf) {
        this.table = table;
        this.spec = spec;
        this.k = k;
        this.forced = forced;
        this.forcedRows = forcedRows;
        this.regionOf = regionOf;
        this.dimension = dimension(table, spec).map(table::index);
    }

    /**
     * What one result became: how many of its rows were merged, hidden or dropped, the values of its dimension that
     * were hidden (see {@link #dimension}), and for a result of several populations what became of each.
     */
    record Protected(Table table, int rowsAffected, int groupsMerged, Set<Object> hiddenValues,
                     Map<Object, Protected> populations, int rowsForOthers) {

        /** Per population (its source, or {@link #EVENT_FILES}), the values of the dimension that were hidden. */
        Map<Object, Set<Object>> hiddenValuesByPopulation() {
            if (populations.isEmpty()) {
                return Map.of(EVENT_FILES, hiddenValues);
            }
            Map<Object, Set<Object>> byPopulation = new LinkedHashMap<>();
            populations.forEach((population, safe) -> byPopulation.put(population, safe.hiddenValues()));
            return byPopulation;
        }
    }

    /**
     * The column whose values name a row's group, for matching the same groups in other results (members by age band
     * on one page, watch hours by age band on another): the merge label, else the first text or date column that is
     * not the population's name. Empty for a cross-tab, whose groups are cells.
     */
    static Optional<String> dimension(Table table, GroupSpec spec) {
        if (spec.within().isPresent()) {
            return Optional.empty();
        }
        if (spec.label().isPresent()) {
            return spec.label();
        }
        return table.columns().stream().filter(c -> !c.name().equals("source") && !spec.keep().contains(c.name())
                        && (c.type() == dev.marquee.engine.ColumnType.TEXT || c.type().isTemporal()))
                .map(Column::name).findFirst();
    }

    /**
     * Rows of several populations (a {@code source} column: one file's members are not another's) are protected one
     * population at a time: each has its own totals, and its small groups are merged within it.
     */
    static Protected protect(Table table, GroupSpec spec, int k) {
        return protect(table, spec, k, Map.of(), Map.of());
    }

    /**
     * @param forced   per population (its source, or {@link #EVENT_FILES}), dimension values to hide whatever their size
     * @param regionOf each country's region, for a result nested in regions ({@link GroupSpec#nestedIn()})
     */
    static Protected protect(Table table, GroupSpec spec, int k, Map<Object, Set<Object>> forced, Map<String, String> regionOf) {
        return protect(table, spec, k, forced, Set.of(), regionOf);
    }

    /**
     * @param forcedRows rows to hide whatever their size, by {@link #key}: a slice's rows that the whole report and the
     *                   other slices would otherwise give by subtraction (see AcrossSlices); an "Other (small groups)"
     *                   row among them keeps its label and shows no figure
     */
    static Protected protect(Table table, GroupSpec spec, int k, Map<Object, Set<Object>> forced, Set<List<String>> forcedRows,
                             Map<String, String> regionOf) {
        Optional<Integer> source = table.indexOf("source");
        if (source.isEmpty() || spec.columns().contains("source")) {
            return new GroupedTable(table, spec, k, forced.getOrDefault(EVENT_FILES, Set.of()), forcedRows, regionOf).run();
        }
        Map<Object, List<List<Object>>> populations = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            populations.computeIfAbsent(row.get(source.get()), s -> new ArrayList<>()).add(row);
        }
        List<List<Object>> rows = new ArrayList<>();
        int affected = 0;
        int merged = 0;
        int forOthers = 0;
        Map<Object, Protected> each = new LinkedHashMap<>();
        for (Map.Entry<Object, List<List<Object>>> entry : populations.entrySet()) {
            List<List<Object>> population = entry.getValue();
            Protected safe = new GroupedTable(new Table(table.columns(), population), spec, k,
                    forced.getOrDefault(entry.getKey(), Set.of()), forcedRows, regionOf).run();
            each.put(entry.getKey(), safe);
            for (List<Object> row : safe.table().rows()) {
                List<Object> copy = new ArrayList<>(row);
                // A merged row keeps the population it belongs to.
                copy.set(source.get(), population.get(0).get(source.get()));
                rows.add(copy);
            }
            affected += safe.rowsAffected();
            merged += safe.groupsMerged();
            forOthers += safe.rowsForOthers();
        }
        Set<Object> hiddenValues = new java.util.HashSet<>();
        each.values().forEach(safe -> hiddenValues.addAll(safe.hiddenValues()));
        return new Protected(new Table(table.columns(), rows), affected, merged, hiddenValues, each, forOthers);
    }

    /** The population of results without a source column: the event files'. */
    static final Object EVENT_FILES = dev.marquee.query.Parameters.DEFAULT_EVENT_SOURCE;

    private Protected run() {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> copy = new ArrayList<>(row);
            spec.label().ifPresent(label -> renameCollidingLabel(copy, table.index(label)));
            spec.within().ifPresent(within -> renameCollidingLabel(copy, table.index(within)));
            rows.add(copy);
        }
        int groupsMerged = 0;
        if (spec.within().isPresent() && spec.small() == Small.MERGE) {
            int before = distinct(rows, table.index(spec.within().get()));
            rows = mergeSmallWithinGroups(rows);
            groupsMerged = before - distinct(rows, table.index(spec.within().get()));
        }
        BitSet hidden = hiddenRows(rows, true);
        int affected = hidden.cardinality();
        Set<Object> hiddenValues = new java.util.HashSet<>(mergedWithin);
        if (dimension.isPresent()) {
            for (int r = hidden.nextSetBit(0); r >= 0; r = hidden.nextSetBit(r + 1)) {
                hiddenValues.add(rows.get(r).get(dimension.get()));
            }
        }
        // The rows this result's own groups require hidden; the others protect a group elsewhere.
        BitSet own = forced.isEmpty() && forcedRows.isEmpty() ? hidden : hiddenRows(rows, false);
        List<List<Object>> out = switch (spec.small()) {
            case DROP -> {
                List<List<Object>> kept = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (!hidden.get(r)) {
                        kept.add(rows.get(r));
                    }
                }
                yield kept;
            }
            case HIDE -> hide(rows, hidden, own);
            case MERGE -> merge(rows, hidden, own);
        };
        BitSet forOthers = (BitSet) hidden.clone();
        forOthers.andNot(own);
        // A row shown with a figure hidden (a growth rate on a hidden month, a running total after one) hides it so that
        // the hidden row cannot be worked out: the note counts it, as the chart's caption counts its month.
        int partly = spec.small() == Small.HIDE ? partlyHidden(rows, out, hidden) : 0;
        return new Protected(new Table(outputColumns(), out), affected + partly, groupsMerged, hiddenValues, Map.of(),
                forOthers.cardinality() + partly);
    }

    /** The rows not hidden whose output has a figure the input had taken away. */
    private static int partlyHidden(List<List<Object>> rows, List<List<Object>> out, BitSet hidden) {
        int partly = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<Object> before = rows.get(r);
            List<Object> after = out.get(r);
            if (!hidden.get(r) && java.util.stream.IntStream.range(0, before.size()).anyMatch(c -> before.get(c) != null && after.get(c) == null)) {
                partly++;
            }
        }
        return partly;
    }

    /** A real value spelled like the merged row's name would be read as the merged row: it is renamed. */
    private static void renameCollidingLabel(List<Object> row, int index) {
        if (Disclosure.OTHER.equals(row.get(index))) {
            row.set(index, Disclosure.OTHER + " (as named in the data)");
        }
    }

    /**
     * Cross-tab, first level: a value of the 'within' column whose rows describe fewer than k members joins the
     * merged value, which takes the next smallest value too while it holds fewer than k. Rows of merged values are
     * added up by their label.
     */
    private List<List<Object>> mergeSmallWithinGroups(List<List<Object>> rows) {
        int within = table.index(spec.within().orElseThrow());
        Map<Object, Double> sizes = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            double members = number(row, spec.members());
            sizes.merge(row.get(within), members, spec.overlapping() ? Math::max : Double::sum);
        }
        List<Object> merged = new ArrayList<>();
        double mergedSize = 0;
        for (Map.Entry<Object, Double> group : sizes.entrySet()) {
            if (group.getValue() > 0 && group.getValue() < k) {
                merged.add(group.getKey());
                mergedSize = spec.overlapping() ? Math.max(mergedSize, group.getValue()) : mergedSize + group.getValue();
            }
        }
        while (mergedSize > 0 && mergedSize < k) {
            Object next = null;
            for (Map.Entry<Object, Double> group : sizes.entrySet()) {
                if (!merged.contains(group.getKey()) && group.getValue() > 0 && smaller(group, next, sizes)) {
                    next = group.getKey();
                }
            }
            if (next == null) {
                break;
            }
            merged.add(next);
            mergedSize = spec.overlapping() ? Math.max(mergedSize, sizes.get(next)) : mergedSize + sizes.get(next);
        }
        if (spec.nestedIn().isPresent() && spec.within().get().equals(GroupSpec.COUNTRY)) {
            mergeWithinRegions(sizes, merged);
        }
        // A value another result of the same groups hides (a country members by country merges) is merged here too:
        // its rows add up to that group. Merged alone, its rows would show it under another name: they show no figure.
        boolean onlyHiddenElsewhere = merged.isEmpty() && sizes.keySet().stream().anyMatch(forced::contains);
        sizes.keySet().stream().filter(forced::contains).filter(v -> !merged.contains(v)).forEach(merged::add);
        mergedWithin.addAll(merged);
        if (merged.isEmpty()) {
            return rows;
        }
        if (table.columns().get(within).type().isTemporal()) {
            // Months are not merged into one "Other" month, which read "Other (small groups), Kenya" in a slice's country
            // trend and named a country of 2 members: a month too small, or hidden elsewhere, is left out.
            return rows.stream().filter(row -> !merged.contains(row.get(within))).toList();
        }
        List<List<Object>> out = new ArrayList<>();
        Map<Object, List<List<Object>>> mergedByLabel = new LinkedHashMap<>();
        int label = spec.label().map(table::index).orElse(-1);
        for (List<Object> row : rows) {
            if (merged.contains(row.get(within))) {
                mergedByLabel.computeIfAbsent(label < 0 ? "" : String.valueOf(row.get(label)), x -> new ArrayList<>()).add(row);
            } else {
                out.add(row);
            }
        }
        for (List<List<Object>> group : mergedByLabel.values()) {
            List<Object> combined = combine(group);
            combined.set(within, Disclosure.OTHER);
            if (label >= 0) {
                combined.set(label, group.get(0).get(label));
            }
            if (onlyHiddenElsewhere) {
                figureColumns().forEach(column -> combined.set(column, null));
            }
            out.add(combined);
        }
        return out;
    }

    /**
     * A region's total is published elsewhere: the countries of it merged away must hold 0 or k members together, or
     * its total minus its published countries would give them. Its next smallest country joins them until they do.
     */
    private void mergeWithinRegions(Map<Object, Double> sizes, List<Object> merged) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, Double> mergedInRegion = new LinkedHashMap<>();
            for (Object country : merged) {
                mergedInRegion.merge(regionOf(country), sizes.get(country),
                        spec.overlapping() ? Math::max : Double::sum);
            }
            for (Map.Entry<String, Double> region : mergedInRegion.entrySet()) {
                if (region.getValue() > 0 && region.getValue() < k) {
                    Object next = null;
                    for (Map.Entry<Object, Double> country : sizes.entrySet()) {
                        if (!merged.contains(country.getKey()) && country.getValue() > 0
                                && regionOf(country.getKey()).equals(region.getKey())
                                && smaller(country, next, sizes)) {
                            next = country.getKey();
                        }
                    }
                    if (next != null) {
                        merged.add(next);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** Whether a group is smaller than the one chosen so far, ties broken by name as {@link #smallestVisible} does. */
    private static boolean smaller(Map.Entry<Object, Double> group, Object chosen, Map<Object, Double> sizes) {
        return chosen == null || group.getValue() < sizes.get(chosen) || group.getValue().equals(sizes.get(chosen))
                && String.valueOf(group.getKey()).compareTo(String.valueOf(chosen)) < 0;
    }

    /** A country's region; a country the regions table does not list is Unknown, as the questions' SQL names it. */
    private String regionOf(Object country) {
        return regionOf.getOrDefault(String.valueOf(country), "Unknown");
    }

    /**
     * The rows that cannot be published as they are: small themselves, then hidden to protect the others.
     *
     * @param forcing whether rows hidden elsewhere (another result of the same groups, the slices) are hidden here too;
     *                without, the rows this result's own groups require hidden
     */
    private BitSet hiddenRows(List<List<Object>> rows, boolean forcing) {
        BitSet hidden = new BitSet();
        List<String> measures = measures();
        for (int r = 0; r < rows.size(); r++) {
            for (String measure : measures) {
                if (isSmall(measure(rows.get(r), measure))) {
                    hidden.set(r);
                }
            }
            if (forcing && (isForcedValue(rows.get(r)) || isForced(rows.get(r)))) {
                hidden.set(r);
            }
        }
        if (spec.small() == Small.DROP) {
            return hidden;
        }
        List<Line> lines = lines(rows);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                for (String measure : measures) {
                    double hiddenSize = 0;
                    for (int r : line.rows()) {
                        if (hidden.get(r)) {
                            double value = measure(rows.get(r), measure);
                            hiddenSize = line.overlapping() ? Math.max(hiddenSize, value) : hiddenSize + value;
                        }
                    }
                    if (isSmall(hiddenSize)) {
                        int next = smallestVisible(rows, line.rows(), hidden, measure);
                        if (next >= 0) {
                            hidden.set(next);
                            changed = true;
                        }
                    }
                }
                // One hidden row is its line's total minus the rest: hidden to protect another (a plan's small
                // Premium members in one country, by its Basic ones), it would give that one back. A second goes too.
                if (line.totalKnown() && !line.overlapping() && line.rows().stream().filter(hidden::get).count() == 1) {
                    int next = smallestVisible(rows, line.rows(), hidden, spec.members());
                    if (next >= 0) {
                        hidden.set(next);
                        changed = true;
                    }
                }
            }
            for (GroupSpec.Running total : spec.running()) {
                changed |= extendHiddenRuns(rows, hidden, total.of());
            }
            if (!changed) {
                changed = hideAcrossLines(rows, lines, hidden, measures);
            }
        }
        return hidden;
    }

    /**
     * Once every line on its own hides 0 or k+: where the hidden sums of several lines together give a small group (see
     * {@link LineCombinations}), the smallest visible row of the lines holding it is hidden too (of the other lines that
     * give it, when those hold none). Only lines whose total a reader has add up: their rows do not overlap, and the
     * result publishing such totals (members by plan, by region) shows it (see {@link #publishedTotals}).
     */
    private boolean hideAcrossLines(List<List<Object>> rows, List<Line> lines, BitSet hidden, List<String> measures) {
        for (String measure : measures) {
            double[] values = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = measure(rows.get(r), measure);
            }
            List<List<Integer>> known = publishedTotals(lines, values);
            if (known.size() < 2) {
                continue;
            }
            java.util.function.Function<List<Integer>, Integer> protector = group -> {
                int holding = smallestVisible(rows, known.stream().filter(line -> line.stream().anyMatch(group::contains))
                        .flatMap(List::stream).distinct().toList(), hidden, measure);
                return holding >= 0 ? holding : smallestVisible(rows, known.stream().flatMap(List::stream).distinct().toList(), hidden, measure);
            };
            Optional<LineCombinations.Found> group = LineCombinations.smallGroup(known, hidden, values, k, found -> protector.apply(found) >= 0);
            if (group.isPresent() && group.get().cutShort()) {
                // No group of these lines is known to be safe: every row of theirs goes.
                known.stream().filter(line -> line.stream().anyMatch(group.get().rows()::contains)).flatMap(List::stream)
                        .filter(r -> values[r] > 0).forEach(hidden::set);
                return true;
            }
            if (group.isPresent()) {
                hidden.set(protector.apply(group.get().rows()));
                return true;
            }
        }
        return false;
    }

    /**
     * The lines whose totals a reader has: not overlapping, and shown by the result that publishes the lines of their
     * kind (the plans across countries are members by plan, one row each). That result hides a total under k, and then,
     * as this one does within a line, the next smallest of its kind until what it hides holds k and is more than one
     * total: a region's 8 churners are hidden in churn by region with the next smallest region, so the churn's total less
     * the other regions does not give them, and a plan of 4 members is hidden with the next smallest plan.
     */
    private List<List<Integer>> publishedTotals(List<Line> lines, double[] values) {
        Map<String, List<Line>> byKind = new LinkedHashMap<>();
        lines.stream().filter(line -> line.totalKnown() && !line.overlapping())
                .forEach(line -> byKind.computeIfAbsent(line.kind(), x -> new ArrayList<>()).add(line));
        List<List<Integer>> published = new ArrayList<>();
        for (List<Line> kind : byKind.values()) {
            double[] totals = kind.stream().mapToDouble(line -> line.rows().stream().mapToDouble(r -> values[r]).sum()).toArray();
            BitSet unpublished = new BitSet();
            double unpublishedSum = 0;
            for (int i = 0; i < totals.length; i++) {
                if (isSmall(totals[i])) {
                    unpublished.set(i);
                    unpublishedSum += totals[i];
                }
            }
            while (!unpublished.isEmpty() && (unpublishedSum < k || unpublished.cardinality() == 1)) {
                int next = -1;
                for (int i = 0; i < totals.length; i++) {
                    if (!unpublished.get(i) && totals[i] > 0 && (next < 0 || totals[i] < totals[next])) {
                        next = i;
                    }
                }
                if (next < 0) {
                    break;
                }
                unpublished.set(next);
                unpublishedSum += totals[next];
            }
            for (int i = 0; i < kind.size(); i++) {
                if (!unpublished.get(i)) {
                    published.add(kind.get(i).rows());
                }
            }
        }
        return published;
    }

    /** The members, each part, and the rest of the members beside each part: every one a group that must be 0 or k+. */
    private List<String> measures() {
        return measures(spec);
    }

    static List<String> measures(GroupSpec spec) {
        List<String> measures = new ArrayList<>();
        measures.add(spec.members());
        for (String part : spec.parts()) {
            measures.add(part);
            measures.add(REST + part);
        }
        return measures;
    }

    /** Prefix of a measure that is the rest of a row's members beside one of its parts. */
    static final String REST = "rest of ";

    private double measure(List<Object> row, String measure) {
        if (measure.startsWith(REST)) {
            return Math.max(0, number(row, spec.members()) - number(row, measure.substring(REST.length())));
        }
        return number(row, measure);
    }

    private boolean isSmall(double members) {
        return members > 0 && members < k;
    }

    /**
     * Rows whose total may be known, and whether their members overlap (then a set of them is only known to hold at
     * least its largest group).
     */
    private record Line(List<Integer> rows, boolean overlapping, boolean totalKnown, String kind) {
        Line(List<Integer> rows, boolean overlapping, String kind) {
            this(rows, overlapping, true, kind);
        }
    }

    /**
     * Sets of rows whose total may be published: all rows; in a cross-tab, the rows of each value of 'within' and, when
     * rows merge, of each label across them (one plan in every country). Members overlap only across labels (a member
     * uses several devices, but lives in one country).
     */
    private List<Line> lines(List<List<Object>> rows) {
        List<Line> lines = new ArrayList<>();
        if (spec.nestedIn().isPresent()) {
            // A region's total is published elsewhere: its countries' rows are a line too (in each value of 'within').
            // The countries are the rows' label (members by country), or the cross-tab's 'within' (plans within a country).
            int country = spec.label().filter(GroupSpec.COUNTRY::equals).map(table::index)
                    .orElseGet(() -> table.index(spec.within().orElseThrow()));
            int within = spec.within().filter(w -> !w.equals(GroupSpec.COUNTRY)).map(table::index).orElse(-1);
            Map<String, List<Integer>> regions = new LinkedHashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                String region = regionOf(rows.get(r).get(country));
                regions.computeIfAbsent((within < 0 ? "" : rows.get(r).get(within) + "|") + region, x -> new ArrayList<>()).add(r);
            }
            // A value of 'within''s regions are one result's rows elsewhere (a plan's members by region).
            regions.forEach((key, line) -> lines.add(new Line(line, spec.overlapping(), "regions " + key.substring(0, key.lastIndexOf('|') + 1))));
        }
        if (spec.within().isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                all.add(r);
            }
            lines.add(new Line(all, spec.overlapping(), "all"));
            return lines;
        }
        groupBy(rows, table.index(spec.within().get())).forEach(line -> lines.add(new Line(line, spec.overlapping(), "within")));
        if (spec.small() == Small.MERGE) {
            // One plan across countries adds up to the plan's members, published elsewhere; one country across months
            // adds up to nothing anyone publishes (the same members, month after month).
            boolean totalKnown = !table.columns().get(table.index(spec.within().get())).type().isTemporal();
            groupBy(rows, table.index(spec.label().orElseThrow())).forEach(line -> lines.add(new Line(line, false, totalKnown, "label")));
        }
        return lines;
    }

    private static List<List<Integer>> groupBy(List<List<Object>> rows, int column) {
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            groups.computeIfAbsent(String.valueOf(rows.get(r).get(column)), x -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    /** The visible row of the line with the fewest members of this measure (but some), the later on a tie; -1 if none. */
    private int smallestVisible(List<List<Object>> rows, List<Integer> line, BitSet hidden, String measure) {
        int best = -1;
        for (int r : line) {
            double value = measure(rows.get(r), measure);
            if (hidden.get(r) || value <= 0) {
                continue;
            }
            double smallest = best < 0 ? Double.POSITIVE_INFINITY : measure(rows.get(best), measure);
            if (value < smallest || value == smallest && name(rows.get(r)).compareTo(name(rows.get(best))) < 0) {
                best = r;
            }
        }
        return best;
    }

    /**
     * What breaks a tie between rows of the same size: their names. Two results of the same groups (members by country,
     * plans within countries) must hide the same one, or each gives back what the other hid: Nigeria's and South
     * Africa's 31 members had each hidden the other, and the region's total minus both gave Kenya's 2.
     */
    private String name(List<Object> row) {
        return String.join("\u0000", key(table, spec, row));
    }

    /**
     * A run of consecutive hidden rows between published running totals is revealed by their difference: while a run
     * holds fewer than k, its smaller published neighbour joins it.
     */
    private boolean extendHiddenRuns(List<List<Object>> rows, BitSet hidden, String of) {
        int start = hidden.nextSetBit(0);
        while (start >= 0) {
            int end = hidden.nextClearBit(start);
            double size = 0;
            for (int r = start; r < end; r++) {
                size += number(rows.get(r), of);
            }
            if (isSmall(size)) {
                // A neighbour of no members joins too: the running total on it would show the run's sum.
                int before = start - 1;
                int after = end < rows.size() ? end : -1;
                double beforeSize = before >= 0 ? number(rows.get(before), of) : Double.MAX_VALUE;
                double afterSize = after >= 0 ? number(rows.get(after), of) : Double.MAX_VALUE;
                int pick = before < 0 && after < 0 ? -1 : beforeSize <= afterSize ? before : after;
                if (pick >= 0) {
                    hidden.set(pick);
                    return true;
                }
            }
            start = hidden.nextSetBit(end);
        }
        return false;
    }

    /**
     * Hidden rows keep their labels; every figure about their group becomes empty.
     *
     * @param own the rows this result's own groups require hidden; the others protect a group elsewhere (another
     *            result's, another slice's)
     */
    private List<List<Object>> hide(List<List<Object>> rows, BitSet hidden, BitSet own) {
        List<Integer> figures = figureColumns();
        List<Integer> running = spec.running().stream().map(total -> table.index(total.column())).toList();
        boolean afterForced = false;
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = new ArrayList<>(rows.get(r));
            if (hidden.get(r)) {
                for (int column : figures) {
                    row.set(column, null);
                }
            }
            // A row hidden to protect a group elsewhere (another slice's, another result's), not its own, must not be
            // given back: any later running total minus the earlier one and the rows shown between would give it
            // exactly, so from it on none is shown. Rows hidden for this result's own groups keep the rule on runs.
            afterForced |= hidden.get(r) && !own.get(r) && !running.isEmpty();
            if (afterForced) {
                running.forEach(column -> row.set(column, null));
            } else if (hidden.get(r) && r == rows.size() - 1) {
                for (GroupSpec.Running total : spec.running()) {
                    if (isKnownTotal(rows, hidden, total)) {
                        int column = table.index(total.column());
                        row.set(column, rows.get(r).get(column));
                    }
                }
            }
            // A change from the row before (a growth rate) and this row's figure give the row before's back.
            if (r > 0 && hidden.get(r - 1)) {
                spec.changes().forEach(column -> row.set(table.index(column), null));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * Whether the last row's running total is the total of all rows, which complementary suppression already counts as
     * known (each population's rows are one line), and neither it nor the hidden rows it ends hold fewer than k: shown
     * on a hidden last row, it gives away nothing the total does not, and its line does not end on a gap (the userbase's
     * cumulative signups stopped in January, five months before the 2,500 the page states). Not where the total is not
     * counted as known: members in several rows at once, or rows made lines by a 'within', or a running total that
     * starts again within the rows; nor where it is itself a small group (a slice's 3 signups, all in hidden months).
     */
    private boolean isKnownTotal(List<List<Object>> rows, BitSet hidden, GroupSpec.Running total) {
        if (spec.overlapping() || spec.within().isPresent() || rows.isEmpty()) {
            return false;
        }
        Object last = rows.get(rows.size() - 1).get(table.index(total.column()));
        double sum = 0;
        for (List<Object> row : rows) {
            sum += number(row, total.of());
        }
        double lastRun = 0;
        for (int r = rows.size() - 1; r >= 0 && hidden.get(r); r--) {
            lastRun += number(rows.get(r), total.of());
        }
        return last instanceof Number number && number.doubleValue() == sum && !isSmall(sum) && !isSmall(lastRun);
    }

    /**
     * The hidden rows of each value of 'within' (of the whole table without it) become one row named {@link
     * Disclosure#OTHER}, placed after the last row of its value. A merged row still holding a part under k (every row
     * together has fewer) shows no figure for that part.
     */
    /** @param own the rows this result's own groups require merged: an Other row holding none of them shows no figure */
    private List<List<Object>> merge(List<List<Object>> rows, BitSet hidden, BitSet own) {
        int within = spec.within().map(table::index).orElse(-1);
        Map<String, List<List<Object>>> mergedByGroup = new LinkedHashMap<>();
        Set<String> mergedOfItsOwn = new java.util.HashSet<>();
        Map<String, Integer> lastVisible = new LinkedHashMap<>();
        // A group with no row shown is merged where its first row was, not among another group's rows.
        Map<String, Integer> firstHiddenAfter = new LinkedHashMap<>();
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String group = within < 0 ? "" : String.valueOf(rows.get(r).get(within));
            if (hidden.get(r)) {
                firstHiddenAfter.putIfAbsent(group, out.size() - 1);
                mergedByGroup.computeIfAbsent(group, x -> new ArrayList<>()).add(rows.get(r));
                if (own.get(r)) {
                    mergedOfItsOwn.add(group);
                }
            } else {
                out.add(rows.get(r));
                lastVisible.put(group, out.size() - 1);
            }
        }
        List<Map.Entry<Integer, List<Object>>> insertions = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> group : mergedByGroup.entrySet()) {
            List<Object> combined = combine(group.getValue());
            combined.set(table.index(spec.label().orElseThrow()), Disclosure.OTHER);
            if (within >= 0) {
                combined.set(within, group.getValue().get(0).get(within));
            }
            double size = spec.overlapping()
                    ? group.getValue().stream().mapToDouble(r -> number(r, spec.members())).max().orElse(0)
                    : number(combined, spec.members());
            if (size < k) {
                // Every row of the line together is under k: nothing of it can be published.
                continue;
            }
            if (spec.overlapping()) {
                // Members counted in several merged rows would be added twice: their number is not known.
                combined.set(table.index(spec.members()), null);
            }
            for (String measure : measures()) {
                if (isSmall(measure(combined, measure))) {
                    hidePart(combined, measure);
                }
            }
            // Rows merged only because they are hidden elsewhere (by the slices against differencing, or as the same
            // group in another result) would show under another name.
            if (isForced(combined) || group.getValue().stream().allMatch(this::isForced) || !mergedOfItsOwn.contains(group.getKey())) {
                figureColumns().forEach(column -> combined.set(column, null));
            }
            insertions.add(Map.entry(lastVisible.getOrDefault(group.getKey(), firstHiddenAfter.get(group.getKey())) + 1, combined));
        }
        insertions.sort(Map.Entry.comparingByKey());
        for (int i = insertions.size() - 1; i >= 0; i--) {
            int at = Math.min(insertions.get(i).getKey(), out.size());
            out.add(at, insertions.get(i).getValue());
        }
        recomputeSharesOfTotals(out);
        return out;
    }

    /** A part that is still a small group (or leaves one): it and the ratios built on it are not shown. */
    private void hidePart(List<Object> row, String measure) {
        List<String> gone = List.of(measure.startsWith(REST) ? measure.substring(REST.length()) : measure);
        for (String part : gone) {
            row.set(table.index(part), null);
        }
        for (Ratio ratio : spec.ratios()) {
            if (gone.contains(ratio.numerator()) || gone.contains(ratio.denominator())) {
                row.set(table.index(ratio.column()), null);
            }
        }
    }

    /** Rows added into one: members, parts and sums added, ratios computed again, any other figure empty. */
    private List<Object> combine(List<List<Object>> group) {
        List<Object> combined = new ArrayList<>(Arrays.asList(new Object[table.columns().size()]));
        List<String> additive = new ArrayList<>();
        additive.add(spec.members());
        additive.addAll(spec.parts());
        additive.addAll(spec.sums());
        for (String column : additive.stream().distinct().toList()) {
            int index = table.index(column);
            combined.set(index, sum(group.stream().map(row -> row.get(index)).toList()));
        }
        for (Ratio ratio : spec.ratios()) {
            if (!ratio.denominatorSummed()) {
                combined.set(table.index(ratio.column()), divide(combined.get(table.index(ratio.numerator())),
                        combined.get(table.index(ratio.denominator()))));
            }
        }
        // The merged row's lowest and highest price: the least of its rows' lowest, the most of their highest.
        for (int end = 0; end < spec.priceRange().size(); end++) {
            int index = table.index(spec.priceRange().get(end));
            java.util.stream.Stream<Double> prices = group.stream().map(row -> row.get(index)).filter(Objects::nonNull)
                    .map(v -> ((Number) v).doubleValue());
            combined.set(index, (end == 0 ? prices.min(Double::compare) : prices.max(Double::compare)).orElse(null));
        }
        this.combined.add(combined);
        return combined;
    }

    /** Ratios over a sum of rows (shares) for added-up rows: the sum is over the published rows, merged ones included. */
    private void recomputeSharesOfTotals(List<List<Object>> rows) {
        for (Ratio ratio : spec.ratios()) {
            if (ratio.denominatorSummed()) {
                int denominator = table.index(ratio.denominator());
                recomputeShare(table, ratio, rows, row -> combined.contains(row) && row.get(denominator) != null);
            }
        }
    }

    /**
     * A share ({@code a / sum(b)}, or {@code by} a column) computed again in the rows {@code which} picks, over the sum
     * of {@code rows}.
     */
    static void recomputeShare(Table table, Ratio ratio, List<List<Object>> rows, java.util.function.Predicate<List<Object>> which) {
        int by = ratio.by().map(table::index).orElse(-1);
        int denominator = table.index(ratio.denominator());
        Map<String, Double> totals = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            totals.merge(by < 0 ? "" : String.valueOf(row.get(by)),
                    row.get(denominator) == null ? 0 : ((Number) row.get(denominator)).doubleValue(), Double::sum);
        }
        for (List<Object> row : rows) {
            if (which.test(row)) {
                row.set(table.index(ratio.column()), divide(row.get(table.index(ratio.numerator())),
                        totals.get(by < 0 ? "" : String.valueOf(row.get(by)))));
            }
        }
    }

    /** Columns describing the group (every declared figure and every undeclared number that is not kept). */
    private List<Integer> figureColumns() {
        return figureColumns(table, spec);
    }

    static List<Integer> figureColumns(Table table, GroupSpec spec) {
        List<Integer> figures = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            if (isLabel(spec, column.name())) {
                continue;
            }
            if (column.type().isNumeric() || declaredFigure(spec, column.name())) {
                figures.add(c);
            }
        }
        return figures;
    }

    /** Whether a row's group is hidden because another result of the same dimension and member count hides it. */
    private boolean isForcedValue(List<Object> row) {
        return dimension.isPresent() && forced.contains(row.get(dimension.get()));
    }

    /**
     * Whether a row is one the slices hide against differencing. A row merged here has no population yet (see {@link
     * #protect}): it is this table's.
     */
    private boolean isForced(List<Object> row) {
        if (forcedRows.isEmpty()) {
            return false;
        }
        List<Object> named = new ArrayList<>(row);
        table.indexOf("source").filter(source -> named.get(source) == null && !table.isEmpty())
                .ifPresent(source -> named.set(source, table.rows().get(0).get(source)));
        return forcedRows.contains(key(table, spec, named));
    }

    /**
     * What names a row, the same in the whole report and in each slice: its values of every column that is not a figure
     * about its group (its month, plan, country, population...), as text.
     */
    static List<String> key(Table table, GroupSpec spec, List<Object> row) {
        List<Integer> figures = figureColumns(table, spec);
        List<String> key = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            if (!figures.contains(c)) {
                key.add(String.valueOf(row.get(c)));
            }
        }
        return key;
    }

    private static boolean isLabel(GroupSpec spec, String column) {
        return spec.label().map(column::equals).orElse(false) || spec.within().map(column::equals).orElse(false)
                || Disclosure.keeps(spec, column);
    }

    private static boolean declaredFigure(GroupSpec spec, String column) {
        return spec.members().equals(column) || spec.parts().contains(column) || spec.sums().contains(column)
                || spec.ratios().stream().anyMatch(r -> r.column().equals(column))
                || spec.running().stream().anyMatch(r -> r.column().equals(column));
    }

    /** In a merged row, undeclared columns are empty except the labels; a hidden row keeps every non-figure column. */
    private List<Column> outputColumns() {
        return table.columns();
    }

    private double number(List<Object> row, String column) {
        Object value = row.get(table.index(column));
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    static Object divide(Object numerator, Object denominator) {
        if (numerator == null || denominator == null) {
            return null;
        }
        double bottom = ((Number) denominator).doubleValue();
        return bottom == 0 ? null : Table.stable(((Number) numerator).doubleValue() / bottom);
    }

    /** The exact sum in the values' own kind of number (whole numbers, decimals, doubles in row order); null if none. */
    private static Object sum(List<Object> values) {
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        if (present.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
            return present.stream().mapToLong(v -> ((Number) v).longValue()).sum();
        }
        if (present.stream().allMatch(v -> v instanceof BigDecimal)) {
            return present.stream().map(v -> (BigDecimal) v).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        double total = 0;
        for (Object value : present) {
            total += ((Number) value).doubleValue();
        }
        return Table.stable(total);
    }

    private static int distinct(List<List<Object>> rows, int column) {
        return (int) rows.stream().map(r -> Objects.toString(r.get(column))).distinct().count();
    }
}
