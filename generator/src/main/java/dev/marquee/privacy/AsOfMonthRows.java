package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One group in two results of one report: a result declared {@code as_of_month_of} another (the churn by region, the
 * monthly churn by region's as-of month; the current members by country, the churn question's members by country at
 * each month's end) shows each row the other shows for its last month. Where one of them does not
 * show a row (merged, hidden, or hidden against differencing across slices) and the other does, the other's row is
 * hidden too: before, the Asia-Pacific slice hid its churn by region, and its monthly churn showed the same December
 * figures, which the whole report's "Other (small groups)" region then turned into Middle East &amp; Africa's 8 churners.
 */
final class AsOfMonthRows {

    private AsOfMonthRows() {
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) the rows either result of a
     * pair shows that the other does not.
     *
     * @param computed  the report's answers as the statements gave them
     * @param published the same answers as protected so far, in the same order
     * @return whether a row was added
     */
    static boolean hide(List<Answer> computed, List<Answer> published, Map<String, Set<List<String>>> forcedRows) {
        boolean added = false;
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                if (spec.asOfMonthOf().isEmpty()) {
                    continue;
                }
                // The month's result: of this question, or of another one named <question>/<result>, if it ran.
                Optional<NamedResult> named = NamedResult.of(computed, a, spec.asOfMonthOf().get());
                if (named.isEmpty()) {
                    continue;
                }
                GroupSpec monthlySpec = named.get().spec();
                Table asOf = computed.get(a).results().get(spec.result());
                Table monthly = named.get().in(computed);
                Table asOfShown = published.get(a).results().get(spec.result());
                Table monthlyShown = named.get().in(published);
                if (asOf == null || monthly == null || asOfShown == null || monthlyShown == null || monthly.isEmpty()) {
                    continue;
                }
                String label = spec.label().orElseThrow();
                Object last = monthly.rows().stream().map(r -> r.get(monthly.index("month")))
                        .max((x, y) -> String.valueOf(x).compareTo(String.valueOf(y))).orElseThrow();
                Set<List<String>> asOfKeys = shownKeys(asOfShown, spec);
                Set<List<String>> monthlyKeys = shownKeys(monthlyShown, monthlySpec);
                for (List<Object> row : asOf.rows()) {
                    if (!samePopulation(asOf, row, monthly)) {
                        continue;
                    }
                    Object value = row.get(asOf.index(label));
                    Optional<List<Object>> same = monthly.rows().stream().filter(r -> last.equals(r.get(monthly.index("month")))
                            && value.equals(r.get(monthly.index(label)))).findFirst();
                    if (same.isEmpty()) {
                        continue;
                    }
                    List<String> asOfKey = GroupedTable.key(asOf, spec, row);
                    List<String> monthlyKey = GroupedTable.key(monthly, monthlySpec, same.get());
                    boolean asOfRowShown = asOfKeys.contains(asOfKey);
                    boolean monthlyRowShown = monthlyKeys.contains(monthlyKey);
                    if (asOfRowShown && !monthlyRowShown) {
                        added |= forcedRows.computeIfAbsent(Disclosure.resultKey(question, spec.result()), x -> new HashSet<>()).add(asOfKey);
                    } else if (monthlyRowShown && !asOfRowShown) {
                        added |= forcedRows.computeIfAbsent(named.get().key(), x -> new HashSet<>())
                                .add(monthlyKey);
                    }
                }
            }
        }
        return added;
    }

    /**
     * Whether a row is of the month's result's population: a result by month without a source column counts the event
     * files' members, so a member-level file's rows (members by country of a users table) are another group.
     */
    private static boolean samePopulation(Table asOf, List<Object> row, Table monthly) {
        Optional<Integer> source = asOf.indexOf("source");
        return source.isEmpty() || monthly.indexOf("source").isPresent() || GroupedTable.EVENT_FILES.equals(row.get(source.get()));
    }

    /** The keys of the rows a published result shows by name with their members. */
    private static Set<List<String>> shownKeys(Table shown, GroupSpec spec) {
        Set<List<String>> keys = new HashSet<>();
        for (List<Object> row : shown.rows()) {
            Object label = row.get(shown.index(spec.label().orElseThrow()));
            if (row.get(shown.index(spec.members())) != null && !Disclosure.OTHER.equals(label)) {
                keys.add(GroupedTable.key(shown, spec, row));
            }
        }
        return keys;
    }
}
