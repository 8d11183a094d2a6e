package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A running total under another name, within one report: the retention curve's members who reached n months after
 * signup are those who signed up in the as-of month less n or before, the monthly signups' running total of that
 * month. Two of them less the signups shown between give back a month the signups hide: the Middle East &amp; Africa
 * slice's retention curve (111, 91, 88, 82...) gave back 18 months of its signups, every one under k, and months other
 * slices hid to protect it. The running total is shown only where it gives nothing back (see GroupedTable's runs); a
 * row of the other result is shown only where that running total is shown. A result declares it ({@code totals_of},
 * {@code months_back}).
 */
final class RunningTotalRows {

    private RunningTotalRows() {
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) the rows whose running total
     * the result by month does not show.
     *
     * @return whether a row was added
     */
    static boolean hide(List<Answer> computed, List<Answer> published, Map<String, Set<List<String>>> forcedRows) {
        boolean added = false;
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                if (spec.totalsOf().isEmpty() || spec.monthsBack().isEmpty()) {
                    continue;
                }
                Table table = computed.get(a).results().get(spec.result());
                Optional<Map<YearMonth, Boolean>> shown = runningTotalShown(computed, published, a, spec.totalsOf().get());
                if (table == null || shown.isEmpty() || shown.get().isEmpty() || table.indexOf(spec.monthsBack().get()).isEmpty()) {
                    continue;
                }
                YearMonth last = shown.get().keySet().stream().max(YearMonth::compareTo).orElseThrow();
                for (List<Object> row : table.rows()) {
                    if (!(row.get(table.index(spec.monthsBack().get())) instanceof Number back)) {
                        continue;
                    }
                    YearMonth month = last.minusMonths(back.longValue());
                    if (!shown.get().getOrDefault(month, false)) {
                        added |= forcedRows.computeIfAbsent(Disclosure.resultKey(question, spec.result()), x -> new HashSet<>())
                                .add(GroupedTable.key(table, spec, row));
                    }
                }
            }
        }
        return added;
    }

    /**
     * For each month of the event files' rows of the result {@code named}, whether it shows its running total; empty
     * where the result did not run or has none.
     */
    private static Optional<Map<YearMonth, Boolean>> runningTotalShown(List<Answer> computed, List<Answer> published, int a, String named) {
        Optional<NamedResult> result = NamedResult.of(computed, a, named);
        Table shown = result.map(r -> r.in(published)).orElse(null);
        if (shown == null || result.get().spec().running().isEmpty() || shown.indexOf("month").isEmpty()) {
            return Optional.empty();
        }
        GroupSpec spec = result.get().spec();
        int total = shown.index(spec.running().get(0).column());
        int month = shown.index("month");
        Optional<Integer> source = shown.indexOf("source");
        Map<YearMonth, Boolean> months = new HashMap<>();
        for (List<Object> row : shown.rows()) {
            if (source.isPresent() && !GroupedTable.EVENT_FILES.equals(row.get(source.get()))) {
                continue;
            }
            if (row.get(month) != null) {
                months.put(YearMonth.parse(String.valueOf(row.get(month)).substring(0, 7)), row.get(total) != null);
            }
        }
        return Optional.of(months);
    }
}
