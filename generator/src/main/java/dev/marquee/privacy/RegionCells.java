package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A region's members of one plan, published by a slice (a region's slice gives its members by plan; a plan's slice its
 * members by region), less the cells of that region's countries and plan the whole report publishes in its plans
 * within countries, is the plan's members in the cells the whole report does not show: in the sample, Europe's less
 * its countries shown by name gave the 4 Basic, 6 Premium and 9 Standard members of Sweden and Portugal. Such a figure
 * is hidden in the slice wherever what it gives holds 1 to k − 1 members, and so are more of its rows where the rows
 * it hides would give that together (the slice's total is published): the whole report stays as it is without slices.
 * The same holds for any cross-tab of a label within countries nested in regions (members by main device).
 */
final class RegionCells {

    private RegionCells() {
    }

    /**
     * Per result of the slice ({@link Disclosure#resultKey}), the keys of its rows ({@link GroupedTable#key}) to hide.
     *
     * @param shared   the member columns every member of the slice has one same value of (its region, or its plan)
     * @param regionOf each country's region; a country the table does not list is Unknown, as the questions name it
     */
    static Map<String, Set<List<String>>> hidden(List<Answer> wholeComputed, List<Answer> wholePublished, List<Answer> computed,
                                                 List<Answer> published, Map<String, String> shared, Map<String, String> regionOf, int k) {
        Map<String, Set<List<String>>> hide = new HashMap<>();
        for (int a = 0; a < wholePublished.size(); a++) {
            Question question = wholePublished.get(a).question();
            for (Map.Entry<String, Table> result : wholePublished.get(a).results().entrySet()) {
                Optional<GroupSpec> spec = question.privacy(result.getKey());
                Table crossTab = wholeComputed.get(a).results().get(result.getKey());
                if (spec.isEmpty() || crossTab == null || !spec.get().countsMembers() || spec.get().overlapping()
                        || !spec.get().within().equals(Optional.of(GroupSpec.COUNTRY)) || spec.get().nestedIn().isEmpty()
                        || spec.get().label().isEmpty()) {
                    continue;
                }
                String label = spec.get().label().get();
                // The slice's figures of one region and one value of the label: by the label in a region's slice, by
                // region in a slice of one value of the label.
                String by;
                if (shared.containsKey(GroupSpec.REGION) && !shared.containsKey(GroupSpec.COUNTRY)) {
                    by = label;
                } else if (shared.containsKey(label)) {
                    by = GroupSpec.REGION;
                } else {
                    continue;
                }
                // The slice's own countries (a slices file's group may hold some of a region's countries only): its
                // figures less the named ones leave the unnamed of those.
                Optional<Set<String>> sliceCountries = AcrossSlices.resultOf(computed, question, result.getKey())
                        .map(table -> countries(table, spec.get()));
                Map<List<String>, Double> unshown = unshown(crossTab, result.getValue(), spec.get(), regionOf, sliceCountries);
                for (int s = 0; s < published.size(); s++) {
                    Question sliceQuestion = published.get(s).question();
                    for (Map.Entry<String, Table> sliceResult : published.get(s).results().entrySet()) {
                        Optional<GroupSpec> sliceSpec = sliceQuestion.privacy(sliceResult.getKey());
                        Table table = sliceResult.getValue();
                        if (sliceSpec.isEmpty() || !sliceSpec.get().countsMembers() || sliceSpec.get().within().isPresent()
                                || !sameCount(sliceSpec.get(), spec.get())
                                || !GroupedTable.dimension(table, sliceSpec.get()).map(by::equals).orElse(false)) {
                            continue;
                        }
                        Set<List<String>> keys = hiddenRows(table, sliceSpec.get(), by, label, shared, unshown, k);
                        if (!keys.isEmpty()) {
                            hide.computeIfAbsent(Disclosure.resultKey(sliceQuestion, sliceResult.getKey()), x -> new HashSet<>()).addAll(keys);
                        }
                    }
                }
            }
        }
        return hide;
    }

    /** Whether a result counts what the cross-tab counts: the same column, or a {@code counts} that names it. */
    private static boolean sameCount(GroupSpec result, GroupSpec crossTab) {
        return result.counts().orElse(result.members()).equals(crossTab.counts().orElse(crossTab.members()));
    }

    /**
     * Per population, region and value of the label, the members of the cross-tab's countries the whole report does not
     * name (merged into "Other (small groups)"), of the slice's countries where its own cross-tab gives them. A named
     * country's row total is published (its members), so its hidden cells are bounded by it and are not left over.
     */
    private static Map<List<String>, Double> unshown(Table computed, Table published, GroupSpec spec, Map<String, String> regionOf,
                                                     Optional<Set<String>> sliceCountries) {
        String country = spec.within().orElseThrow();
        String label = spec.label().orElseThrow();
        Set<List<String>> named = new HashSet<>();
        for (List<Object> row : published.rows()) {
            if (!Disclosure.OTHER.equals(row.get(published.index(country)))) {
                named.add(List.of(population(published, row), String.valueOf(row.get(published.index(country)))));
            }
        }
        Map<List<String>, Double> unshown = new HashMap<>();
        for (List<Object> row : computed.rows()) {
            String name = String.valueOf(row.get(computed.index(country)));
            if (!named.contains(List.of(population(computed, row), name)) && sliceCountries.map(c -> c.contains(name)).orElse(true)
                    && row.get(computed.index(spec.members())) instanceof Number members) {
                unshown.merge(List.of(population(computed, row), regionOf.getOrDefault(name, "Unknown"),
                        String.valueOf(row.get(computed.index(label)))), members.doubleValue(), Double::sum);
            }
        }
        return unshown;
    }

    /** The countries a cross-tab of plans within countries has members in. */
    private static Set<String> countries(Table table, GroupSpec spec) {
        Set<String> countries = new HashSet<>();
        int country = table.index(spec.within().orElseThrow());
        for (List<Object> row : table.rows()) {
            if (row.get(table.index(spec.members())) instanceof Number members && members.doubleValue() > 0) {
                countries.add(String.valueOf(row.get(country)));
            }
        }
        return countries;
    }

    /**
     * The rows of one slice result (one population at a time: each has its own total) to hide: a row shown whose
     * region and label value leave 1 to k − 1 members unshown, then, while the rows hidden leave 1 to k − 1 together,
     * the shown row that leaves the fewest.
     */
    private static Set<List<String>> hiddenRows(Table table, GroupSpec spec, String by, String label, Map<String, String> shared,
                                                Map<List<String>, Double> unshown, int k) {
        Map<String, List<List<Object>>> populations = new HashMap<>();
        for (List<Object> row : table.rows()) {
            if (!Disclosure.OTHER.equals(row.get(table.index(by)))) {
                populations.computeIfAbsent(population(table, row), p -> new ArrayList<>()).add(row);
            }
        }
        Set<List<String>> hide = new HashSet<>();
        for (List<List<Object>> rows : populations.values()) {
            // What each row leaves unshown: the cells of its region and label value the whole report does not show.
            Map<List<Object>, Double> left = new java.util.IdentityHashMap<>();
            for (List<Object> row : rows) {
                Object value = row.get(table.index(by));
                boolean byRegion = by.equals(GroupSpec.REGION);
                left.put(row, unshown.getOrDefault(List.of(population(table, row), byRegion ? String.valueOf(value) : shared.get(GroupSpec.REGION),
                        byRegion ? shared.get(label) : String.valueOf(value)), 0.0));
            }
            List<List<Object>> shown = new ArrayList<>();
            double hiddenTogether = 0;
            for (List<Object> row : rows) {
                if (row.get(table.index(spec.members())) == null) {
                    hiddenTogether += left.get(row);
                } else if (left.get(row) > 0 && left.get(row) < k) {
                    hide.add(GroupedTable.key(table, spec, row));
                    hiddenTogether += left.get(row);
                } else if (left.get(row) > 0) {
                    shown.add(row);
                }
            }
            shown.sort(Comparator.comparingDouble(left::get));
            for (int r = 0; r < shown.size() && hiddenTogether > 0 && hiddenTogether < k; r++) {
                hide.add(GroupedTable.key(table, spec, shown.get(r)));
                hiddenTogether += left.get(shown.get(r));
            }
        }
        return hide;
    }

    /** A row's population: its source, or the event files' for a result without one. */
    private static String population(Table table, List<Object> row) {
        return table.indexOf("source").map(i -> String.valueOf(row.get(i))).orElse(String.valueOf(GroupedTable.EVENT_FILES));
    }
}
