package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.catalog.Reference;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flows between months, within one report: the members at a month's end are those at the month before's, plus its
 * signups, less its churners, plus the members who came back (published nowhere). Where those figures are all
 * published but one, that one is given back, exactly when no one came back: the Middle East &amp; Africa slice hid its
 * 8 signups of November 2024 and showed its 52 and 60 subscribers at the ends of October and November and its 0
 * churners of November. So where one figure of a month's equation is not shown, a second is hidden with it: the
 * smallest of the month's signups and churners still shown (they are in no other month's equation, where hiding a
 * month's end would move the gap to the next month). A result declares the equation on its members at each month's
 * end ({@code inflow} and {@code outflow}, see {@link GroupSpec.Flow}).
 */
final class FlowRows {

    private FlowRows() {
    }

    /** One figure of a month's equation: the row it is in, and how many members it counts. */
    private record Cell(String result, List<String> key, double members, boolean shown) {
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) a second figure to hide in
     * each month whose equation has one figure not shown.
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
                if (spec.flow().isEmpty()) {
                    continue;
                }
                Optional<Flowing> stock = flowing(computed, published, a, spec.result(), false);
                Optional<Flowing> in = flowing(computed, published, a, spec.flow().get().inflow(), false);
                Optional<Flowing> out = flowing(computed, published, a, spec.flow().get().outflow(), true);
                if (stock.isEmpty() || in.isEmpty() || out.isEmpty()) {
                    continue;
                }
                List<String> months = stock.get().months();
                for (int m = 1; m < months.size(); m++) {
                    List<Cell> ends = new ArrayList<>(stock.get().cells(months.get(m - 1)));
                    ends.addAll(stock.get().cells(months.get(m)));
                    List<Cell> flows = new ArrayList<>(in.get().cells(months.get(m)));
                    flows.addAll(out.get().cells(months.get(m)));
                    if (ends.size() != 2 || flows.isEmpty()) {
                        continue;
                    }
                    long hidden = java.util.stream.Stream.concat(ends.stream(), flows.stream()).filter(c -> !c.shown()).count();
                    // Where members came back that month, the equation does not close on the published figures: a reader's
                    // arithmetic gives a wrong figure, only a bound, as for a hidden cell of a table between others.
                    double cameBack = ends.get(1).members() - ends.get(0).members()
                            - in.get().cells(months.get(m)).stream().mapToDouble(Cell::members).sum()
                            + out.get().cells(months.get(m)).stream().mapToDouble(Cell::members).sum();
                    if (hidden != 1 || cameBack != 0) {
                        continue;
                    }
                    Optional<Cell> partner = flows.stream().filter(Cell::shown)
                            .min(Comparator.comparingDouble(Cell::members).thenComparing(c -> c.result() + c.key()));
                    if (partner.isPresent()) {
                        added |= forcedRows.computeIfAbsent(partner.get().result(), x -> new HashSet<>()).add(partner.get().key());
                    }
                }
            }
        }
        return added;
    }

    /**
     * A result by month of a report, as computed and as published: its figure is its members, or for those who left
     * its one part. Only the event files' rows (a result with a source column counts a member-level file's too).
     */
    private record Flowing(String result, Table table, Table shown, GroupSpec spec, boolean part) {

        List<String> months() {
            return table.rows().stream().filter(this::eventFiles).map(r -> String.valueOf(r.get(table.index("month"))))
                    .distinct().sorted().toList();
        }

        List<Cell> cells(String month) {
            Set<List<String>> shownKeys = new HashSet<>();
            String figure = part ? spec.parts().get(0) : spec.members();
            for (List<Object> row : shown.rows()) {
                if (row.get(shown.index(figure)) != null) {
                    shownKeys.add(GroupedTable.key(shown, spec, row));
                }
            }
            List<Cell> cells = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                if (eventFiles(row) && month.equals(String.valueOf(row.get(table.index("month"))))
                        && row.get(table.index(figure)) instanceof Number number) {
                    List<String> key = GroupedTable.key(table, spec, row);
                    cells.add(new Cell(result, key, number.doubleValue(), shownKeys.contains(key)));
                }
            }
            return cells;
        }

        private boolean eventFiles(List<Object> row) {
            return table.indexOf("source").map(s -> GroupedTable.EVENT_FILES.equals(row.get(s))).orElse(true);
        }
    }

    /** The result {@code named} (of the question of answer {@code a}, or {@code <question>/<result>}), if it ran by month. */
    private static Optional<Flowing> flowing(List<Answer> computed, List<Answer> published, int a, String named, boolean part) {
        Optional<Reference> reference = Reference.parse(named);
        String result = reference.map(Reference::name).orElse(named);
        int at = reference.map(r -> answerOf(computed, r.question())).orElse(a);
        if (at < 0) {
            return Optional.empty();
        }
        Question question = computed.get(at).question();
        Table table = computed.get(at).results().get(result);
        Table shown = published.get(at).results().get(result);
        Optional<GroupSpec> spec = question.privacy(result);
        if (table == null || shown == null || spec.isEmpty() || table.indexOf("month").isEmpty() || shown.indexOf("month").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flowing(Disclosure.resultKey(question, result), table, shown, spec.get(), part));
    }

    private static int answerOf(List<Answer> answers, String slug) {
        for (int a = 0; a < answers.size(); a++) {
            if (answers.get(a).question().slug().equals(slug)) {
                return a;
            }
        }
        return -1;
    }
}
