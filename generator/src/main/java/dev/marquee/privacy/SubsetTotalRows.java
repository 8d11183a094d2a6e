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
 * A total of some of a result's rows, published by another result: the viewers are the members by hours watched less
 * those with none, and the members by days since their last viewing less those who never watched. A result hides its
 * small rows so that all its hidden rows together hold k or more, those left out of the total included; the total less
 * the rows shown then gave the hidden rows it adds up: the Middle East &amp; Africa slice's 103 viewers less its bands
 * shown gave its 7 members with 100 hours or more. Where the hidden rows a total adds up hold 1 to k - 1 members, the
 * smallest of its rows still shown is hidden too. A result declares the total ({@code total_in}) and the rows it
 * leaves out ({@code total_leaves_out}).
 */
final class SubsetTotalRows {

    private SubsetTotalRows() {
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) the smallest shown row a
     * published total adds up, for each result whose hidden rows under that total hold 1 to k - 1 members.
     *
     * @param computed  the report's answers as the statements gave them
     * @param published the same answers as protected so far, in the same order
     * @return whether a row was added
     */
    static boolean hide(List<Answer> computed, List<Answer> published, Map<String, Set<List<String>>> forcedRows, int k) {
        boolean added = false;
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                if (spec.totalIn().isEmpty()) {
                    continue;
                }
                Optional<NamedResult> total = NamedResult.of(computed, a, spec.totalIn().get());
                Table rows = computed.get(a).results().get(spec.result());
                Table shown = published.get(a).results().get(spec.result());
                if (total.isEmpty() || rows == null || shown == null || !totalShown(total.get().in(published), total.get().spec())) {
                    continue;
                }
                // A total without a source column is the event files' (the viewing summary).
                boolean eventFilesOnly = total.get().in(published).indexOf("source").isEmpty();
                Set<List<String>> shownKeys = new HashSet<>();
                for (List<Object> row : shown.rows()) {
                    if (row.get(shown.index(spec.members())) != null) {
                        shownKeys.add(GroupedTable.key(shown, spec, row));
                    }
                }
                double hidden = 0;
                Optional<List<Object>> smallestShown = Optional.empty();
                for (List<Object> row : rows.rows()) {
                    List<String> key = GroupedTable.key(rows, spec, row);
                    boolean counted = key.stream().noneMatch(spec.totalLeavesOut()::contains)
                            && (!eventFilesOnly || rows.indexOf("source").map(s -> GroupedTable.EVENT_FILES.equals(row.get(s))).orElse(true));
                    if (!counted || !(row.get(rows.index(spec.members())) instanceof Number members)) {
                        continue;
                    }
                    if (!shownKeys.contains(key)) {
                        hidden += members.doubleValue();
                    } else if (smallestShown.isEmpty() || members.doubleValue() < ((Number) smallestShown.get().get(rows.index(spec.members()))).doubleValue()) {
                        smallestShown = Optional.of(row);
                    }
                }
                if (hidden > 0 && hidden < k && smallestShown.isPresent()) {
                    added |= forcedRows.computeIfAbsent(Disclosure.resultKey(question, spec.result()), x -> new HashSet<>())
                            .add(GroupedTable.key(rows, spec, smallestShown.get()));
                }
            }
        }
        return added;
    }

    /** Whether the total's figure is published: a result of one row whose members column shows a number. */
    private static boolean totalShown(Table total, GroupSpec spec) {
        return total != null && total.rows().stream().anyMatch(row -> row.get(total.index(spec.members())) != null);
    }
}
