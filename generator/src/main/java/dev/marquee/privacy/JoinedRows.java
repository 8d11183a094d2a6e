package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Those who joined a group in a month: its members at the month's end are those at its start, less those who left in
 * it, plus those who joined (signed up or came back), which no result publishes by region or country. The whole
 * report's churn by region gave Middle East &amp; Africa's start and churners of June 2023 and its start of July, and
 * so its 2 joiners of June; the churn by country's 76 members of South Korea at the as-of month's start and its 0
 * churners, beside the 84 current members of the members question, its 8 joiners. Where the three figures are known
 * and those who joined are fewer than k (and not none), the row of the start and leavers is hidden, or where only
 * another report hides it, the row of the end. A result declares where its members' month ends are ({@code ends_in}).
 */
final class JoinedRows {

    private JoinedRows() {
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) a row for each group and
     * month whose published figures give fewer than k joiners.
     *
     * @param computed       the report's answers as the statements gave them
     * @param published      the same answers as protected so far, in the same order
     * @param shownElsewhere per result, rows another report shows of the same members (see FlowRows)
     * @return whether a row was added
     */
    static boolean hide(List<Answer> computed, List<Answer> published, Map<String, Set<List<String>>> forcedRows,
                        Map<String, Set<List<String>>> shownElsewhere, int k) {
        boolean added = false;
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                if (spec.endsIn().isEmpty()) {
                    continue;
                }
                Optional<NamedResult> ends = NamedResult.of(computed, a, spec.endsIn().get());
                Table starts = computed.get(a).results().get(spec.result());
                Table startsShown = published.get(a).results().get(spec.result());
                if (ends.isEmpty() || starts == null || startsShown == null || ends.get().in(computed) == null
                        || ends.get().in(published) == null) {
                    continue;
                }
                String startsKey = Disclosure.resultKey(question, spec.result());
                Rows from = new Rows(startsKey, starts, spec, shownKeys(startsShown, spec), shownElsewhere.getOrDefault(startsKey, Set.of()));
                Table endTable = ends.get().in(computed);
                Rows to = new Rows(ends.get().key(), endTable, ends.get().spec(), shownKeys(ends.get().in(published), ends.get().spec()),
                        shownElsewhere.getOrDefault(ends.get().key(), Set.of()));
                boolean nextMonth = ends.get().key().equals(startsKey);
                String label = spec.label().orElseThrow();
                String endLabel = ends.get().spec().label().orElse(label);
                Optional<String> lastEndMonth = endTable.indexOf("month").flatMap(m -> endTable.rows().stream()
                        .map(r -> String.valueOf(r.get(m))).max(String::compareTo));
                for (List<Object> row : starts.rows()) {
                    Object group = row.get(starts.index(label));
                    if (!from.eventFiles(row) || Disclosure.OTHER.equals(group)) {
                        continue;
                    }
                    Optional<String> month = starts.indexOf("month").map(m -> String.valueOf(row.get(m)));
                    // The month's end: this result's next month's start, the other's row of the same month, or of its last
                    // (the as-of month's) for a result of the as-of month only.
                    Optional<String> endMonth = nextMonth ? month.map(m -> LocalDate.parse(m.substring(0, 10)).plusMonths(1).toString())
                            : month.isPresent() ? month : lastEndMonth;
                    Optional<List<Object>> end = endTable.rows().stream().filter(to::eventFiles)
                            .filter(r -> group.equals(r.get(endTable.index(endLabel))))
                            .filter(r -> endMonth.isEmpty() || endMonth.get().equals(String.valueOf(r.get(endTable.index("month")))))
                            .findFirst();
                    if (end.isEmpty() || !(row.get(starts.index(spec.members())) instanceof Number start)
                            || !(row.get(starts.index(spec.parts().get(0))) instanceof Number left)
                            || !(end.get().get(endTable.index(ends.get().spec().members())) instanceof Number atEnd)
                            || !from.known(row) || !to.known(end.get())) {
                        continue;
                    }
                    // Where members left without being counted as leavers, the figure is joiners less them: it is only
                    // a bound then, and below zero it tells nothing.
                    double joined = atEnd.doubleValue() - start.doubleValue() + left.doubleValue();
                    if (joined > 0 && joined < k) {
                        Rows hidden = from.hideable(row) || !to.hideable(end.get()) ? from : to;
                        List<Object> hiddenRow = hidden == from ? row : end.get();
                        if (hidden.hideable(hiddenRow)) {
                            added |= forcedRows.computeIfAbsent(hidden.result(), x -> new HashSet<>())
                                    .add(GroupedTable.key(hidden.table(), hidden.spec(), hiddenRow));
                        }
                    }
                }
            }
        }
        return added;
    }

    /** A result as computed, the keys of the rows this report shows, and of those another report shows. */
    private record Rows(String result, Table table, GroupSpec spec, Set<List<String>> shown, Set<List<String>> elsewhere) {

        boolean known(List<Object> row) {
            List<String> key = GroupedTable.key(table, spec, row);
            return shown.contains(key) || elsewhere.contains(key);
        }

        /** Shown here and nowhere else: hiding it here hides it. */
        boolean hideable(List<Object> row) {
            List<String> key = GroupedTable.key(table, spec, row);
            return shown.contains(key) && !elsewhere.contains(key);
        }

        /** Only the event files' rows: a result with a source column counts a member-level file's too. */
        boolean eventFiles(List<Object> row) {
            return table.indexOf("source").map(s -> GroupedTable.EVENT_FILES.equals(row.get(s))).orElse(true);
        }
    }

    /** The keys of the rows a published result shows by name, with their members and parts. */
    private static Set<List<String>> shownKeys(Table shown, GroupSpec spec) {
        Set<List<String>> keys = new HashSet<>();
        for (List<Object> row : shown.rows()) {
            boolean figures = row.get(shown.index(spec.members())) != null
                    && spec.parts().stream().allMatch(p -> row.get(shown.index(p)) != null);
            Object label = spec.label().map(l -> row.get(shown.index(l))).orElse(null);
            if (figures && !Disclosure.OTHER.equals(label)) {
                keys.add(GroupedTable.key(shown, spec, row));
            }
        }
        return keys;
    }
}
