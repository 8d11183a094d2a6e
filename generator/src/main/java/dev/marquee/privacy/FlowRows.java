package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
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

    /**
     * One figure of a month's equation: the row it is in, how many members it counts, whether this report shows it, and
     * whether another report shows the same row of the same members (the whole report's row of a region's slice).
     */
    private record Cell(String result, List<String> key, double members, boolean shown, boolean shownElsewhere) {

        /** Whether a reader has the figure, from this report or the other. */
        boolean known() {
            return shown || shownElsewhere;
        }

        /** Whether hiding it here hides it: shown here, and nowhere else. */
        boolean hideable() {
            return shown && !shownElsewhere;
        }
    }

    /**
     * Adds to {@code forcedRows} ({@link Disclosure#resultKey} to {@link GroupedTable#key}s) a second figure to hide in
     * each month whose equation has one figure not shown, or several of one sign under k. Where another report shows
     * some of this one's rows ({@code shownElsewhere}: the whole report's rows of a region's slice, the same members), a
     * figure shown there is known, and hiding it here would protect nothing, so the second figure is one only this
     * report shows.
     *
     * @param computed  the report's answers as the statements gave them
     * @param published the same answers as protected so far, in the same order
     * @return whether a row was added
     */
    static boolean hide(List<Answer> computed, List<Answer> published, Map<String, Set<List<String>>> forcedRows,
                        Map<String, Set<List<String>>> shownElsewhere, int k) {
        boolean added = false;
        for (int a = 0; a < computed.size(); a++) {
            Question question = computed.get(a).question();
            for (GroupSpec spec : question.privacy()) {
                if (spec.flow().isEmpty()) {
                    continue;
                }
                Optional<Flowing> stock = flowing(computed, published, a, spec.result(), false, shownElsewhere);
                Optional<Flowing> in = flowing(computed, published, a, spec.flow().get().inflow(), false, shownElsewhere);
                Optional<Flowing> out = flowing(computed, published, a, spec.flow().get().outflow(), true, shownElsewhere);
                if (stock.isEmpty() || in.isEmpty() || out.isEmpty()) {
                    continue;
                }
                Optional<Flowing> atStart = flowing(computed, published, a, spec.flow().get().outflow(), false, shownElsewhere);
                List<String> months = stock.get().months();
                for (int m = 0; m < months.size(); m++) {
                    String month = months.get(m);
                    List<Cell> signups = in.get().cells(month);
                    List<Cell> churners = out.get().cells(month);
                    List<Cell> startRows = atStart.get().cells(month);
                    // The first month starts from no one: its end is its signups, less those who left within it.
                    boolean first = m == 0;
                    if (signups.isEmpty() || (churners.isEmpty() && !first) || churners.size() != startRows.size()) {
                        continue;
                    }
                    // A month's start is the subscribers at the month before's end, or under another name the members the
                    // churn counts at its start (in the same rows as its churners); its end, the subscribers at its end or
                    // the members at the next month's start. A reader may take either: the Middle East & Africa slice hid
                    // its subscribers of September 2022 and showed October's 10 members at its start, 0 churners and 11
                    // subscribers at its end.
                    List<List<Cell>> starts = first ? List.of(List.of()) : List.of(stock.get().cells(months.get(m - 1)), startRows);
                    List<List<Cell>> monthEnds = new ArrayList<>(List.of(stock.get().cells(month)));
                    if (m + 1 < months.size()) {
                        monthEnds.add(atStart.get().cells(months.get(m + 1)));
                    }
                    for (int from = 0; from < starts.size(); from++) {
                        for (List<Cell> to : monthEnds) {
                            List<Cell> start = starts.get(from);
                            if ((start.isEmpty() && !first) || to.isEmpty()) {
                                continue;
                            }
                            // The equation's terms, each with its sign in end - start - signups + churners = 0. Started from
                            // the churn's members at the start, a row is one term, its members less its churners.
                            List<Term> terms = new ArrayList<>();
                            to.forEach(c -> terms.add(Term.of(c, 1, FLOW_END)));
                            signups.forEach(c -> terms.add(Term.of(c, -1, FLOW)));
                            for (int r = 0; r < churners.size(); r++) {
                                if (from == 0) {
                                    terms.add(Term.of(churners.get(r), 1, FLOW));
                                } else {
                                    Cell left = churners.get(r);
                                    Cell atFirst = startRows.get(r);
                                    terms.add(new Term(atFirst.members() - left.members(), -1, left.known() && atFirst.known(), left, FLOW));
                                }
                            }
                            if (from == 0) {
                                start.forEach(c -> terms.add(Term.of(c, -1, FLOW_END)));
                            }
                            List<Term> unknown = terms.stream().filter(t -> !t.known()).toList();
                            // Where members came back that month, the equation does not close on the published figures: a
                            // reader's arithmetic gives a wrong figure, only a bound, as for a hidden cell of a table.
                            double cameBack = terms.stream().mapToDouble(t -> t.sign() * t.members()).sum();
                            if (unknown.isEmpty() || cameBack != 0) {
                                continue;
                            }
                            if (unknown.size() == 1) {
                                added |= hidePartner(terms, FLOW, forcedRows);
                            } else if (unknown.stream().mapToDouble(Term::sign).distinct().count() == 1) {
                                // Figures all of one sign add up to a group the others give: the churners of the month's
                                // hidden regions (the whole report's February 2022: every region hidden, 3 churners from 80
                                // and 132 subscribers and 55 signups). Under k, a figure is hidden that leaves them mixed
                                // with one of the other sign, or adds k or more to them: far from the as-of month, one of
                                // the month's ends, whose neighbouring month then takes a flow of its own; next to it (the
                                // as-of month's churn by country counts the month before's end again), its signups.
                                double together = unknown.stream().mapToDouble(Term::members).sum();
                                double sign = unknown.get(0).sign();
                                if (together > 0 && together < k) {
                                    boolean nearTheEnd = m >= months.size() - 2;
                                    added |= hidePartner(terms.stream().filter(t -> t.sign() != sign || together + t.members() >= k).toList(),
                                            nearTheEnd ? FLOW : FLOW_END, forcedRows);
                                }
                            }
                        }
                    }
                }
            }
        }
        return added;
    }

    /** A month's flow ({@link #FLOW}: signups, churners) or one of its ends ({@link #FLOW_END}). */
    private static final int FLOW = 0;
    private static final int FLOW_END = 1;

    /**
     * One term of a month's equation: how many members, its sign, whether a reader has it, the cell whose row hiding it
     * hides, and whether it is a flow or a month's end.
     */
    private record Term(double members, double sign, boolean known, Cell cell, int kind) {

        static Term of(Cell cell, double sign, int kind) {
            return new Term(cell.members(), sign, cell.known(), cell, kind);
        }

        boolean hideable() {
            return known && cell.hideable();
        }
    }

    /**
     * Hides a term only this report shows: the smallest of the kind preferred (the month's signups and churners, or its
     * ends), else of the other.
     */
    private static boolean hidePartner(List<Term> terms, int preferred, Map<String, Set<List<String>>> forcedRows) {
        // Of the month's ends, its own end before its start (which the first month's equation, from no one, would give).
        Optional<Term> partner = terms.stream().filter(Term::hideable)
                .min(Comparator.comparingInt((Term t) -> t.kind() == preferred ? 0 : 1)
                        .thenComparingDouble(t -> t.kind() == FLOW_END ? -t.sign() : t.members())
                        .thenComparing(t -> t.cell().result() + t.cell().key()));
        return partner.isPresent() && forcedRows.computeIfAbsent(partner.get().cell().result(), x -> new HashSet<>())
                .add(partner.get().cell().key());
    }

    /**
     * A result by month of a report, as computed and as published: its figure is its members, or for those who left
     * its one part. Only the event files' rows (a result with a source column counts a member-level file's too).
     */
    private record Flowing(String result, Table table, GroupSpec spec, String figure, Set<List<String>> shownKeys,
                           Set<List<String>> elsewhere) {

        /** The keys of the published rows that show the figure are read once, not once per month. */
        static Flowing of(String result, Table table, Table shown, GroupSpec spec, boolean part, Set<List<String>> elsewhere) {
            String figure = part ? spec.parts().get(0) : spec.members();
            Set<List<String>> shownKeys = new HashSet<>();
            for (List<Object> row : shown.rows()) {
                if (row.get(shown.index(figure)) != null) {
                    shownKeys.add(GroupedTable.key(shown, spec, row));
                }
            }
            return new Flowing(result, table, spec, figure, shownKeys, elsewhere);
        }

        List<String> months() {
            return table.rows().stream().filter(this::eventFiles).map(r -> String.valueOf(r.get(table.index("month"))))
                    .distinct().sorted().toList();
        }

        List<Cell> cells(String month) {
            List<Cell> cells = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                if (eventFiles(row) && month.equals(String.valueOf(row.get(table.index("month"))))
                        && row.get(table.index(figure)) instanceof Number number) {
                    List<String> key = GroupedTable.key(table, spec, row);
                    cells.add(new Cell(result, key, number.doubleValue(), shownKeys.contains(key), elsewhere.contains(key)));
                }
            }
            return cells;
        }

        private boolean eventFiles(List<Object> row) {
            return table.indexOf("source").map(s -> GroupedTable.EVENT_FILES.equals(row.get(s))).orElse(true);
        }
    }

    /** The result {@code named} (of the question of answer {@code a}, or {@code <question>/<result>}), if it ran by month. */
    private static Optional<Flowing> flowing(List<Answer> computed, List<Answer> published, int a, String named, boolean part,
                                             Map<String, Set<List<String>>> shownElsewhere) {
        Optional<NamedResult> result = NamedResult.of(computed, a, named);
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Table table = result.get().in(computed);
        Table shown = result.get().in(published);
        if (table == null || shown == null || table.indexOf("month").isEmpty() || shown.indexOf("month").isEmpty()) {
            return Optional.empty();
        }
        String key = result.get().key();
        return Optional.of(Flowing.of(key, table, shown, result.get().spec(), part, shownElsewhere.getOrDefault(key, Set.of())));
    }
}
