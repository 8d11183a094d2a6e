package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One group in two results by month of one report: MRR's members and the subscribers are both the members active on
 * each month's last day. A month one of them does not show, the other does not show either: the whole report hid its
 * subscribers of January 2022 against the flows between months, and MRR's members still gave them. A result declares
 * it ({@code same_rows_as}).
 */
final class SameRows {

    private SameRows() {
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) the months either result of a
     * pair shows that the other does not.
     *
     * @return whether a row was added
     */
    static boolean hide(List<Answer> computed, List<Answer> published, Map<String, Set<List<String>>> forcedRows) {
        boolean added = false;
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                if (spec.sameRowsAs().isEmpty()) {
                    continue;
                }
                Optional<NamedResult> other = NamedResult.of(computed, a, spec.sameRowsAs().get());
                if (other.isEmpty()) {
                    continue;
                }
                Table mine = computed.get(a).results().get(spec.result());
                Table theirs = other.get().in(computed);
                Table mineShown = published.get(a).results().get(spec.result());
                Table theirsShown = other.get().in(published);
                if (mine == null || theirs == null || mineShown == null || theirsShown == null
                        || mine.indexOf("month").isEmpty() || theirs.indexOf("month").isEmpty()) {
                    continue;
                }
                Map<String, List<String>> mineKeys = keysByMonth(mine, spec);
                Map<String, List<String>> theirKeys = keysByMonth(theirs, other.get().spec());
                Set<String> mineShownMonths = shownMonths(mineShown, spec);
                Set<String> theirShownMonths = shownMonths(theirsShown, other.get().spec());
                for (Map.Entry<String, List<String>> month : mineKeys.entrySet()) {
                    List<String> their = theirKeys.get(month.getKey());
                    if (their == null) {
                        continue;
                    }
                    boolean mineShownHere = mineShownMonths.contains(month.getKey());
                    boolean theirShownHere = theirShownMonths.contains(month.getKey());
                    if (mineShownHere && !theirShownHere) {
                        added |= forcedRows.computeIfAbsent(Disclosure.resultKey(question, spec.result()), x -> new HashSet<>())
                                .add(month.getValue());
                    } else if (theirShownHere && !mineShownHere) {
                        added |= forcedRows.computeIfAbsent(other.get().key(), x -> new HashSet<>())
                                .add(their);
                    }
                }
            }
        }
        return added;
    }

    private static Map<String, List<String>> keysByMonth(Table table, GroupSpec spec) {
        Map<String, List<String>> keys = new HashMap<>();
        for (List<Object> row : table.rows()) {
            keys.put(String.valueOf(row.get(table.index("month"))), GroupedTable.key(table, spec, row));
        }
        return keys;
    }

    private static Set<String> shownMonths(Table shown, GroupSpec spec) {
        Set<String> months = new HashSet<>();
        for (List<Object> row : shown.rows()) {
            if (row.get(shown.index(spec.members())) != null) {
                months.add(String.valueOf(row.get(shown.index("month"))));
            }
        }
        return months;
    }
}
